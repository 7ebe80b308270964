#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file opened to become evidence: a regular file, opened without following a symbolic
/// link, without blocking on a pipe, and closed when done.
struct EvidenceFile {
    /// The path as given.
    let path: String
    /// The open descriptor.
    let descriptor: Int32
    /// Its status when opened.
    let info: stat

    /// Opens `path` for reading; refuses a symbolic link (naming its target), a folder, a
    /// device, a pipe or a socket.
    init(opening path: String) throws(EvidenceError) {
        self.path = path
        // O_NONBLOCK: opening a named pipe someone put there must not hang the shell.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            var linkInfo = stat()
            if code == ELOOP || (lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK) {
                throw .symbolicLink(path: path, target: Self.linkTarget(path))
            }
            throw .cannotRead(path: path, errno: code)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            _ = Glibc.close(descriptor)
            throw .cannotRead(path: path, errno: code)
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            _ = Glibc.close(descriptor)
            throw .notRegularFile(path: path, what: Self.describe(type))
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        self.descriptor = descriptor
        self.info = info
    }

    /// Closes the file.
    func close() { _ = Glibc.close(descriptor) }

    /// The file's modification time, in whole seconds since the epoch.
    var modificationTime: Int { Int(info.st_mtim.tv_sec) }

    /// Whether the file's size or modification time differ from when it was opened.
    func changedSinceOpen() -> Bool {
        var now = stat()
        guard fstat(descriptor, &now) == 0 else { return true }
        return now.st_size != info.st_size || now.st_mtim.tv_sec != info.st_mtim.tv_sec
            || now.st_mtim.tv_nsec != info.st_mtim.tv_nsec
    }

    /// What a symbolic link at `path` points to, resolved when possible.
    static func linkTarget(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "an unreadable target" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) + " (missing)"
    }

    /// A file type in words.
    static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}
