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

    /// Whether the bytes came from a stream (read whole: nothing is ever written back to it).
    public let isStream: Bool

    /// Opens `path`: a regular file, `/dev/null` (git's name for a file that is not
    /// there), or a stream handed over as `-`, `/dev/stdin` or `/dev/fd/N`. A FIFO, a
    /// device or a socket named on disk is refused (`SafeOpen`).
    public init(path: String) throws(StorageError) {
        name = path == "-" ? "<stdin>" : path
        if path == "/dev/null" {
            mapped = nil
            buffer = []
            isStream = false
            return
        }
        if let fd = SafeOpen.handedDescriptor(path) {
            var info = stat()
            if fstat(fd, &info) == 0, FileKind(mode: info.st_mode) == .regular {
                // `casefile check /dev/stdin < k.rec`: a file after all, mapped from its start.
                mapped = try MappedFile(file: OpenedFile(fd: fd, info: info, owned: false), path: name)
                buffer = []
                isStream = false
                return
            }
            mapped = nil
            buffer = try SafeOpen.readWhole(path).bytes
            isStream = true
            return
        }
        mapped = try MappedFile(path: path)
        buffer = []
        isStream = false
    }

    /// Bytes made in memory (an older revision rebuilt from the log), named `name`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        mapped = nil
        buffer = bytes
        isStream = false
    }

    /// How many bytes the input holds.
    public var byteCount: Int { mapped?.bytes.count ?? buffer.count }

    /// Calls `body` with the bytes.
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        if let mapped { return try body(mapped.bytes) }
        return try buffer.withUnsafeBufferPointer(body)
    }
}
