#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file's bytes, memory-mapped read-only (an empty file maps to an empty buffer).
final class MappedFile {
    /// The bytes; valid while this object lives.
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int

    /// Maps `path`; throws a `StorageError` saying why it cannot be read.
    init(path: String) throws(StorageError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StorageError.cannotOpen(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StorageError.cannotOpen(path: path, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StorageError.isDirectory(path: path) }
        length = Int(info.st_size)
        if length == 0 {
            mapping = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        let pointer = mmap(nil, length, PROT_READ, flags, fd, 0)
        guard let pointer, pointer != MAP_FAILED else { throw StorageError.cannotOpen(path: path, errno: errno) }
        mapping = pointer
        bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        if let mapping { munmap(mapping, length) }
    }
}
