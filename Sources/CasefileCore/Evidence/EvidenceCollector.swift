#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finds and removes the store's files that nothing refers to: neither an evidence record
/// of the case nor a logged `attach … sha256=…` of any revision (so an older revision,
/// replayed, still finds its evidence).
public enum EvidenceCollector {
    /// A stored file and its size.
    public struct StoredFile: Sendable, Equatable {
        /// Its hash (its name in the store).
        public var hash: String
        /// Its size in bytes.
        public var size: UInt64
    }

    /// The hashes `caseFile` and the logged commands `sessionScript` refer to.
    /// - Complexity: O(n) in the evidence records and the bytes of the logged commands.
    public static func referencedHashes(caseFile: CaseFile, sessionScript: [String]) -> Set<String> {
        var hashes = Set(caseFile.orderedIds(of: .evidence).compactMap { caseFile[$0]?["Sha256"] })
        for line in sessionScript {
            var rest = line[...]
            while let range = rest.range(of: "sha256=") {
                let candidate = String(rest[range.upperBound...].prefix(64))
                if EvidenceStore.isHash(candidate) { hashes.insert(candidate) }
                rest = rest[range.upperBound...]
            }
        }
        return hashes
    }

    /// The files in `store` no record or logged command refers to, in hash order.
    public static func unreferenced(in store: EvidenceStore, caseFile: CaseFile, sessionScript: [String]) -> [StoredFile] {
        let referenced = referencedHashes(caseFile: caseFile, sessionScript: sessionScript)
        return store.storedHashes().filter { !referenced.contains($0) }.map { hash in
            var info = stat()
            let size = lstat(store.path(of: hash), &info) == 0 ? UInt64(info.st_size) : 0
            return StoredFile(hash: hash, size: size)
        }
    }

    /// Deletes `files` from `store`; returns how many were deleted.
    public static func remove(_ files: [StoredFile], from store: EvidenceStore) -> Int {
        var removed = 0
        for file in files where unlink(store.path(of: file.hash)) == 0 { removed += 1 }
        store.syncFolder()
        return removed
    }
}
