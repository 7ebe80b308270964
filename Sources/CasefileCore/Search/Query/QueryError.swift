/// A query that cannot be read: what is wrong, where (a column and a width, in
/// characters of the query text), and what to do instead. `message` and `hint` may quote
/// the query: pass them through `Terminal.visible` before printing (`caretLines` does).
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

    /// Two lines to print under each other: the query (made visible) and a caret mark
    /// under the offending part, aligned even when control characters were expanded.
    public func caretLines(query: String) -> [String] {
        let characters = Array(query)
        let before = String(characters.prefix(column - 1))
        let marked = String(characters.dropFirst(column - 1).prefix(length))
        let pad = Terminal.visible(before, keepNewlines: false).count
        let width = max(1, Terminal.visible(marked, keepNewlines: false).count)
        let mark = String(repeating: " ", count: pad) + "^" + String(repeating: "~", count: width - 1)
        return [Terminal.visible(query, keepNewlines: false), mark]
    }
}
