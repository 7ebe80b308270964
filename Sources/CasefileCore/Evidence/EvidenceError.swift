#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Why a file could not become evidence, or the store could not be read or written.
/// Nothing is half-written when one is thrown: a copy in progress is removed.
public enum EvidenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(path: String, errno: Int32)
    /// A folder, a device or a socket was given where a file was expected.
    case notRegularFile(path: String, what: String)
    /// A symbolic link was given: it is refused, naming what it points to.
    case symbolicLink(path: String, target: String)
    /// The evidence store could not be created or written at `step`.
    case cannotStore(store: String, step: String, errno: Int32)
    /// The store's folder is something other than a private folder casefile made.
    case storeNotFolder(store: String)
    /// A stored file under the hash's name holds other bytes (the store was tampered with).
    case storedCopyDiffers(store: String, hash: String)
    /// The file changed while it was being read (its size or time moved under the copy).
    case changedWhileReading(path: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, code):
            return "cannot read \(path): \(String(cString: strerror(code)))"
        case let .notRegularFile(path, what):
            return "\(path) is \(what), not a regular file"
        case let .symbolicLink(path, target):
            return "\(path) is a symbolic link (to \(target)); casefile does not follow links into evidence"
        case let .cannotStore(store, step, code):
            return "cannot write to the evidence store \(store) (\(step): \(String(cString: strerror(code)))); nothing was stored"
        case let .storeNotFolder(store):
            return "\(store) is not a folder (a symbolic link or a file is in the evidence store's place)"
        case let .storedCopyDiffers(store, hash):
            return "the stored copy \(store)/\(hash) no longer matches its name"
        case let .changedWhileReading(path):
            return "\(path) changed while it was being copied; nothing was stored"
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .cannotRead: return "check the path and its permissions"
        case .notRegularFile: return "attach the files inside it one by one (attach ENTRY DIR/*)"
        case let .symbolicLink(_, target): return "attach the file itself: \(target)"
        case let .cannotStore(_, _, code):
            if code == ENOSPC || code == EDQUOT { return "free some space on that disk and attach again" }
            if code == EROFS || code == EACCES || code == EPERM { return "make the store writable (it is beside the case file) and attach again" }
            return "fix the store and attach again"
        case .storeNotFolder: return "move it away; casefile makes the store itself"
        case .storedCopyDiffers: return "run verify to see which evidence is affected; restore the file from a bundle or backup"
        case .changedWhileReading: return "attach it again once nothing is writing to it"
        }
    }
}
