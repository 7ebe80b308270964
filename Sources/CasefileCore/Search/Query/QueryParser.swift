/// Reads the query language into a `QueryNode` tree, with errors that point at a column.
///
/// Grammar: `query := or+` (all must match); `or := unary ("OR" unary)*`;
/// `unary := "-" unary | primary`; `primary := "(" query ")" | "="? (phrase | word) | filter`.
struct QueryParser {
    private let chars: [Character]
    private var index = 0
    /// How many groups are open where the parser is: each is a level of recursion here
    /// and in every evaluator, so their depth is limited (a query of thousands of nested
    /// parentheses would otherwise overflow the stack and end the shell).
    private var groupDepth = 0
    /// The deepest nesting of parentheses a query may have.
    static let maxGroupDepth = 64

    init(_ text: String) { chars = Array(text) }

    private var atEnd: Bool { index >= chars.count }
    private var column: Int { index + 1 }

    mutating func parseQuery() throws(QueryError) -> QueryNode {
        skipSpaces()
        if atEnd {
            throw QueryError("nothing to search for", column: 1,
                             hint: "type a word, a \"phrase\" or a filter such as kind:post")
        }
        return try parseSequence(openedAt: nil)
    }

    private mutating func parseSequence(openedAt open: Int?) throws(QueryError) -> QueryNode {
        var items: [QueryNode] = []
        while true {
            skipSpaces()
            if atEnd {
                if let open {
                    throw QueryError("'(' is never closed", column: open, hint: "add ')' after the group")
                }
                break
            }
            if chars[index] == ")" {
                guard let open else {
                    throw QueryError("')' without '('", column: column, hint: "remove it, or open the group with '('")
                }
                if items.isEmpty {
                    throw QueryError("empty parentheses", column: open, length: column - open + 1,
                                     hint: "put words inside, or remove them")
                }
                index += 1
                break
            }
            items.append(try parseOr())
        }
        return items.count == 1 ? items[0] : .all(items)
    }

    private mutating func parseOr() throws(QueryError) -> QueryNode {
        var alternatives = [try parseUnary()]
        while true {
            let save = index
            skipSpaces()
            guard isOperatorOR() else { index = save; break }
            let orColumn = column
            index += 2
            skipSpaces()
            if atEnd || chars[index] == ")" || isOperatorOR() {
                throw QueryError("OR needs something on each side", column: orColumn, length: 2,
                                 hint: "write: esimov OR есимов")
            }
            alternatives.append(try parseUnary())
        }
        return alternatives.count == 1 ? alternatives[0] : .any(alternatives)
    }

    private mutating func parseUnary() throws(QueryError) -> QueryNode {
        if isOperatorOR() {
            throw QueryError("OR needs something on each side", column: column, length: 2,
                             hint: "write: esimov OR есимов (a lower-case 'or' is an ordinary word)")
        }
        guard chars[index] == "-" else { return try parsePrimary() }
        let minus = column
        index += 1
        if atEnd || chars[index].isWhitespace || chars[index] == ")" || chars[index] == "-" {
            throw QueryError("'-' must be followed by what to exclude", column: minus,
                             hint: "write -word, -\"a phrase\" or -kind:quote, with no space after '-'")
        }
        return .not(try parseUnary())
    }

    private mutating func parsePrimary() throws(QueryError) -> QueryNode {
        let start = column
        if chars[index] == "(" {
            if groupDepth >= Self.maxGroupDepth {
                throw QueryError("parentheses nested more than \(Self.maxGroupDepth) deep", column: start,
                                 hint: "write the query with fewer nested groups")
            }
            index += 1
            groupDepth += 1
            defer { groupDepth -= 1 }
            return try parseSequence(openedAt: start)
        }
        var exact = false
        if chars[index] == "=" {
            exact = true
            index += 1
            if atEnd || chars[index].isWhitespace || chars[index] == ")" || chars[index] == "(" {
                throw QueryError("'=' must be followed by a word or \"phrase\"", column: start,
                                 hint: "write =\"Путин\" to find that spelling only")
            }
        }
        if chars[index] == "\"" {
            let (text, quoteColumn) = try readQuoted()
            if !atEnd && chars[index] == "*" {
                throw QueryError("'*' cannot follow a phrase", column: column,
                                 hint: "put '*' on a single word: Есим*")
            }
            try requireSearchable(text, column: quoteColumn, length: text.count + 2)
            return .term(QueryTerm(text: text, isPhrase: true, isPrefix: false, isExact: exact, column: start))
        }
        let word = readBare()
        if !exact, let filter = try filter(from: word, column: start) { return filter }
        return .term(try term(word, column: start, exact: exact))
    }

