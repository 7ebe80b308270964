import Crypto
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension SessionChain {
    /// What a streamed save wrote: the hash of its bytes (`ContentHash`), where its records
    /// went, and its size.
    struct StreamedWrite {
        var contentHash: UInt64
        var records: WrittenRecords
        var byteCount: Int
    }

    /// Writes `caseFile` to `fd` (nothing is written when `fd` is negative: a dry run) a
    /// megabyte at a time, copying unchanged records through `reuse`; with `parents` it is
    /// sealed first as `seal(_:parents:)` seals it. The chain's hash is taken over the bytes
    /// as they go out: the newest session's `Hash` line, which is the file's last line,
    /// is written as a placeholder, held back from the hash, and overwritten in place
    /// with the real one at the end. A case with hand-added record types or trailing
    /// comments after the sessions, or two sessions of the newest revision (where a line
    /// like the placeholder could stand after it), is sealed in two passes instead. Returns what was written, or
    /// the errno of a failed write.
    /// - Complexity: one write of the case, plus SHA-256 over its bytes; memory O(1)
    ///   beyond the case (the whole text is never held).
    static func write(_ caseFile: inout CaseFile, sealing parents: [String]?, reusing reuse: RecordReuse?,
                      to fd: Int32) -> Result<StreamedWrite, StreamError> {
        guard let parents, let newest = newestIndex(caseFile.sessions) else {
            return stream(caseFile, reusing: reuse, to: fd, hashing: false)
        }
        let revision = caseFile.sessions[newest].revision
        let onePass = caseFile.trailingComments.isEmpty && !caseFile.foreign.contains { !$0.isAnonymous }
            && caseFile.sessions.filter({ $0.revision == revision }).count == 1
        if onePass {
            var candidate = caseFile
            var session = candidate.sessions[newest]
            session.fields.removeAll { $0.name == hashField || $0.name == previousField }
            session.fields += parents.map { Field(previousField, $0) }
            session.fields.append(Field(hashField, placeholder))
            candidate.sessions[newest] = session
            let sink = HashingSink(fd: fd, holdingBack: placeholderLine.count)
            guard let records = CaseWriter.write(candidate, reusing: reuse, chunksTo: sink.take) else {
                return .failure(StreamError(code: sink.code))
            }
            if sink.heldBack == placeholderLine, sink.lineStartsAtHeldBack {
                let hash = SHA256Digest.hex(sink.sha.finalize())
                let line = Array("\(hashField): \(hash)\n".utf8)
                if fd >= 0 {
                    let offset = off_t(sink.count - line.count)
                    let wrote = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, line.count, offset) }
                    guard wrote == line.count else { return .failure(StreamError(code: wrote < 0 ? errno : EIO)) }
                }
                var content = sink.content
                line.withUnsafeBufferPointer { content.update($0) }
                let fields = candidate.sessions[newest].fields.count
                candidate.sessions[newest].fields[fields - 1] = Field(hashField, hash)
                caseFile = candidate
                return .success(StreamedWrite(contentHash: content.finalize(), records: records, byteCount: sink.count))
            }
            // The writer put the line elsewhere than expected: start again the two-pass way.
            if fd >= 0, ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0 { return .failure(StreamError(code: errno)) }
        }
        seal(&caseFile, parents: parents)
        return stream(caseFile, reusing: reuse, to: fd, hashing: false)
    }

    /// The bytes of a placeholder `Hash` line.
    static var placeholderLine: [UInt8] { Array("\(hashField): \(placeholder)\n".utf8) }

    /// Writes `caseFile` through a sink that hashes what it writes.
    private static func stream(_ caseFile: CaseFile, reusing reuse: RecordReuse?, to fd: Int32,
                               hashing: Bool) -> Result<StreamedWrite, StreamError> {
        let sink = HashingSink(fd: fd, holdingBack: 0, sha: hashing)
        guard let records = CaseWriter.write(caseFile, reusing: reuse, chunksTo: sink.take) else {
            return .failure(StreamError(code: sink.code))
        }
        return .success(StreamedWrite(contentHash: sink.content.finalize(), records: records, byteCount: sink.count))
    }

    /// A failed write, with its errno.
    struct StreamError: Error {
        var code: Int32
    }
}

/// Writes the chunks it is handed to a file and hashes them on the way (SHA-256 for the
/// chain, `ContentHash` to notice later edits on disk), holding the last few bytes back
/// from both hashes until the end (the chain's hash leaves out the last line).
final class HashingSink {
    private let fd: Int32
    private let holdBack: Int
    private let hashesSHA: Bool
    /// SHA-256 of the bytes written, the held-back ones excepted.
    private(set) var sha = SHA256()
    /// `ContentHash` of the same bytes.
    private(set) var content = ContentHasher()
    /// The last bytes written, not hashed yet (at most `holdBack`).
    private(set) var heldBack: [UInt8] = []
    /// The last byte hashed (a newline before the held-back bytes starts their line).
    private var lastHashed: UInt8?
    /// The number of bytes written.
    private(set) var count = 0
    /// The errno of a failed write, or 0.
    private(set) var code: Int32 = 0

    init(fd: Int32, holdingBack holdBack: Int, sha: Bool = true) {
        self.fd = fd
        self.holdBack = holdBack
        hashesSHA = sha
        heldBack.reserveCapacity(holdBack * 2)
    }

    /// Whether the held-back bytes start a line.
    var lineStartsAtHeldBack: Bool { lastHashed == FieldEncoding.newline }

    /// Writes `chunk` and hashes all but the last `holdBack` bytes written so far; false
    /// when the write failed.
    func take(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if fd >= 0 {
            code = AtomicFile.writeAll(fd, chunk)
            guard code == 0 else { return false }
        }
        count += chunk.count
        if chunk.count >= holdBack {
            heldBack.withUnsafeBufferPointer { hash($0) }
            hash(UnsafeBufferPointer(rebasing: chunk[..<(chunk.count - holdBack)]))
            heldBack.removeAll(keepingCapacity: true)
            heldBack.append(contentsOf: chunk[(chunk.count - holdBack)...])
        } else {
            heldBack.append(contentsOf: chunk)
            let over = heldBack.count - holdBack
            if over > 0 {
                heldBack.withUnsafeBufferPointer { hash(UnsafeBufferPointer(rebasing: $0[..<over])) }
                heldBack.removeFirst(over)
            }
        }
        return true
    }

    /// The content hash of everything written, the held-back bytes included.
    var contentOfAll: UInt64 {
        var all = content
        heldBack.withUnsafeBufferPointer { all.update($0) }
        return all.finalize()
    }

    private func hash(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let last = bytes.last else { return }
        if hashesSHA { sha.update(bufferPointer: UnsafeRawBufferPointer(bytes)) }
        content.update(bytes)
        lastHashed = last
    }
}
