/// What one call to `LineReader.readLine(prompt:)` produced.
public enum LineInput: Sendable, Equatable {
    /// A complete line, without its newline.
    case line(String)
    /// Ctrl-C: the line being edited was discarded; the caller should prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input (closed pipe, hung-up terminal).
    case endOfInput
}

/// Reads lines for the shell. The engine sees only this protocol: a terminal editor
/// (`EditLineReader`) and a plain reader for pipes and scripts (`PlainLineReader`)
/// both conform, so scripts and tests feed lines without a terminal.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (if the reader shows prompts at all) and waits for one line.
    func readLine(prompt: Prompt) -> LineInput
}
