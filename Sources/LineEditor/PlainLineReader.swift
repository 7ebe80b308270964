#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor (stdin by default) with no prompt and no echo: for
/// scripts piped in, `casefile FILE < script`, and terminals with `TERM=dumb`.
///
/// Lines of any length are read whole (the buffer grows, each byte is scanned once), a
/// trailing `\r` is dropped so scripts saved with CRLF work, a last line without a newline
/// still counts, and bytes that are not UTF-8 become U+FFFD — `lastLineHadInvalidUTF8`
/// says so, so the caller can report the line number.
public final class PlainLineReader: LineReader {
    /// The descriptor lines are read from.
    public let fileDescriptor: Int32
    /// The number of the line last returned, counting from 1 (0 before the first).
    public private(set) var lineNumber = 0
    /// Whether the line last returned had bytes that are not UTF-8 (replaced by U+FFFD).
    public private(set) var lastLineHadInvalidUTF8 = false

    private var buffer: [UInt8] = []
    private var start = 0        // first byte of the next line
    private var scanned = 0      // bytes before this index hold no newline (from `start`)
    private var atEnd = false
    private static let chunk = 64 * 1024

    /// A reader of `fileDescriptor` (default 0, stdin), which stays open and owned by the caller.
    public init(fileDescriptor: Int32 = 0) {
        self.fileDescriptor = fileDescriptor
    }

    /// The next line; the prompt is not shown. Returns `.interrupted` when Ctrl-C (SIGINT,
    /// with `Signals.installInterruptHandler()`) arrives while waiting for input, and runs
    /// the termination hooks and exits on SIGTERM/SIGHUP.
    public func readLine(prompt: Prompt) -> LineInput {
        Signals.exitIfTerminationRequested()
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = take(upTo: newline, skipping: 1)
                return .line(line)
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count else { return .endOfInput }
                return .line(take(upTo: buffer.count, skipping: 0))
            }
            if let interruption = fill() { return interruption }
        }
    }

    /// The next character of the input (a newline is Enter, `"\r"`): a question's answer
    /// is its first character, and what follows it is read next, as typed.
    public func readKey(prompt: String) -> KeyInput {
        Signals.exitIfTerminationRequested()
        while true {
            if let key = bufferedKey() { return key }
            if atEnd { return .endOfInput }
            if fill() != nil { return .key("\u{03}") }
        }
    }

    /// The next character if it has already arrived (the rest of an answer's line).
    public func nextKey(waitingUpTo milliseconds: Int) -> KeyInput? { bufferedKey() }

    /// Puts `text` back in front of what is still to be read.
    public func unread(_ text: String) {
        buffer.insert(contentsOf: Array(text.utf8), at: start)
        scanned = start
    }

    private func bufferedKey() -> KeyInput? {
        guard start < buffer.count,
              let (scalar, length) = UTF8Scalars.decode(buffer[start...], atEnd: atEnd) else { return nil }
        start += length
        scanned = max(scanned, start)
        if scalar == 0x0A { return .key("\r") }
        return .key(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}"))
    }

    /// Reads more bytes, waiting if needed. Returns `.interrupted` on Ctrl-C while waiting.
    private func fill() -> LineInput? {
        Signals.drainWakeups()
        Signals.exitIfTerminationRequested()
        if InputWait.wait(for: fileDescriptor) == .signalled {
            Signals.exitIfTerminationRequested()
            if Signals.interruptRequested {
                Signals.interruptRequested = false
                return .interrupted
            }
            return nil
        }
        let oldCount = buffer.count
        buffer.reserveCapacity(oldCount + Self.chunk)
        buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
        let count = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return -1 }
            return read(fileDescriptor, base + oldCount, Self.chunk)
        }
        let readError = errno
        buffer.removeSubrange((oldCount + max(count, 0))...)
        if count == 0 || (count < 0 && readError != EINTR && readError != EAGAIN) {
            atEnd = true  // end of file, or an error such as EIO from a hung-up terminal
        }
        return nil
    }

    /// The line in `buffer[start..<end]`, consuming `skip` more bytes (the newline).
    private func take(upTo end: Int, skipping skip: Int) -> String {
        var lineEnd = end
        if lineEnd > start, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let bytes = buffer[start..<lineEnd]
        let text = String(decoding: bytes, as: UTF8.self)
        lastLineHadInvalidUTF8 = !bytes.allSatisfy { $0 < 0x80 }
            && transcode(bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: false, into: { _ in })
        lineNumber += 1
        start = end + skip
        scanned = start
        // Drop consumed bytes once they dominate the buffer, keeping appends amortised O(1).
        if start > Self.chunk, start * 2 > buffer.count {
            buffer.removeSubrange(..<start)
            scanned -= start
            start = 0
        }
        return text
    }
}
