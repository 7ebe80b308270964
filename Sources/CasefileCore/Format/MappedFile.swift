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

    /// Maps the regular file at `path` (opened through `SafeOpen`: a FIFO, a device or a
    /// folder is refused, never read as an empty case); throws a `StorageError` saying why
    /// it cannot be read.
    convenience init(path: String, followLinks: Bool = true) throws(StorageError) {
        let file = try SafeOpen.regularFile(path, followLinks: followLinks)
        try self.init(file: file, path: path)
    }

    /// Maps a regular file already opened.
    init(file: OpenedFile, path: String) throws(StorageError) {
        let fd = file.fd
        length = Int(file.info.st_size)
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
