/// What one call to `LineReader.readLine(prompt:)` produced.
public enum LineInput: Sendable, Equatable {
    /// A complete line, without its newline.
    case line(String)
    /// Ctrl-C: the line being edited was discarded; the caller should prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input (closed pipe, hung-up terminal).
    case endOfInput
}

/// What one call to `LineReader.readKey(prompt:)` produced.
public enum KeyInput: Sendable, Equatable {
    /// A key with a character: a letter, Enter (`"\r"`), Esc (`"\u{1b}"`), Ctrl-C (`"\u{03}"`),
    /// Ctrl-D (`"\u{04}"`)…
    case key(Character)
    /// A key that sends a sequence rather than a character (an arrow, a function key).
    case special
    /// The input ended (closed pipe, hung-up terminal).
    case endOfInput
}

/// Reads lines for the shell. The engine sees only this protocol: a terminal editor
/// (`EditLineReader`) and a plain reader for pipes and scripts (`PlainLineReader`)
/// both conform, so scripts and tests feed lines without a terminal.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (if the reader shows prompts at all) and waits for one line.
    func readLine(prompt: Prompt) -> LineInput
    /// Shows `prompt` and waits for one line that is an answer to a question, not a
    /// command: it is not added to the history.
    func readAnswer(prompt: Prompt) -> LineInput
    /// Shows `prompt` and waits for one key, taken without Enter where the reader can
    /// (a terminal); never added to the history.
    func readKey(prompt: String) -> KeyInput
    /// The next key if one is typed within `milliseconds`, else nil (nothing is waited
    /// for where keys cannot be read one by one).
    func nextKey(waitingUpTo milliseconds: Int) -> KeyInput?
    /// Puts `text` back in front of what is still to be read, as if typed again: the next
    /// line read starts with it.
    func unread(_ text: String)
}

extension LineReader {
    /// A line read as any other (readers without a history).
    public func readAnswer(prompt: Prompt) -> LineInput { readLine(prompt: prompt) }

    /// The first character of an answer line (Enter for an empty one): where keys cannot
    /// be read one by one, `s⏎` answers as `s` does.
    public func readKey(prompt: String) -> KeyInput {
        switch readAnswer(prompt: Prompt(prompt)) {
        case .line(let line): return .key(line.first { !$0.isWhitespace } ?? "\r")
        case .interrupted: return .key("\u{03}")
        case .endOfInput: return .endOfInput
        }
    }

    /// Nothing: lines are read whole.
    public func nextKey(waitingUpTo milliseconds: Int) -> KeyInput? { nil }

    /// Nothing can be put back where lines are read whole.
    public func unread(_ text: String) {}
}
