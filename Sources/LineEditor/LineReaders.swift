import Foundation

/// Choosing the right reader for how the program was started.
public enum LineReaders {
    /// Whether lines should be edited interactively: stdin and stdout are terminals and
    /// `TERM` is not `dumb`.
    public static func isInteractive(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    /// An `EditLineReader` when `isInteractive`, else a `PlainLineReader` on stdin (no
    /// prompt, no echo: scripts piped in produce only their own output).
    public static func standard(
        options: EditLineReader.Options = EditLineReader.Options(),
        history: History? = nil,
        completer: Completer? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> LineReader {
        if isInteractive(environment: environment),
           let reader = EditLineReader(options: options, history: history, completer: completer) {
            return reader
        }
        return PlainLineReader()
    }
}
