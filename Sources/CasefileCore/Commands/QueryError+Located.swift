extension QueryError {
    /// This error as a command error at the place in `words` (the query's words, joined by
    /// single spaces into the text that was parsed) where the offending part is, so that
    /// the one renderer shows it with its script's FILE:LINE:COL, its line and a caret.
    public func located(in words: [Word]) -> CommandError {
        let text = words.map(\.raw).joined(separator: " ")
        let marked = String(text.dropFirst(column - 1).prefix(self.length))
        var offset = 0
        for (index, word) in words.enumerated() {
            let count = word.raw.count
            if column - 1 < offset + count || index == words.count - 1 {
                let inside = max(0, column - 1 - offset)
                let at = Word(marked, line: word.line, column: word.column + inside, raw: marked.isEmpty ? " " : marked)
                return CommandError(message, at: at, hint: hint)
            }
            offset += count + 1
        }
        return CommandError(message, hint: hint)
    }

    /// This error at its column of `query`, a query of one line (as given on the command
    /// line), for the one renderer.
    public func located(inQuery query: String) -> CommandError {
        let marked = String(query.dropFirst(column - 1).prefix(length))
        return CommandError(message, at: Word(marked, line: 1, column: column, raw: marked.isEmpty ? " " : marked), hint: hint)
    }
}
