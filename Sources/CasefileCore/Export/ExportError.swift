#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Why an export could not be written. Nothing was replaced when it is thrown.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder named is something an export must not write over.
    case refusedTarget(path: String, what: String)
    /// CSV without `--kind` writes several files: it needs a folder.
    case csvNeedsFolder
    /// Writing failed part-way (the old file, if any, is intact).
    case cannotWrite(StorageError)
    /// A folder for the CSV tables could not be made.
    case cannotCreateFolder(path: String, errno: Int32)
    /// An export for one language pair (XLIFF) cannot tell which: the message and what to give.
    case needsLanguage(String, hint: String)

    public var description: String {
        switch self {
        case let .refusedTarget(path, what): return "will not write over \(path): \(what)"
        case .csvNeedsFolder: return "csv writes one table per kind: give a folder with --out, or one kind with --kind"
        case let .cannotWrite(error): return error.description.replacingSaveWithWrite
        case let .cannotCreateFolder(path, code): return "cannot create the folder \(path): \(String(cString: strerror(code)))"
        case let .needsLanguage(message, _): return message
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .refusedTarget: return "choose a new file name, or remove what is there"
        case .csvNeedsFolder: return "export csv --out tables/   or   export csv --kind post"
        case .cannotWrite, .cannotCreateFolder: return "check the folder's permissions and free space"
        case let .needsLanguage(_, hint): return hint
        }
    }
}

extension String {
    /// A storage error's "cannot save" in the words of an export.
    fileprivate var replacingSaveWithWrite: String {
        hasPrefix("cannot save ") ? "cannot write " + dropFirst("cannot save ".count) : self
    }
}
