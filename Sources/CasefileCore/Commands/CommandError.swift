/// A command that could not be carried out: what went wrong, the word at fault (for a
/// caret), and what to do. The case is left as it was.
public struct CommandError: Error, Sendable, Equatable {
    /// What went wrong.
    public var message: String
    /// The word at fault, if one is.
    public var word: Word?
    /// What to do about it (`did you mean …?`, a usage line).
    public var hint: String?

    /// Creates an error.
    public init(_ message: String, at word: Word? = nil, hint: String? = nil) {
        self.message = message
        self.word = word
        self.hint = hint
    }

    /// An error already rendered elsewhere (a sourced script's error, with its own file and line).
    public var rendered: String?

    /// Wraps an error that was rendered in full where it happened.
    public init(rendered: String) {
        message = rendered
        self.rendered = rendered
    }

    /// An error from the command language itself (quotes, here-documents).
    public init(_ error: LanguageError) {
        message = error.message
        word = Word(String(repeating: " ", count: error.width), line: error.line, column: error.column)
        hint = error.hint
    }
}
