#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to standard error.
struct FileHandleOutput {
    let fd: Int32
    static let standardError = FileHandleOutput(fd: 2)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            OutputFailures.writeAll(fd, UnsafeRawBufferPointer(start: base, count: buffer.count))
        }
    }
}

/// Writes to standard output and error that failed (a full disk under `> out`, a pipe
/// whose reader went away): remembered, so the process ends with a message and status 2
/// instead of exit 0 and a truncated file.
enum OutputFailures {
    nonisolated(unsafe) private static var failure: (fd: Int32, code: Int32)?

    /// Writes all of `bytes` to `fd`, noting the first failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let result = Glibc.write(fd, base + offset, bytes.count - offset)
            if result < 0 && errno == EINTR { continue }
            if result <= 0 {
                note(fd, result < 0 ? errno : EIO)
                return
            }
            offset += result
        }
    }

    /// Notes a failed write to `fd`.
    static func note(_ fd: Int32, _ code: Int32) {
        if failure == nil { failure = (fd, code) }
    }

    /// Broken pipes come back as EPIPE (and a message) rather than a silent SIGPIPE.
    static func install() { signal(SIGPIPE, SIG_IGN) }

    /// Flushes what `print` buffered, then exits with `status`, or with 2 and a message
    /// when a write to standard output or error failed.
    static func exit(_ status: Int32) -> Never {
        // `print` writes through stdio: a failed flush is a failed write to standard output.
        errno = 0
        if fflush(nil) != 0 { note(1, errno == 0 ? EIO : errno) }
        if let failure {
            let stream = failure.fd == 2 ? "standard error" : "standard output"
            let message = "casefile: cannot write \(stream): \(String(cString: strerror(failure.code))); the output is incomplete\n"
            _ = message.withCString { Glibc.write(2, $0, strlen($0)) }
            Glibc.exit(status == 0 || status == 1 ? 2 : status)
        }
        Glibc.exit(status)
    }
}
