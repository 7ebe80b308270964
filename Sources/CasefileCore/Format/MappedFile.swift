#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import CMappedGuard

/// A file's bytes, memory-mapped read-only (an empty file maps to an empty buffer).
///
/// The values of a case loaded from a file are ranges of this mapping (`MappedValue`), so
/// it lives as long as one of them does. Another program may truncate or rewrite the file
/// in place meanwhile: a read past a new end would raise SIGBUS, which the guard
/// (`CMappedGuard`) turns into zero-filled pages, and `isIntact` says whether the bytes are
/// still the ones read (the guard did not fire; size, inode and modification time as at
/// the open). The engine checks it before each command and each save.
final class MappedFile: @unchecked Sendable {
    /// The bytes; valid while this object lives. Never written: the mapping is private
    /// and read-only, so sharing it between threads is safe.
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int
    /// The descriptor, kept open to ask `fstat` whether the file changed under the mapping.
    private let file: OpenedFile
    private let guardSlot: Int32

    /// Maps the regular file at `path` (opened through `SafeOpen`: a FIFO, a device or a
    /// folder is refused, never read as an empty case); throws a `StorageError` saying why
    /// it cannot be read.
    /// With `populate` every page is mapped at once (a load reads them all); without, each
    /// is mapped when first read (a save copies some, a hash reads them once).
    convenience init(path: String, followLinks: Bool = true, populate: Bool = true) throws(StorageError) {
        let file = try SafeOpen.regularFile(path, followLinks: followLinks)
        try self.init(file: file, path: path, populate: populate)
    }

    /// Maps a regular file already opened.
    init(file: OpenedFile, path: String, populate: Bool = true) throws(StorageError) {
        self.file = file
        length = Int(file.info.st_size)
        if length == 0 {
            mapping = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            guardSlot = -1
            return
        }
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | (populate ? MAP_POPULATE : 0)
        #else
        let flags = MAP_PRIVATE
        #endif
        let pointer = mmap(nil, length, PROT_READ, flags, file.fd, 0)
        guard let pointer, pointer != MAP_FAILED else { throw StorageError.cannotOpen(path: path, errno: errno) }
        mapping = pointer
        bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
        guardSlot = casefile_guard_register(pointer, length)
    }

    /// Whether the mapping can be trusted for decoding values later: it is guarded against
    /// SIGBUS (a guard slot was free; otherwise the loader keeps owned values).
    var isGuarded: Bool { guardSlot >= 0 || length == 0 }

    /// `fstat` of the file when it was mapped.
    var info: stat { file.info }

    /// Whether the file still holds the bytes that were mapped: no read of the mapping
    /// faulted, and `fstat` gives the size, inode and modification time of the open.
    /// A save by casefile replaces the file by another (a new inode): the mapping, of the
    /// old one, stays intact.
    ///
    /// - Complexity: O(1), one `fstat`.
    var isIntact: Bool {
        if guardSlot >= 0 && casefile_guard_tripped(guardSlot) != 0 { return false }
        var now = stat()
        guard fstat(file.fd, &now) == 0 else { return false }
        let then = file.info
        return now.st_size == then.st_size && now.st_ino == then.st_ino && now.st_dev == then.st_dev
            && now.st_mtim.tv_sec == then.st_mtim.tv_sec && now.st_mtim.tv_nsec == then.st_mtim.tv_nsec
    }

    deinit {
        if guardSlot >= 0 { casefile_guard_unregister(guardSlot) }
        if let mapping { munmap(mapping, length) }
    }
}
