#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Writes a file so that it either completes or leaves the previous file intact:
/// a temporary file in the same folder, fsync, rename over the old one, fsync of the
/// folder. The old file's permissions are kept; a new file gets 0644 less the umask.
public enum AtomicFile {
    /// Replaces `path` with `bytes`.
    public static func write(_ bytes: [UInt8], to path: String) throws(StorageError) {
        let folder = parentFolder(of: path)
        var mode: mode_t = 0o666 & ~currentUmask()
        var existing = stat()
        if stat(path, &existing) == 0 {
            if (existing.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
            mode = existing.st_mode & 0o7777
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (folder == "." && !path.hasPrefix("./") ? "" : folder + "/") + ".\(name).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: path, step: "create \(temporary)", errno: errno) }
        var failure: StorageError?
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                guard let base = buffer.baseAddress else { break }
                let result = Glibc.write(fd, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = .cannotWrite(path: path, step: "write", errno: errno)
                    return
                }
                written += result
            }
        }
        if failure == nil, fchmod(fd, mode) != 0 { failure = .cannotWrite(path: path, step: "chmod", errno: errno) }
        if failure == nil, fsync(fd) != 0 { failure = .cannotWrite(path: path, step: "fsync", errno: errno) }
        if close(fd) != 0, failure == nil { failure = .cannotWrite(path: path, step: "close", errno: errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .cannotWrite(path: path, step: "rename", errno: code)
        }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
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
