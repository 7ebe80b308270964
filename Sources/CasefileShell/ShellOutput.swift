import CasefileCore
import Foundation
import LineEditor

/// The shell's output: lines are held until the command ends, then written, or sent
/// through the pager when they would not fit on the screen. The terminal's size is read
/// again after every resize (SIGWINCH), so each command lays out at the width of the moment.
public final class ShellOutput: OutputSink {
    /// The terminal's width now (`COLUMNS`, else 80, when not a terminal).
    public var width: Int {
        refreshSize()
        return size.width
    }
    /// The terminal's height now (0 when not a terminal).
    public var height: Int {
        refreshSize()
        return size.height
    }
    /// Whether to colour.
    public let usesColour: Bool
    /// The pager command, or nil.
    public var pager: String?
    private var pending: [String] = []
    private var pendingHeight = 0
    private let isTerminal: Bool
    private var size: (width: Int, height: Int)
    private var sizeReadAtResize: Int

    /// Output on stdout; `pager` is used only when stdout is a terminal.
    public init(colour: ShellConfig.Colour, pager: String?, environment: [String: String]) {
        let terminal = isatty(1) == 1
        isTerminal = terminal
        sizeReadAtResize = Signals.resizeCount
        size = (Int(environment["COLUMNS"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 80, 0)
        if terminal, let measured = Self.terminalSize() {
            size = measured
            Signals.installResizeHandler()
        }
        switch colour {
        case .always: usesColour = environment["NO_COLOR"] == nil
        case .never: usesColour = false
        case .auto: usesColour = terminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        }
        self.pager = terminal ? pager : nil
    }

    /// Reads the size again when the window was resized since it was last read.
    private func refreshSize() {
        let resizes = Signals.resizeCount
        guard isTerminal, resizes != sizeReadAtResize else { return }
        sizeReadAtResize = resizes
        if let measured = Self.terminalSize() { size = measured }
    }

    private static func terminalSize() -> (width: Int, height: Int)? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (max(20, Int(size.ws_col)), Int(size.ws_row))
    }

    public func line(_ text: String) {
        pending.append(text)
        pendingHeight += max(1, (TextWidth.of(text) + width - 1) / max(1, width))
    }

    public func diagnostic(_ text: String) {
        flush()
        RawOutput.write(text + "\n", to: 2)
    }

    /// Writes what the command printed: through the pager when taller than the screen.
    public func flush() {
        guard !pending.isEmpty else { return }
        let text = pending.joined(separator: "\n") + "\n"
        let tall = height > 0 && pendingHeight > height - 2
        pending.removeAll()
        pendingHeight = 0
        if tall, let pager, Pager.show(text, command: pager) { return }
        RawOutput.write(text, to: 1)
    }

    /// `text` in the given SGR colour when colour is on.
    public func styled(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1b}[\(code)m\(text)\u{1b}[0m" : text
    }
}

/// Runs a pager on some text and waits for it.
enum Pager {
    /// Pipes `text` to `/bin/sh -c command`; false when the pager could not start.
    /// Spawned directly, in the shell's own process group: a pager in a group of its own
    /// is not in the terminal's foreground and cannot read keys (less quits at once).
    static func show(_ text: String, command: String) -> Bool {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LESSCHARSET"] == nil { environment["LESSCHARSET"] = "utf-8" }
        let arguments = ["sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, &envp)
        close(pipeEnds[0])
        guard status == 0 else {
            close(pipeEnds[1])
            return false
        }
        let previous = signal(SIGPIPE, SIG_IGN)
        RawOutput.write(text, to: pipeEnds[1])
        close(pipeEnds[1])
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        signal(SIGPIPE, previous)
        // 127: the shell could not find the pager.
        return (exitStatus >> 8) & 0xFF != 127
    }
}

/// Writes to a file descriptor, retrying short writes, never trapping on a closed pipe.
enum RawOutput {
    static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let written = Foundation.write(fd, base + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
