#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Writes a file so that it either completes or leaves the previous file intact:
/// a temporary file in the same folder, fsync, rename over the old one, fsync of the
/// folder. The old file's permissions are kept; a new file gets 0644 less the umask.
public enum AtomicFile {
    /// Replaces `path` with `bytes`. When `path` is a symbolic link, the file it points to
    /// is replaced and the link kept. Refused, leaving everything as it is: a `path` that
    /// is not a regular file (a device, a FIFO: it is never replaced by one), a read-only
    /// file, and — unless `breakingLinks` — a file with other names (hard links).
    public static func write(_ bytes: [UInt8], to givenPath: String, breakingLinks: Bool = false) throws(StorageError) {
        try write(to: givenPath, breakingLinks: breakingLinks) { fd in
            bytes.withUnsafeBufferPointer { writeAll(fd, $0) }
        }
    }

    /// Writes all of `buffer` to `fd`; returns the errno of a failure, or 0.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = buffer.baseAddress else { return 0 }
        var written = 0
        while written < buffer.count {
            let result = Glibc.write(fd, base + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return 0
    }

    /// Replaces `path` with what `produce` writes to the file descriptor it is given;
    /// `produce` returns 0, or the errno of a failed write (then the old file stays).
    /// A new file gets `newFileMode` when given (0600 for a private cache), else 0666 less the umask.
    static func write(to givenPath: String, breakingLinks: Bool = false, newFileMode: mode_t? = nil,
                      produce: (Int32) -> Int32) throws(StorageError) {
        let path = resolvingLink(givenPath)
        let folder = parentFolder(of: path)
        var mode: mode_t = newFileMode ?? (0o666 & ~currentUmask())
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists {
            try refuseToReplace(existing, path: path, named: givenPath, breakingLinks: breakingLinks)
            mode = existing.st_mode & 0o7777
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (folder == "." && !path.hasPrefix("./") ? "" : folder + "/") + ".\(name).tmp-\(getpid())"
        removeStaleTemporaries(in: folder, name: name)
        // O_NOFOLLOW: a symbolic link planted at the temporary name is not written through.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: givenPath, step: "create \(temporary)", errno: errno) }
        // Keep the owner too, where allowed (root saving a user's file); failing is harmless.
        if exists { _ = fchown(fd, existing.st_uid, existing.st_gid) }
        var failure: StorageError?
        let code = produce(fd)
        if code != 0 { failure = .cannotWrite(path: givenPath, step: "write", errno: code) }
        if failure == nil, fchmod(fd, mode) != 0 { failure = .cannotWrite(path: givenPath, step: "chmod", errno: errno) }
        if failure == nil, fsync(fd) != 0 { failure = .cannotWrite(path: givenPath, step: "fsync", errno: errno) }
        if close(fd) != 0, failure == nil { failure = .cannotWrite(path: givenPath, step: "close", errno: errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .cannotWrite(path: givenPath, step: "rename", errno: code)
        }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    /// Throws when the existing file `info` at `path` must not be replaced: not a regular
    /// file, read-only (for root too, who could write it: the mode is the owner's word), or
    /// hard-linked unless `breakingLinks`.
    static func refuseToReplace(_ info: stat, path: String, named givenPath: String,
                                breakingLinks: Bool) throws(StorageError) {
        let kind = FileKind(mode: info.st_mode)
        if kind == .directory { throw .isDirectory(path: givenPath) }
        guard kind == .regular else { throw .notRegular(path: givenPath, kind: kind) }
        // A read-only file system is not the file's own word: the save then fails where it
        // writes, saying so.
        if (info.st_mode & 0o222) == 0 || (access(path, W_OK) != 0 && errno == EACCES) {
            throw .readOnlyFile(path: givenPath, mode: UInt32(info.st_mode & 0o7777))
        }
        if !breakingLinks, info.st_nlink > 1 { throw .hardLinked(path: givenPath, links: Int(info.st_nlink)) }
    }

    /// Deletes the temporary files of saves of `name` that were killed before their rename
    /// (`.NAME.tmp-PID` whose process is gone): each is a whole copy of the case, and
    /// nothing else would ever remove them.
    static func removeStaleTemporaries(in folder: String, name: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let prefix = ".\(name).tmp-"
        while let item = readdir(directory) {
            let entry = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0, pid != getpid() else {
                continue
            }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder == "." ? "" : folder + "/") + entry)
            }
        }
    }

    /// The file a symbolic link at `path` finally points to, or `path` itself.
    static func resolvingLink(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
              let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder holding `path` ("." for a bare name).
    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
