internal import CEditLine
import Foundation

/// The shell's command history, kept by libedit (`history_w`) and mirrored to a file
/// after every line, so a crash or a closed terminal loses nothing.
///
/// Consecutive duplicates are dropped, the size is capped, and the trailing whitespace
/// that completion leaves (`show aitelenov `) is trimmed before a line is added.
public final class History {
    /// The file the history is loaded from and saved to, or nil for memory only.
    public let path: String?
    /// The most entries kept; older ones are dropped.
    public let capacity: Int
    /// Why the last load or save failed, or nil when it worked. Saving is retried on the
    /// next line; the shell may show this once.
    public private(set) var lastError: String?

    /// The libedit history, handed to the editor by `EditLineReader`.
    let handle: OpaquePointer

    /// A history of at most `capacity` entries, loaded from `path` when the file exists.
    /// Sets up the UTF-8 locale first (`UTF8Locale.activate()`): libedit converts the file's
    /// bytes with it and silently drops non-ASCII lines in the "C" locale.
    public init(path: String?, capacity: Int = 2000) {
        UTF8Locale.activate()
        self.path = path
        self.capacity = max(1, capacity)
        guard let handle = history_winit() else {
            // history_winit only fails when out of memory; nothing sensible remains to do.
            preconditionFailure("libedit could not allocate a history")
        }
        self.handle = handle
        _ = cf_history_setsize(handle, Int32(self.capacity))
        _ = cf_history_setunique(handle, 1)
        if let path, FileManager.default.fileExists(atPath: path) {
            if cf_history_load(handle, path) < 0 {
                lastError = "could not read the history file \(path); starting with an empty history"
            }
        }
    }

    deinit { history_wend(handle) }

    /// The entries, oldest first.
    public var entries: [String] {
        var result: [String] = []
        var entry = cf_history_oldest(handle)
        while let pointer = entry {
            result.append(String(wideCString: pointer))
            entry = cf_history_newer(handle)
        }
        return result
    }

    /// Adds `line` (trailing whitespace trimmed; blank lines and a repeat of the last entry
    /// ignored) and saves the file.
    public func add(_ line: String) {
        var trimmed = Substring(line)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        guard !trimmed.isEmpty else { return }
        _ = cf_history_enter(handle, String(trimmed).wideCString)
        try? save()
    }

    /// Writes the whole history to `path` (a temporary file renamed over it, so a crash
    /// mid-write leaves the previous file), creating the folder if needed.
    public func save() throws(HistoryError) {
        guard let path else { return }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw recorded(HistoryError(path: path, reason: "cannot create the folder \(folder): \(error.localizedDescription)"))
            }
        }
        let temporary = path + ".tmp-\(getpid())"
        guard cf_history_save(handle, temporary) >= 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw recorded(HistoryError(path: path, reason: "cannot write \(temporary): \(reason)"))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw recorded(HistoryError(path: path, reason: "cannot replace it: \(reason)"))
        }
        lastError = nil
    }

    private func recorded(_ error: HistoryError) -> HistoryError {
        lastError = error.description
        return error
    }
}

/// Saving the history failed.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    /// The history file.
    public var path: String
    /// What went wrong.
    public var reason: String
    /// A one-line message naming the file and what to check.
    public var description: String {
        "history not saved to \(path): \(reason) (check the folder's permissions, or set XDG_STATE_HOME)"
    }
}