    private mutating func term(_ word: String, column start: Int, exact: Bool) throws(QueryError) -> QueryTerm {
        var text = word
        var isPrefix = false
        if let star = text.firstIndex(of: "*") {
            let offset = text.distance(from: text.startIndex, to: star)
            if star != text.index(before: text.endIndex) {
                throw QueryError("'*' only goes at the end of a word", column: start + offset + (exact ? 1 : 0),
                                 hint: "write a prefix such as Есим*")
            }
            text.removeLast()
            isPrefix = true
            if text.isEmpty || text == "#" || text == "@" {
                throw QueryError("'*' needs the beginning of a word", column: start, length: word.count,
                                 hint: "write a prefix such as Есим*")
            }
        }
        if text == "#" || text == "@" {
            throw QueryError("'\(text)' needs a word right after it", column: start,
                             hint: text == "#" ? "write a hashtag such as #Алматы" : "write a handle such as @extremkz")
        }
        try requireSearchable(text, column: start, length: word.count + (exact ? 1 : 0))
        return QueryTerm(text: text, isPhrase: false, isPrefix: isPrefix, isExact: exact, column: start)
    }

    /// Rejects text with nothing a search can find: no letter or digit in it.
    func requireSearchable(_ text: String, column: Int, length: Int) throws(QueryError) {
        var copy = text
        let hasToken = copy.withUTF8 { bytes in
            var tokens: [Token] = []
            var position: Int32 = 0
            Tokenizer.tokenize(bytes, position: &position, into: &tokens)
            return !tokens.isEmpty
        }
        if !hasToken {
            throw QueryError("'\(text)' has no letters or digits to search for", column: column, length: length,
                             hint: "punctuation is not searchable; search for the words around it")
        }
    }

    /// Whether a `"` comes next.
    func peekQuote() -> Bool { !atEnd && chars[index] == "\"" }

    /// Reads a quoted text at the cursor; returns it and the opening quote's column.
    mutating func readQuoted() throws(QueryError) -> (String, Int) {
        let quote = column
        index += 1
        var text = ""
        while !atEnd && chars[index] != "\"" {
            text.append(chars[index])
            index += 1
        }
        if atEnd {
            throw QueryError("unbalanced quote", column: quote, length: chars.count - quote + 1,
                             hint: "close the phrase with another \"")
        }
        index += 1
        if text.allSatisfy(\.isWhitespace) {
            throw QueryError("empty phrase", column: quote, length: 2, hint: "put words between the quotes")
        }
        return (text, quote)
    }

    private mutating func readBare() -> String {
        var text = ""
        while !atEnd {
            let c = chars[index]
            if c.isWhitespace || c == "(" || c == ")" || c == "\"" { break }
            text.append(c)
            index += 1
        }
        return text
    }

    private mutating func skipSpaces() {
        while !atEnd && chars[index].isWhitespace { index += 1 }
    }

    /// Whether an `OR` operator (upper case, standing alone) starts here.
    private func isOperatorOR() -> Bool {
        guard index + 1 < chars.count, chars[index] == "O", chars[index + 1] == "R" else { return false }
        if index + 2 == chars.count { return true }
        let after = chars[index + 2]
        return after.isWhitespace || after == "(" || after == ")" || after == "\""
    }
}
