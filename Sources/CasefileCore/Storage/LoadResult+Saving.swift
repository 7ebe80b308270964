#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension LoadResult {
    /// What a write of this case can copy from: the mapped file read, where its records are.
    var recordReuse: RecordReuse? {
        guard let mapping, let records, mapping.isIntact else { return nil }
        return RecordReuse(file: mapping, written: records) { _ in false }
    }

    /// Whether the file read holds exactly the canonical text of the case, compared with
    /// the mapping it was read from: the records already in the writer's form are not
    /// written again to compare them. Without a mapping, `CaseFile.isWrittenCanonically`.
    /// - Complexity: O(n), without reading the file again.
    public func isWrittenCanonically(at path: String) -> Bool {
        guard let mapping, mapping.isIntact, let reuse = recordReuse else { return caseFile.isWrittenCanonically(at: path) }
        let disk = mapping.bytes
        var offset = 0
        let complete = CaseWriter.write(caseFile, reusing: reuse) { chunk in
            guard let base = chunk.baseAddress, let file = disk.baseAddress else { return chunk.isEmpty }
            guard offset + chunk.count <= disk.count, memcmp(file + offset, base, chunk.count) == 0 else { return false }
            offset += chunk.count
            return true
        } != nil
        return complete && offset == disk.count && mapping.isIntact
    }

    /// Writes the case canonically to `path`, atomically, as `CaseFile.write(to:)` does,
    /// copying the records of the file read that are in the writer's form already.
    public func write(to path: String, breakingLinks: Bool = false) throws(StorageError) {
        let reuse = recordReuse
        try AtomicFile.write(to: path, breakingLinks: breakingLinks) { fd in
            var code: Int32 = 0
            _ = CaseWriter.write(caseFile, reusing: reuse) { chunk in
                code = AtomicFile.writeAll(fd, chunk)
                return code == 0
            }
            // Values and records were read from the mapping: it must still hold them.
            if code == 0, let mapping, !mapping.isIntact { return EIO }
            return code
        }
    }
}
