#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Why a file could not be read or written. The old file is always left intact.
public enum StorageError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file could not be opened or read.
    case cannotOpen(path: String, errno: Int32)
    /// A folder was given where a file was expected.
    case isDirectory(path: String)
    /// Writing failed part-way; `path` is unchanged.
    case cannotWrite(path: String, step: String, errno: Int32)
    /// A FIFO, a device, a socket (or a symbolic link where none may be) was given where a
    /// regular file is needed: it is neither read as a case nor replaced by one.
    case notRegular(path: String, kind: FileKind)
    /// A stream longer than casefile reads into memory.
    case tooLarge(path: String, limit: Int)
    /// The case file is read-only (no write permission): it is not replaced.
    case readOnlyFile(path: String, mode: UInt32)
    /// The case file has other names (hard links) that a save would leave on the old content.
    case hardLinked(path: String, links: Int)
    /// Another program rewrote or truncated the file in place while casefile was reading
    /// values from it (they are read from the mapped file when needed).
    case changedWhileRead(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, code):
            return "cannot read \(path): \(String(cString: strerror(code)))"
        case let .isDirectory(path):
            return "\(path) is a folder, not a case file"
        case let .cannotWrite(path, step, code):
            return "cannot save \(path) (\(step): \(String(cString: strerror(code)))); the file on disk is unchanged"
        case let .notRegular(path, kind):
            return "\(path): not a regular file: \(kind.phrase)"
        case let .tooLarge(path, limit):
            return "\(path): more than \(limit >> 30) GiB; save it to a file first"
        case let .readOnlyFile(path, mode):
            return "cannot save \(path): the file is read-only (mode \(String(mode, radix: 8))); the file on disk is unchanged"
        case let .hardLinked(path, links):
            return "\(path) has \(links) names (hard links): a save writes a new file under this name only, and the other \(links - 1 == 1 ? "name keeps" : "names keep") the old content"
        case let .changedWhileRead(path):
            return "\(path) was rewritten in place by another program while casefile read it; nothing was written from it (run the command again)"
        }
    }

    /// Whether the error says the file is the wrong kind of thing (misuse of the command
    /// line, exit status 2), not that reading or writing it failed.
    public var isWrongKindOfFile: Bool {
        switch self {
        case .notRegular, .isDirectory: return true
        default: return false
        }
    }

    /// The same error, naming the file as `name` (the name the user typed).
    func naming(_ name: String) -> StorageError {
        switch self {
        case let .cannotOpen(_, code): return .cannotOpen(path: name, errno: code)
        case .isDirectory: return .isDirectory(path: name)
        case let .cannotWrite(_, step, code): return .cannotWrite(path: name, step: step, errno: code)
        case let .notRegular(_, kind): return .notRegular(path: name, kind: kind)
        case let .tooLarge(_, limit): return .tooLarge(path: name, limit: limit)
        case let .readOnlyFile(_, mode): return .readOnlyFile(path: name, mode: mode)
        case let .hardLinked(_, links): return .hardLinked(path: name, links: links)
        case .changedWhileRead: return .changedWhileRead(path: name)
        }
    }
}
