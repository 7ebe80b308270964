#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The bytes of a case file given on the command line: a regular file is mapped, and
/// anything else (a pipe from `<(casefile revision …)`, `-` for standard input,
/// `/dev/null` for a file git says was added or deleted) is read whole.
public final class CaseInput {
    /// The name used in messages.
    public let name: String
    private let mapped: MappedFile?
    private let buffer: [UInt8]

    /// Opens `path` (`-` is standard input).
    public init(path: String) throws(StorageError) {
        name = path == "-" ? "<stdin>" : path
        if path == "-" {
            mapped = nil
            buffer = try Self.readAll(fd: 0, path: "<stdin>")
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotOpen(path: path, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        if (info.st_mode & S_IFMT) == S_IFREG {
            mapped = try MappedFile(path: path)
            buffer = []
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        defer { close(fd) }
        mapped = nil
        buffer = try Self.readAll(fd: fd, path: path)
    }

    /// Calls `body` with the bytes.
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        if let mapped { return try body(mapped.bytes) }
        return try buffer.withUnsafeBufferPointer(body)
    }

    private static func readAll(fd: Int32, path: String) throws(StorageError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
