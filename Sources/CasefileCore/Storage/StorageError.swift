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

    public var description: String {
        switch self {
        case let .cannotOpen(path, code):
            return "cannot read \(path): \(String(cString: strerror(code)))"
        case let .isDirectory(path):
            return "\(path) is a folder, not a case file"
        case let .cannotWrite(path, step, code):
            return "cannot save \(path) (\(step): \(String(cString: strerror(code)))); the file on disk is unchanged"
        }
    }

    /// The same error, naming the file as `name` (the name the user typed).
    func naming(_ name: String) -> StorageError {
        switch self {
        case let .cannotOpen(_, code): return .cannotOpen(path: name, errno: code)
        case .isDirectory: return .isDirectory(path: name)
        case let .cannotWrite(_, step, code): return .cannotWrite(path: name, step: step, errno: code)
        }
    }
}
