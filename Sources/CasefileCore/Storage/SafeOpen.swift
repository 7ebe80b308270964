#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What kind of thing a path or descriptor is, in words for messages.
public enum FileKind: Sendable, Equatable {
    case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink, other

    /// The kind of `mode` (a `stat` mode).
    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }

    /// `a FIFO`, `a character device`…
    public var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .directory: return "a directory"
        case .fifo: return "a FIFO"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        case .other: return "a special file"
        }
    }

    /// Whether reading it whole gives its content once (a pipe, a FIFO, a socket, a terminal).
    var isStream: Bool { self == .fifo || self == .socket || self == .characterDevice }
}

/// A descriptor opened by `SafeOpen`, closed when released, with what `fstat` said of it.
public final class OpenedFile {
    /// The descriptor (valid while this object lives).
    public let fd: Int32
    /// `fstat` of the descriptor, taken right after it was opened.
    public let info: stat
    private let owned: Bool

    init(fd: Int32, info: stat, owned: Bool = true) {
        self.fd = fd
        self.info = info
        self.owned = owned
    }

    /// What it is.
    public var kind: FileKind { FileKind(mode: info.st_mode) }

    deinit { if owned { close(fd) } }
}

/// The one way casefile opens a file it reads: with `O_NONBLOCK`, so a FIFO or a device
/// never blocks the open, then `fstat` on the descriptor (not the name, which may change
/// in between), and only a regular file is accepted as a case. Streams — standard input,
/// `/dev/stdin`, `/dev/fd/N` from `<(…)` — are read whole where reading makes sense.
public enum SafeOpen {
    /// The largest stream read into memory (a case of a million entries is well below).
    static let streamLimit = 8 << 30

    /// Opens the regular file at `path` for reading. `followLinks: false` refuses a
    /// symbolic link at `path` itself (files beside the case: journal, lock, index).
    public static func regularFile(_ path: String, followLinks: Bool = true) throws(StorageError) -> OpenedFile {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW)
        let fd = open(path, flags)
        guard fd >= 0 else {
            let code = errno
            // A socket cannot be opened at all (ENXIO), a link is refused (ELOOP): say what it is.
            var info = stat()
            if (followLinks ? stat(path, &info) : lstat(path, &info)) == 0 {
                let kind = FileKind(mode: info.st_mode)
                if kind == .directory { throw .isDirectory(path: path) }
                if kind != .regular { throw .notRegular(path: path, kind: kind) }
            }
            throw .cannotOpen(path: path, errno: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .cannotOpen(path: path, errno: code)
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            close(fd)
            throw kind == .directory ? .isDirectory(path: path) : .notRegular(path: path, kind: kind)
        }
        // Reads of a regular file never block; the flag goes so nothing later trips on EAGAIN.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return OpenedFile(fd: fd, info: info)
    }

    /// The descriptor a path names when it is a stream the caller handed over rather than
    /// a file on disk: `-`, `/dev/stdin`, `/dev/fd/N`, `/proc/self/fd/N`; else nil.
    public static func handedDescriptor(_ path: String) -> Int32? {
        if path == "-" || path == "/dev/stdin" { return 0 }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
        }
        return nil
    }

    /// The bytes of a file read whole: a regular file, or a stream handed over as a
    /// descriptor (see `handedDescriptor`), read to its end. Anything else on disk (a
    /// FIFO, a device, a socket, a directory) is refused unopened beyond `fstat`.
    /// - Complexity: O(n) in the bytes read.
    public static func readWhole(_ path: String) throws(StorageError) -> (bytes: [UInt8], isStream: Bool) {
        if let fd = handedDescriptor(path) {
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw .cannotOpen(path: path, errno: errno) }
            let kind = FileKind(mode: info.st_mode)
            if kind == .directory { throw .isDirectory(path: path) }
            guard kind == .regular || kind.isStream else { throw .notRegular(path: path, kind: kind) }
            return (try readAll(fd: fd, path: path), kind != .regular)
        }
        let file = try regularFile(path)
        return (try readAll(fd: file.fd, path: path), false)
    }

    /// Everything readable from `fd`, to its end (at most `streamLimit` bytes).
    static func readAll(fd: Int32, path: String) throws(StorageError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A non-blocking stream with nothing yet: wait for it.
                    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&poller, 1, -1)
                    continue
                }
                throw .cannotOpen(path: path, errno: errno)
            }
            if count == 0 { break }
            guard bytes.count + count <= streamLimit else { throw .tooLarge(path: path, limit: streamLimit) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
