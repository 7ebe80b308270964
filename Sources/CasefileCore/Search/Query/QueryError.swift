/// A query that cannot be read: what is wrong, where (a column and a width, in
/// characters of the query text), and what to do instead. `message` and `hint` may quote
/// the query: `located(in:)` makes it a command error for the one renderer (`ErrorRenderer`).
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong ("unbalanced quote").
    public let message: String
    /// The 1-based column, in characters, of the offending part.
    public let column: Int
    /// How many characters the offending part covers (at least 1), for a `^~~~` mark.
    public let length: Int
    /// What to type instead.
    public let hint: String

    /// Creates an error.
    public init(_ message: String, column: Int, length: Int = 1, hint: String) {
        self.message = message
        self.column = max(1, column)
        self.length = max(1, length)
        self.hint = hint
    }

    /// `column N: message (hint)`.
    public var description: String { "column \(column): \(message); \(hint)" }
}
