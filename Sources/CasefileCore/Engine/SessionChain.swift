import Crypto
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The tamper-evident chain of a case's saves. Each Session record carries `Hash:`, the
/// SHA-256 of the case's canonical bytes as that save wrote them (earlier Session records
/// included, only this record's own `Hash:` line left out), and `Previous:`, the same
/// hash of the case as casefile read it before that save. Unless the file was changed
/// outside casefile in between, a session's `Previous` is the `Hash` of the session
/// before it; a merge records one `Previous` per parent (ours, then theirs), as a git
/// merge commit does. Anyone can recompute the hashes: the chain shows edits made
/// outside casefile, it does not stop someone who rewrites every hash on purpose.
public enum SessionChain {
    /// The field holding a save's hash.
    public static let hashField = "Hash"
    /// The field holding the hash of the case the save started from.
    public static let previousField = "Previous"

    /// The chain's hash of `caseFile`: SHA-256 of exactly the bytes `CaseWriter` writes
    /// for it, with the newest session's `Hash` fields left out. The one place the chain
    /// hashes a case, so a save, a check and a replay cannot disagree on what is hashed.
    /// - Complexity: O(n) in the size of the case; the text is hashed a megabyte at a
    ///   time, never held whole.
    public static func digest(of caseFile: CaseFile) -> String {
        var hasher = SHA256()
        _ = CaseWriter.write(unsealed(caseFile)) { chunk in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(chunk))
            return true
        }
        return SHA256Digest.hex(hasher.finalize())
    }

    /// The chain's hash of a case file's bytes, when they are what casefile wrote: the
    /// bytes without the line `Hash: recorded` of the newest session. Nil when that line
    /// is not there (then only `digest(of:)` of the case read from them can tell).
    /// - Complexity: O(n) at the speed of SHA-256, no parsing.
    public static func digest(ofBytes bytes: UnsafeBufferPointer<UInt8>, recorded: String) -> String? {
        guard let line = lastHashLine(in: bytes, recorded: recorded) else { return nil }
        return digest(of: bytes, leavingOut: line)
    }

    /// Where the last line `Hash: recorded` of `bytes` is. The newest session's Hash is its
    /// last field, after which only hand-added record types and trailing comments follow:
    /// searched from the end.
    static func lastHashLine(in bytes: UnsafeBufferPointer<UInt8>, recorded: String) -> Range<Int>? {
        let line = Array("\(hashField): \(recorded)\n".utf8)
        guard let base = bytes.baseAddress, bytes.count > line.count else { return nil }
        var start = bytes.count - line.count
        while start > 0 {
            if bytes[start - 1] == 0x0A, bytes[start] == line[0],
               line.withUnsafeBufferPointer({ needle in needle.baseAddress.map { memcmp(base + start, $0, line.count) == 0 } ?? false }) {
                return start..<(start + line.count)
            }
            start -= 1
        }
        return nil
    }

    /// The SHA-256 of `bytes` without the line at `line`.
    static func digest(of bytes: UnsafeBufferPointer<UInt8>, leavingOut line: Range<Int>) -> String {
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[0..<line.lowerBound])))
        hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[line.upperBound...])))
        return SHA256Digest.hex(hasher.finalize())
    }

    /// `caseFile` without the newest session's `Hash` fields: what its hash covers.
    static func unsealed(_ caseFile: CaseFile) -> CaseFile {
        guard let newest = newestIndex(caseFile.sessions),
              caseFile.sessions[newest].fields.contains(where: { $0.name == hashField }) else { return caseFile }
        var copy = caseFile
        copy.sessions[newest].fields.removeAll { $0.name == hashField }
        return copy
    }

    /// Gives the newest session its `Previous` fields (`parents`, replacing any it had)
    /// and then its `Hash`.
    /// - Complexity: O(n): the case is hashed once.
    public static func seal(_ caseFile: inout CaseFile, parents: [String]) {
        guard let newest = newestIndex(caseFile.sessions) else { return }
        var session = caseFile.sessions[newest]
        session.fields.removeAll { $0.name == hashField || $0.name == previousField }
        session.fields += parents.map { Field(previousField, $0) }
        caseFile.sessions[newest] = session
        let hash = digest(of: caseFile)
        caseFile.sessions[newest].fields.append(Field(hashField, hash))
    }

    /// The stand-in hash a one-pass seal writes before it knows the hash: as long as one.
    static let placeholder = String(repeating: "0", count: 64)

    /// The position of the session with the highest revision.
    static func newestIndex(_ sessions: [Session]) -> Int? {
        sessions.indices.max { sessions[$0].revision < sessions[$1].revision }
    }
}

extension Session {
    /// The chain's hash of the case as this save wrote it, if the save recorded one.
    public var chainHash: String? { self[SessionChain.hashField] }
    /// The hashes of the cases this save started from (two for a merge: ours, theirs).
    public var chainParents: [String] { values(SessionChain.previousField) }
    /// This record without its chain fields (to compare what a session did).
    var withoutChain: Session {
        var copy = self
        copy.fields.removeAll { $0.name == SessionChain.hashField || $0.name == SessionChain.previousField }
        return copy
    }
}
