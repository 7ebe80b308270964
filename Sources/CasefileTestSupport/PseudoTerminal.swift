import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running on a real pseudo-terminal, driven like a person at a keyboard:
/// `send` types, `waitFor` polls the output until a text appears.
///
/// `waitFor` searches the *plain* output (ANSI escape sequences and control characters
/// other than newline and tab removed) and consumes it up to the match, so successive
/// waits find successive occurrences: wait for the prompt, type, wait for the answer,
/// wait for the next prompt. Timeouts are generous (10 s) and only matter on failure;
/// the error shows the end of the output.
public final class PseudoTerminal {
    /// The child's process id.
    public let processID: pid_t
    private var master: Int32
    private var rawBytes: [UInt8] = []
    private var plainBytes: [UInt8] = []
    private var consumed = 0
    private var stripper = EscapeStripper()
    private var status: Termination?
    /// What the terminal shows now (a model of an xterm of the same size).
    public private(set) var screen: TerminalScreen

    /// How the child ended.
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)

        /// `exit 0`, `signal 9`.
        public var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signalled(let signal): return "signal \(signal)"
            }
        }
    }

    /// Starts `executable` with `arguments` and exactly `environment`, in a new session whose
    /// controlling terminal is the pseudo-terminal (so Ctrl-C there is SIGINT when the
    /// program's tty has `isig` on), sized `columns` × `rows`.
    public init(
        executable: String, arguments: [String] = [], environment: [String: String],
        columns: UInt16 = 80, rows: UInt16 = 24
    ) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw PseudoTerminalError("openpty failed: \(String(cString: strerror(errno)))")
        }
        defer { Glibc.close(slave) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        var name = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &name, name.count) == 0 else {
            Glibc.close(master)
            throw PseudoTerminalError("ttyname failed for the pseudo-terminal")
        }
        let slaveName = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            processID = try Self.spawn(executable, arguments, environment, terminal: slaveName)
        } catch {
            Glibc.close(master)
            throw error
        }
        self.master = master
        screen = TerminalScreen(columns: Int(columns), rows: Int(rows))
    }

    deinit { close() }

    /// Types `text` (use `\u{03}` for Ctrl-C, `\u{04}` for Ctrl-D, `\t`, `\r`, `\u{1b}[A` for Up).
    public func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        let deadline = Date().addingTimeInterval(10)
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno != EAGAIN, errno != EINTR {
                throw PseudoTerminalError("cannot type into the terminal: \(String(cString: strerror(errno)))")
            } else if Date() > deadline {
                throw PseudoTerminalError("the program read nothing for 10 s\n\(tail)")
            } else {
                pump(waitingUpTo: 10)
            }
        }
    }

    /// Waits until `text` appears in the plain output after what earlier waits consumed,
    /// consumes the output up to the end of the match and returns the plain text consumed.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = find(needle) {
                let taken = String(decoding: plainBytes[consumed..<range.upperBound], as: UTF8.self)
                consumed = range.upperBound
                return taken
            }
            if Date() > deadline {
                throw PseudoTerminalError("timed out after \(timeout) s waiting for \(String(reflecting: text))\n\(tail)")
            }
            if status != nil, !pump(waitingUpTo: 0) {
                throw PseudoTerminalError("the program ended (\(status!)) before printing \(String(reflecting: text))\n\(tail)")
            }
            pump(waitingUpTo: 20)
            reap()
        }
    }

    /// Waits until the screen shows `text` on one row (without consuming any output) and
    /// returns the screen's text. Output arrives in pieces: a row containing `text` may be
    /// a prefix of what is still being drawn; wait for the exact state with `waitForScreen(_:where:)`.
    @discardableResult
    public func waitForScreen(_ text: String, timeout: Double = 10) throws -> String {
        try waitForScreen("a row containing \(String(reflecting: text))", timeout: timeout) { screen in
            screen.lines.contains { $0.contains(text) }
        }.text
    }

    /// Waits until `condition` holds for the screen (described as `what` in the error) and
    /// returns the screen then.
    @discardableResult
    public func waitForScreen(
        _ what: String, timeout: Double = 10, where condition: (TerminalScreen) -> Bool
    ) throws -> TerminalScreen {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            pump(waitingUpTo: 0)
            if condition(screen) { return screen }
            if Date() > deadline {
                throw PseudoTerminalError(
                    "timed out after \(timeout) s waiting for the screen to show \(what)\n"
                        + "--- screen (cursor at row \(screen.cursorRow), column \(screen.cursorColumn)) ---\n"
                        + "\(screen.text)\n---")
            }
            pump(waitingUpTo: 20)
        }
    }

    /// Everything the program printed, escape sequences included.
    public var output: String {
        pump(waitingUpTo: 0)
        return String(decoding: rawBytes, as: UTF8.self)
    }

    /// Everything the program printed, without escape sequences and control characters.
    public var plainOutput: String {
        pump(waitingUpTo: 0)
        return String(decoding: plainBytes, as: UTF8.self)
    }

    /// The plain output not yet consumed by `waitFor`.
    public var unconsumedOutput: String {
        pump(waitingUpTo: 0)
        return String(decoding: plainBytes[consumed...], as: UTF8.self)
    }

    /// Resizes the window as a person dragging its corner would: the kernel sends the
    /// program SIGWINCH, and `screen` takes the new size.
    public func resize(columns: UInt16, rows: UInt16) throws {
        pump(waitingUpTo: 0)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else {
            throw PseudoTerminalError("cannot resize the terminal: \(String(cString: strerror(errno)))")
        }
        screen = screen.resized(columns: Int(columns), rows: Int(rows))
    }

    /// Sends `signal` to the child.
    public func signal(_ signal: Int32) { kill(processID, signal) }

    /// Waits for the child to end and returns how it ended.
    public func waitForExit(timeout: Double = 10) throws -> Termination {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            pump(waitingUpTo: 0)
            reap()
            if let status { return status }
            if Date() > deadline {
                throw PseudoTerminalError("the program did not exit within \(timeout) s\n\(tail)")
            }
            pump(waitingUpTo: 10)
        }
    }

    /// Closes the terminal as a closed window would: the child gets SIGHUP and end of file.
    /// `waitForExit` still reports how it ended.
    public func hangUp() {
        guard master >= 0 else { return }
        pump(waitingUpTo: 0)
        Glibc.close(master)
        master = -1
    }

    /// Kills the child if it still runs, reaps it and closes the terminal. Idempotent.
    public func close() {
        if status == nil {
            kill(processID, SIGKILL)
            var raw: Int32 = 0
            while waitpid(processID, &raw, 0) < 0, errno == EINTR {}
            status = Self.termination(raw)
        }
        if master >= 0 {
            Glibc.close(master)
            master = -1
        }
    }

    // MARK: - Internals

    private var tail: String {
        let text = String(decoding: plainBytes.suffix(1500), as: UTF8.self)
        return "--- end of the output (plain) ---\n\(text)\n---"
    }

    private func find(_ needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty else { return consumed..<consumed }
        guard plainBytes.count - consumed >= needle.count else { return nil }
        var index = consumed
        let last = plainBytes.count - needle.count
        while index <= last {
            if plainBytes[index] == needle[0], plainBytes[index..<index + needle.count].elementsEqual(needle) {
                return index..<index + needle.count
            }
            index += 1
        }
        return nil
    }

    /// Reads what is available, first waiting up to `milliseconds` for something.
    /// Returns whether anything was read.
    @discardableResult
    private func pump(waitingUpTo milliseconds: Int32) -> Bool {
        guard master >= 0 else { return false }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, milliseconds)
        var any = false
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { break }  // EAGAIN: nothing more now; EIO: the child closed it
            any = true
            rawBytes.append(contentsOf: chunk[0..<count])
            screen.feed(chunk[0..<count])
            stripper.append(chunk[0..<count], to: &plainBytes)
        }
        return any
    }

    private func reap() {
        guard status == nil else { return }
        var raw: Int32 = 0
        if waitpid(processID, &raw, WNOHANG) == processID { status = Self.termination(raw) }
    }

    private static func termination(_ raw: Int32) -> Termination {
        raw & 0x7F == 0 ? .exited((raw >> 8) & 0xFF) : .signalled(raw & 0x7F)
    }
}

/// Starting or driving a `PseudoTerminal` failed; the message includes the output's end.
public struct PseudoTerminalError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}
