import CasefileCore
#if canImport(Glibc)
import Glibc
#endif

/// Output to stdout and stderr, wrapped to the terminal's width (80 when not a terminal).
final class StandardOutput: OutputSink {
    let width: Int
    let usesColour: Bool
    private var buffer: [UInt8] = []

    init(environment: [String: String]) {
        let terminal = isatty(1) == 1
        var size = winsize()
        if terminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
            width = Int(size.ws_col)
        } else {
            width = Int(environment["COLUMNS"] ?? "") ?? 80
        }
        usesColour = terminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        buffer.reserveCapacity(1 << 16)
    }

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    func diagnostic(_ text: String) {
        flush()
        FileHandleOutput.standardError.write(text + "\n")
    }

    /// Writes what is buffered.
    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { OutputFailures.writeAll(1, $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
