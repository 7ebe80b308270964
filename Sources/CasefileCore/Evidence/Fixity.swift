#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What re-hashing one piece of evidence found.
public enum FixityStatus: Sendable, Equatable {
    /// The file is there and has the recorded hash.
    case ok
    /// The file is there but its bytes changed: its hash and size now.
    case changed(hash: String, size: UInt64)
    /// No file where the evidence should be.
    case missing
    /// Something other than a regular file stands in its place (a symbolic link, a folder).
    case notAFile(String)
    /// The file could not be read.
    case unreadable(String)
}

/// The result of verifying one piece of evidence.
public struct FixityResult: Sendable, Equatable {
    /// The evidence checked.
    public var record: EvidenceRecord
    /// Where its file was looked for.
    public var path: String
    /// What was found.
    public var status: FixityStatus
    /// For a WACZ whose bytes are unchanged: declared hashes inside it that do not match.
    public var waczProblems: [String]

    /// Whether nothing is wrong.
    public var isOK: Bool { status == .ok && waczProblems.isEmpty }

    /// The outcome in a few words, for the report and the custody event.
    public var outcome: String {
        switch status {
        case .ok:
            return waczProblems.isEmpty ? "verified ok"
                : "verified: WACZ DECLARED HASHES DO NOT MATCH: " + waczProblems.joined(separator: "; ")
        case let .changed(hash, size):
            return "verified: CHANGED, now sha256 \(hash), \(size) bytes (recorded \(record.sha256))"
        case .missing: return "verified: MISSING"
        case let .notAFile(what): return "verified: NOT A FILE, \(what) in its place"
        case let .unreadable(reason): return "verified: UNREADABLE, \(reason)"
        }
    }
}

extension EvidenceStore {
    /// Re-hashes `record`'s file (in the store, or where it was linked) and compares it
    /// with the recorded hash; a WACZ's own declared hashes are checked too.
    /// - Complexity: O(size of the file).
    public func verify(_ record: EvidenceRecord) -> FixityResult {
        let path = record.location(in: self)
        var result = FixityResult(record: record, path: path, status: .ok, waczProblems: [])
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            var info = stat()
            if lstat(path, &info) == 0 {
                result.status = (info.st_mode & S_IFMT) == S_IFLNK
                    ? .notAFile("a symbolic link to \(EvidenceFile.linkTarget(path))")
                    : .unreadable(String(cString: strerror(code)))
            } else {
                result.status = code == ENOENT || code == ENOTDIR ? .missing : .unreadable(String(cString: strerror(code)))
            }
            return result
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            result.status = .unreadable(String(cString: strerror(errno)))
            return result
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            result.status = .notAFile(EvidenceFile.describe(info.st_mode & S_IFMT))
            return result
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        do {
            let (hash, size, _) = try Self.hash(descriptor: descriptor, path: path, copyingTo: nil, store: folder)
            if hash != record.sha256 {
                result.status = .changed(hash: hash, size: size)
                return result
            }
        } catch {
            result.status = .unreadable(String(describing: error))
            return result
        }
        if record.mediaType == "application/wacz", let summary = WACZReader.read(path: path) {
            result.waczProblems = summary.problems
        }
        return result
    }
}
