/// A problem in a command's words: what, where (line, column, and the offending word's
/// width for the caret), and what to do.
public struct LanguageError: Error, Hashable, Sendable {
    /// What went wrong.
    public var message: String
    /// 1-based line in the script.
    public var line: Int
    /// 1-based column (characters).
    public var column: Int
    /// How many characters the caret underline spans.
    public var width: Int
    /// What to do about it.
    public var hint: String?

    /// Creates an error.
    public init(_ message: String, line: Int, column: Int, width: Int = 1, hint: String? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.width = max(1, width)
        self.hint = hint
    }

    /// An error pointing at `word`.
    public init(_ message: String, at word: Word, hint: String? = nil) {
        self.init(message, line: word.line, column: word.column, width: word.raw.count, hint: hint)
    }
}
