import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The search index saved beside a case (`.NAME.rec.index`), or in the per-user cache
/// when the case's folder is not writable, so that the next open or one-shot search reads
/// it instead of building it. A cache, never trusted: it is used only for the exact bytes
/// it was built from (size, modification time, inode and device checked on every use;
/// the case's SHA-256, stored in it, checked on request), only when it is a regular file
/// of ours that nobody else can write, and only when everything in it checks out;
/// anything else is rebuilt. Format: docs/FORMAT.md, "The search index file".
public enum SearchIndexFile {
    /// The format version written; other versions are rebuilt, never read.
    public static let version: UInt32 = 1
    static let magic: [UInt8] = Array("CFINDEX\n".utf8)
    static let headerLength = 136

    /// What identifies the bytes of a case file without reading them.
    public struct CaseIdentity: Equatable, Sendable {
        var size: UInt64
        var modifiedSeconds: Int64
        var modifiedNanoseconds: Int64
        var inode: UInt64
        var device: UInt64

        /// The identity of the file at `path` now (links followed, as a case is read), or
        /// nil when it is not a regular file.
        public init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            size = UInt64(info.st_size)
            modifiedSeconds = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
        }
    }

    /// Where the index of `casePath` may be, in the order they are tried: beside the case
    /// (`.NAME.rec.index`), then `$XDG_CACHE_HOME/casefile/index/` (else
    /// `~/.cache/casefile/index/`) under a name made from the case's resolved path.
    public static func locations(for casePath: String, environment: [String: String]) -> [String] {
        var paths = [CasePaths.beside(casePath, suffix: ".index")]
        if let folder = cacheFolder(environment: environment) {
            paths.append(folder + "/" + String(SHA256Digest.sha256(Array(CasePaths.resolved(casePath).utf8)).prefix(32)) + ".index")
        }
        return paths
    }

    static func cacheFolder(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/casefile/index" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/casefile/index" }
        return nil
    }

    /// The index saved for `caseFile`, loaded from the file at `casePath` whose identity
    /// was `identity` before and after loading; nil (with the reason) when there is none
    /// that fits. `verifyContent` also re-hashes the case and compares the SHA-256 stored.
    public static func load(for casePath: String, caseFile: CaseFile, identity: CaseIdentity,
                            environment: [String: String], verifyContent: Bool = false) -> (index: SearchIndex?, reason: String) {
        var reason = "no saved index"
        for path in locations(for: casePath, environment: environment) {
            guard let bytes = readOwnFile(path) else { continue }
            do {
                let index = try read(bytes, caseFile: caseFile, identity: identity,
                                     contentHash: verifyContent ? hashOfFile(casePath) ?? "(the case cannot be read)" : nil)
                return (index, "read \(path)")
            } catch {
                reason = "\(path): \(error.reason)"
            }
        }
        return (nil, reason)
    }

    /// Checks `bytes` (a whole index file) against the case and builds the index from it.
    static func read(_ bytes: [UInt8], caseFile: CaseFile, identity: CaseIdentity,
                     contentHash: String?) throws(IndexDamage) -> SearchIndex {
        try bytes.withUnsafeBytes { raw in
            Result { () throws(IndexDamage) -> SearchIndex in
                try parse(raw, caseFile: caseFile, identity: identity, contentHash: contentHash)
            }
        }.get()
    }

    private static func parse(_ raw: UnsafeRawBufferPointer, caseFile: CaseFile, identity: CaseIdentity,
                              contentHash: String?) throws(IndexDamage) -> SearchIndex {
        var header = IndexBytesReader(raw)
        guard raw.count >= headerLength, Array(raw[0..<8]) == magic else { throw IndexDamage("not a casefile search index") }
        _ = try header.u64("magic")
        let version = try header.u32("version")
        guard version == Self.version else { throw IndexDamage("format version \(version), this casefile reads \(Self.version)") }
        guard try header.u32("header length") == UInt32(headerLength) else { throw IndexDamage("a header of another length") }
        var saved = identity
        saved.size = try header.u64("size")
        saved.modifiedSeconds = Int64(bitPattern: try header.u64("modification time"))
        saved.modifiedNanoseconds = Int64(bitPattern: try header.u64("modification time"))
        saved.inode = try header.u64("inode")
        saved.device = try header.u64("device")
        guard saved == identity else { throw IndexDamage("built for other bytes (the case changed since)") }
        let hash = String(decoding: try header.array(64, of: UInt8.self, "hash"), as: UTF8.self)
        if let contentHash, contentHash != hash { throw IndexDamage("built for other content (SHA-256 differs)") }
        let length = try header.u64("payload length")
        let checksum = try header.u64("checksum")
        guard length == UInt64(header.remaining) else { throw IndexDamage("truncated or extended") }
        let payload = UnsafeRawBufferPointer(rebasing: raw[headerLength...])
        guard IndexChecksum.of(payload) == checksum else { throw IndexDamage("damaged (checksum)") }
        return try SearchIndex.restoring(payload, caseFile: caseFile).get()
    }

    /// Saves `index` for the case file at `casePath` whose bytes it was built from (their
    /// identity `identity`, taken before loading): beside the case, else in the cache.
    /// Nothing is written for an index changed since it was built, or for a case that
    /// changed on disk meanwhile. Private (0600) and atomic.
    public static func save(_ index: SearchIndex, for casePath: String, identity: CaseIdentity,
                            environment: [String: String]) throws(StorageError) {
        try save(index.store, for: casePath, identity: identity, environment: environment)
    }

    /// `save` on a thread of its own, from a copy of the index as it is now (later changes
    /// to the index do not reach the copy); failures are dropped: the index is a cache.
    public static func saveInBackground(_ index: SearchIndex, for casePath: String, identity: CaseIdentity,
                                        environment: [String: String]) {
        let snapshot = Snapshot(store: index.store)
        inBackground { try? save(snapshot.store, for: casePath, identity: identity, environment: environment) }
    }

    /// Builds the index of `caseFile` (the case as just saved to `casePath`, whose file has
    /// the identity `identity`) and saves it, on a thread of its own: a save does not wait
    /// for the index, and the next open or one-shot search of that file finds it current.
    /// Nothing is written if the file changed meanwhile.
    public static func rebuildInBackground(_ caseFile: CaseFile, for casePath: String, identity: CaseIdentity,
                                           environment: [String: String]) {
        inBackground {
            let index = SearchIndex(caseFile: caseFile)
            try? save(index.store, for: casePath, identity: identity, environment: environment)
        }
    }

    /// Waits until the indexes being built and saved in the background are written (for
    /// tests, and for a program that wants them before it ends).
    public static func waitForBackgroundWork() { backgroundWork.wait() }

    private static let backgroundWork = DispatchGroup()

    private static func inBackground(_ work: @escaping @Sendable () -> Void) {
        backgroundWork.enter()
        let thread = Thread {
            work()
            backgroundWork.leave()
        }
        thread.qualityOfService = .background
        thread.start()
    }

    /// Whether an index is saved for the case at `casePath` (for any bytes): a case whose
    /// index was kept gets a new one after each save.
    static func exists(for casePath: String, environment: [String: String]) -> Bool {
        locations(for: casePath, environment: environment).contains { path in
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
    }

    /// An index's data handed to another thread: value types all through, copied on write.
    private struct Snapshot: @unchecked Sendable {
        let store: IndexStore
    }

    static func save(_ store: IndexStore, for casePath: String, identity: CaseIdentity,
                     environment: [String: String]) throws(StorageError) {
        guard store.isPristine else { return }
        let payload = store.persistedPayload()
        guard let hash = hashOfFile(casePath), CaseIdentity(path: casePath) == identity else { return }
        var header = IndexBytesWriter(capacity: headerLength)
        header.array(magic)
        header.u32(version)
        header.u32(UInt32(headerLength))
        header.u64(identity.size)
        header.u64(UInt64(bitPattern: identity.modifiedSeconds))
        header.u64(UInt64(bitPattern: identity.modifiedNanoseconds))
        header.u64(identity.inode)
        header.u64(identity.device)
        header.array(Array(hash.utf8))
        header.u64(UInt64(payload.count))
        header.u64(payload.withUnsafeBytes { IndexChecksum.of($0) })
        let head = header.bytes
        var failure: StorageError?
        for (number, path) in locations(for: casePath, environment: environment).enumerated() {
            do {
                if number > 0 { _ = try PrivateFiles.privateFolder(AtomicFile.parentFolder(of: path)) }
                try AtomicFile.write(to: path, newFileMode: 0o600) { fd in
                    let code = head.withUnsafeBufferPointer { AtomicFile.writeAll(fd, $0) }
                    return code != 0 ? code : payload.withUnsafeBufferPointer { AtomicFile.writeAll(fd, $0) }
                }
                return
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }

    /// The bytes of `path` when it is a regular file (not a link) owned by us that
    /// nobody else may write; nil otherwise.
    static func readOwnFile(_ path: String) -> [UInt8]? {
        guard let file = try? SafeOpen.regularFile(path, followLinks: false), file.info.st_uid == geteuid(),
              file.info.st_mode & 0o022 == 0 else { return nil }
        return try? SafeOpen.readAll(fd: file.fd, path: path)
    }

    /// The SHA-256 of the file at `path`, or nil when it cannot be read.
    static func hashOfFile(_ path: String) -> String? {
        guard let file = try? SafeOpen.regularFile(path) else { return nil }
        return try? SHA256Digest.sha256(descriptor: file.fd).hash
    }
}
