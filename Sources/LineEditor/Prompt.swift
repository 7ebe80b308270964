/// The shell's prompt: the main text and the text shown on continuation lines
/// (inside an unterminated here-document, an open quote, or after a trailing backslash).
///
/// The caller decides which variant is current: it passes `prompt` for a new command and
/// `prompt.continued` while the command is incomplete. Either text may contain ANSI
/// colour sequences (`ESC [ … m`); the terminal reader marks them as invisible so libedit
/// measures the prompt correctly. Other control characters are dropped when shown.
public struct Prompt: Sendable, Equatable {
    /// The text for a new command, e.g. `kazakh-bloggers* 48> `.
    public var main: String
    /// The text for continuation lines, e.g. `... > `.
    public var continuation: String
    /// Whether `continuation` rather than `main` is the one to show.
    public var isContinuation: Bool

    /// A prompt showing `main`; `continuation` is used by `continued`.
    public init(_ main: String, continuation: String = "> ") {
        self.main = main
        self.continuation = continuation
        self.isContinuation = false
    }

    /// The same prompt, showing its continuation text.
    public var continued: Prompt {
        var copy = self
        copy.isContinuation = true
        return copy
    }

    /// The text to show now: `continuation` or `main`.
    public var current: String { isContinuation ? continuation : main }
}
