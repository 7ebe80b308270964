import Crypto
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file hashed (and, unless linked, stored): what a record of it needs.
public struct IngestedFile: Sendable, Equatable {
    /// The SHA-256, 64 lower-case hex digits.
    public var hash: String
    /// The size in bytes.
    public var size: UInt64
    /// The file's modification time, seconds since the epoch.
    public var modificationTime: Int
    /// The first bytes, for sniffing the media type.
    public var head: [UInt8]
    /// Whether the store held these bytes already (attached before: stored once).
    public var wasStored: Bool
}

extension EvidenceStore {
    /// How many bytes each read takes: large enough that a read costs little beside hashing.
    static let blockSize = 4 << 20
    /// How many leading bytes are kept for sniffing.
    static let headSize = 4096

    /// Copies `path` into the store under its SHA-256, hashing in the same pass. The copy
    /// is written to an unnamed file in the store (or, where the file system has none, a
    /// temporary name), fsynced, made read-only and only then linked under the hash, which
    /// never replaces a file already there: a kill at any point leaves the store as it was
    /// or holding the whole file. The same bytes stored twice are kept once.
    public func ingest(_ path: String) throws(EvidenceError) -> IngestedFile {
        let source = try EvidenceFile(opening: path)
        defer { source.close() }
        try prepareFolder()
        removeStaleTemporaries()
        let temporary = try TemporaryStoreFile(in: self)
        defer { temporary.discard() }
        let (hash, size, head) = try Self.hash(source, copyingTo: temporary.descriptor, store: folder)
        if source.changedSinceOpen() || size != UInt64(source.info.st_size) { throw .changedWhileReading(path: path) }
        let final = self.path(of: hash)
        if try alreadyHolds(hash: hash, size: size) {
            return IngestedFile(hash: hash, size: size, modificationTime: source.modificationTime, head: head, wasStored: true)
        }
        try temporary.seal(store: folder)
        switch temporary.link(to: final) {
        case 0: break
        case EEXIST:
            // Another casefile stored the same bytes a moment ago.
            guard try alreadyHolds(hash: hash, size: size) else { throw .storedCopyDiffers(store: folder, hash: hash) }
        case let code: throw .cannotStore(store: folder, step: "link \(hash)", errno: code)
        }
        syncFolder()
        return IngestedFile(hash: hash, size: size, modificationTime: source.modificationTime, head: head,
                            wasStored: false)
    }

    /// Hashes `path` where it is (`attach --link`), without copying it.
    public static func hashInPlace(_ path: String) throws(EvidenceError) -> IngestedFile {
        let source = try EvidenceFile(opening: path)
        defer { source.close() }
        let (hash, size, head) = try Self.hash(source, copyingTo: nil, store: "")
        if source.changedSinceOpen() { throw .changedWhileReading(path: path) }
        return IngestedFile(hash: hash, size: size, modificationTime: source.modificationTime, head: head,
                            wasStored: false)
    }

    /// Whether the store holds a regular file named `hash` of `size` bytes; throws when
    /// something else stands under that name.
    func alreadyHolds(hash: String, size: UInt64) throws(EvidenceError) -> Bool {
        var info = stat()
        guard lstat(path(of: hash), &info) == 0 else { return false }
        guard (info.st_mode & S_IFMT) == S_IFREG, UInt64(info.st_size) == size else {
            throw .storedCopyDiffers(store: folder, hash: hash)
        }
        return true
    }

    /// Reads `source` to its end, hashing every block and writing it to `target` if given.
    static func hash(_ source: EvidenceFile, copyingTo target: Int32?, store: String) throws(EvidenceError)
        -> (hash: String, size: UInt64, head: [UInt8]) {
        try hash(descriptor: source.descriptor, path: source.path, copyingTo: target, store: store)
    }

    /// Reads `descriptor` (the file `path`) to its end, hashing every block and writing it
    /// to `target` if given: one read pass, on a second thread that also writes the copy
    /// while the block before is hashed (`BlockPipeline`).
    /// - Complexity: O(n) in the file's bytes, a few blocks of memory.
    static func hash(descriptor: Int32, path: String, copyingTo target: Int32?, store: String) throws(EvidenceError)
        -> (hash: String, size: UInt64, head: [UInt8]) {
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        var hasher = SHA256()
        var total: UInt64 = 0
        var head: [UInt8] = []
        let failure = try BlockPipeline.read(descriptor, copyingTo: target, blockSize: blockSize) {
            (block: UnsafeRawBufferPointer) throws(EvidenceError) -> Void in
            hasher.update(bufferPointer: block)
            if head.count < headSize { head += block.prefix(headSize - head.count) }
            total += UInt64(block.count)
        }
        switch failure {
        case nil: break
        case let .read(code)?: throw .cannotRead(path: path, errno: code)
        case let .write(code)?: throw .cannotStore(store: store, step: "write", errno: code)
        }
        return (SHA256Digest.hex(hasher.finalize()), total, head)
    }
}
