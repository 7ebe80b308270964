import Foundation

extension ShellConfig {
    /// Adds `key = value` at the end of the config file at `path`, creating the file
    /// (0600, in a folder made 0700) when there is none. Refuses a symlink or anything that
    /// is not a regular file, and a value the file could not read back (a `#` starts a
    /// comment there, a line end ends the setting).
    static func append(key: String, value: String, to path: String) throws(ConfigWriteError) {
        if value.contains("#") || value.contains(where: { $0.isNewline }) || value.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw ConfigWriteError("'\(value)' cannot be written to the config file (no #, line ends or control characters)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw ConfigWriteError("cannot create \(folder): \(error.localizedDescription)")
            }
        }
        var status = stat()
        let exists = lstat(path, &status) == 0
        if exists, status.st_mode & S_IFMT != S_IFREG {
            throw ConfigWriteError("\(path) is not a regular file; not written")
        }
        let flags = exists ? O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC : O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        let descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else {
            throw ConfigWriteError("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // A file whose last line has no line end would swallow the new setting.
        var text = "\(key) = \(value)\n"
        if exists, status.st_size > 0, let last = Self.lastByte(of: path), last != UInt8(ascii: "\n") { text = "\n" + text }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else {
            throw ConfigWriteError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func lastByte(of path: String) -> UInt8? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let end = try? handle.seekToEnd(), end > 0 else { return nil }
        try? handle.seek(toOffset: end - 1)
        return (try? handle.read(upToCount: 1))?.first
    }
}

/// Writing a setting to the config file failed.
struct ConfigWriteError: Error, CustomStringConvertible {
    /// What went wrong, naming the file.
    var description: String
    init(_ description: String) { self.description = description }
}
