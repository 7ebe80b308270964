/// Splits command-language text into commands and words: shell-like quoting (`"…"`
/// with `\"`, `\\`, `\n`, `\t`, `\r` escapes; `'…'` literal), backslash escapes, a trailing
/// backslash continuing a line, here-documents (`<<TAG` … a line holding only `TAG`),
/// and `#` comment lines. `#` inside a command is text, so `#hashtags` need no quotes.
///
/// Works on UTF-8 bytes; every word keeps its line and column.
public struct Lexer {
    /// What lexing produced.
    public struct Result: Sendable {
        /// The complete commands, in order.
        public var commands: [ScriptCommand] = []
        /// Problems found (unterminated quotes or here-documents at the end of the text).
        public var errors: [LanguageError] = []
        /// Whether the text ends inside a quote, here-document or continued line: an
        /// interactive reader should ask for another line.
        public var isIncomplete = false
        /// When the text ends inside a here-document or a quoted string, what a later line
        /// must hold to end it: a reader gathering lines need not lex them all again for
        /// every line that cannot (a long paste stays linear).
        public var awaiting: Awaited?
    }

    private let bytes: [UInt8]
    /// The same text as a string: words and sources are copied out of it, which needs no
    /// second UTF-8 validation (every cut is at an ASCII byte, so on a character boundary).
    private let source: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private let firstLine: Int
    /// The quote left open at the end of the text, if any.
    private var awaitedQuote: String?

    /// Lexes `text`; its first line is numbered `firstLine`.
    public static func lex(_ text: String, firstLine: Int = 1) -> Result {
        var lexer = Lexer(text, firstLine: firstLine)
        return lexer.run()
    }

    private init(_ text: String, firstLine: Int) {
        bytes = Array(text.utf8)
        source = text
        self.firstLine = firstLine
        self.line = firstLine
    }

    /// Where the last column was counted, so that counting the next one on the same line
    /// continues from there: a line of many words costs O(line), not O(line × words).
    private var countedIndex = 0
    private var countedColumn = 1

    /// The 1-based column (in characters) of `index` on the current line.
    private var column: Int {
        mutating get {
            if countedIndex < lineStart || countedIndex > index {
                countedIndex = lineStart
                countedColumn = 1
            }
            while countedIndex < index {
                if bytes[countedIndex] & 0xC0 != 0x80 { countedColumn += 1 }
                countedIndex += 1
            }
            return countedColumn
        }
    }

    /// The length of the line end at `position`: 1 for LF, 2 for CRLF, 0 for none.
    private func lineEnd(at position: Int) -> Int {
        guard position < bytes.count else { return 0 }
        if bytes[position] == 0x0A { return 1 }
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { return 2 }
        return 0
    }

    private mutating func run() -> Result {
        var result = Result()
        while index < bytes.count {
            skipBlanks()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0x0A { newline(); continue }
            if byte == UInt8(ascii: "#") { skipToEndOfLine(); continue }
            let start = index
            let startLine = line
            switch lexCommand() {
            case .complete(var words, let heredocs):
                if !heredocs.isEmpty {
                    switch readHeredocs(heredocs, into: &words) {
                    case .ok: break
                    case .incomplete(let error, let tag):
                        result.isIncomplete = true
                        result.awaiting = .tagLine(tag)
                        result.errors.append(error)
                        return result
                    }
                }
                if !words.isEmpty {
                    result.commands.append(ScriptCommand(words: words, line: startLine, source: slice(start, trimmedEnd(start))))
                }
            case .incomplete(let error):
                result.isIncomplete = true
                result.awaiting = awaitedQuote.map(Awaited.quote)
                result.errors.append(error)
                return result
            }
        }
        return result
    }

    /// Where the command's source ends: trailing blanks and line ends are dropped, but not
    /// one escaped by a backslash (`a\ `, a final `\` continuation), which belongs to the
    /// command: the session log replays the source, and it must give the same words.
    private func trimmedEnd(_ start: Int) -> Int {
        var end = index
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 {
            // A CRLF goes as one: a backslash before it continues the line.
            let width = bytes[end - 1] == 0x0A && end - 2 >= start && bytes[end - 2] == 0x0D ? 2 : 1
            var backslashes = 0
            while end - width - 1 - backslashes >= start, bytes[end - width - 1 - backslashes] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            if backslashes % 2 == 1 { break }
            end -= width
        }
        return end
    }

    private enum CommandOutcome {
        case complete([Word], [(tag: String, wordIndex: Int, word: Word)])
        case incomplete(LanguageError)
    }

    private mutating func lexCommand() -> CommandOutcome {
        var words: [Word] = []
        words.reserveCapacity(8)
        var heredocs: [(tag: String, wordIndex: Int, word: Word)] = []
        while true {
            skipBlanks()
            guard index < bytes.count else { return .complete(words, heredocs) }
            let byte = bytes[index]
            if byte == 0x0A {
                newline()
                return .complete(words, heredocs)
            }
            if byte == UInt8(ascii: "\\"), lineEnd(at: index + 1) > 0 {
                index += 1
                newline()
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 1 == bytes.count {
                return .incomplete(LanguageError("the last line ends with '\\': the command continues", line: line,
                                                 column: column, hint: "type the rest of the command"))
            }
            if byte == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") {
                let wordLine = line
                let wordColumn = column
                let start = index
                index += 2
                var quoted = false
                if index < bytes.count, bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") {
                    quoted = true
                    index += 1
                }
                let tagStart = index
                while index < bytes.count, isTagByte(bytes[index]) { index += 1 }
                let tag = String(decoding: bytes[tagStart..<index], as: UTF8.self)
                if quoted, index < bytes.count, bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                }
                let raw = String(decoding: bytes[start..<index], as: UTF8.self)
                let word = Word("", line: wordLine, column: wordColumn, isQuoted: true, raw: raw)
                if tag.isEmpty {
                    return .incomplete(LanguageError("'<<' needs a tag: write <<END, the text, then a line holding only END",
                                                     at: word))
                }
                heredocs.append((tag, words.count, word))
                words.append(word)
                continue
            }
            switch lexWord() {
            case .success(let word): words.append(word)
            case .failure(let error): return .incomplete(error)
            }
        }
    }

    private func isTagByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    private mutating func lexWord() -> Swift.Result<Word, LanguageError> {
        let wordLine = line
        let wordColumn = column
        let start = index
        // Most words hold no quote or escape: one String serves as text and raw.
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") { break }
            end += 1
        }
        if end == bytes.count || isBlank(bytes[end]) {
            index = end
            let plain = slice(start, end)
            return .success(Word(plain, line: wordLine, column: wordColumn, isQuoted: false, raw: plain))
        }
        // Text in quotes, on one line, without escapes ("…" or '…'): as common, and as cheap.
        if end == start, let close = simpleQuoteEnd(start) {
            index = close + 1
            return .success(Word(slice(start + 1, close), line: wordLine, column: wordColumn, isQuoted: true,
                                 raw: slice(start, index)))
        }
        var text: [UInt8] = Array(bytes[start..<end])
        index = end
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: "\\") {
                if index + 1 == bytes.count {
                    return .failure(LanguageError("the last line ends with '\\': the command continues", line: line,
                                                  column: column, hint: "type the rest of the command"))
                }
                quoted = true
                index += 1
                if index < bytes.count {
                    if lineEnd(at: index) > 0 {
                        newline()
                        continue
                    }
                    text.append(bytes[index])
                    index += 1
                }
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quoted = true
                let quoteLine = line
                let quoteColumn = column
                index += 1
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == byte { closed = true; index += 1; break }
                    if lineEnd(at: index) > 0 {
                        text.append(0x0A)
                        newline()
                        continue
                    }
                    if byte == UInt8(ascii: "\""), inner == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        if lineEnd(at: index + 1) > 0 {
                            index += 1
                            newline()
                            continue
                        }
                        let next = bytes[index + 1]
                        switch next {
                        case UInt8(ascii: "n"): text.append(0x0A)
                        case UInt8(ascii: "t"): text.append(0x09)
                        case UInt8(ascii: "r"): text.append(0x0D)
                        case UInt8(ascii: "\""), UInt8(ascii: "\\"): text.append(next)
                        default: text.append(inner); text.append(next)
                        }
                        index += 2
                        continue
                    }
                    text.append(inner)
                    index += 1
                }
                if !closed {
                    let name = byte == UInt8(ascii: "'") ? "single" : "double"
                    let mark = byte == UInt8(ascii: "'") ? "'" : "\""
                    awaitedQuote = mark
                    return .failure(LanguageError("unterminated \(name) quote", line: quoteLine, column: quoteColumn,
                                                  hint: "close it with \(mark)"))
                }
                continue
            }
            text.append(byte)
            index += 1
        }
        let raw = String(decoding: bytes[start..<index], as: UTF8.self)
        return .success(Word(String(decoding: text, as: UTF8.self), line: wordLine, column: wordColumn,
                             isQuoted: quoted, raw: raw))
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// When the word at `start` is one quoted string that closes on its line with no escape
    /// inside, followed by a blank or the end: where its closing quote is.
    private func simpleQuoteEnd(_ start: Int) -> Int? {
        let quote = bytes[start]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        var close = start + 1
        while close < bytes.count {
            let byte = bytes[close]
            if byte == quote || byte == 0x0A || byte == 0x0D || (byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"")) { break }
            close += 1
        }
        guard close < bytes.count, bytes[close] == quote, close + 1 == bytes.count || isBlank(bytes[close + 1]) else { return nil }
        return close
    }

    /// The source text of bytes `start..<end`, both at ASCII bytes or the ends of the text.
    private func slice(_ start: Int, _ end: Int) -> String {
        let utf8 = source.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        return String(source[from..<utf8.index(from, offsetBy: end - start)])
    }

    private enum HeredocOutcome {
        case ok
        case incomplete(LanguageError, tag: String)
    }

    /// Reads the bodies of the here-documents opened on the command's line, in order.
    private mutating func readHeredocs(_ heredocs: [(tag: String, wordIndex: Int, word: Word)],
                                       into words: inout [Word]) -> HeredocOutcome {
        for heredoc in heredocs {
            var body: [String] = []
            var closed = false
            while index < bytes.count {
                let start = index
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                var end = index
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                if index < bytes.count { newline() }
                if text.trimmingCharacters(in: " \t") == heredoc.tag {
                    closed = true
                    break
                }
                body.append(text)
            }
            if !closed {
                return .incomplete(LanguageError("here-document \(heredoc.word.raw) is not closed",
                                                 at: heredoc.word,
                                                 hint: "end it with a line holding only \(heredoc.tag)"), tag: heredoc.tag)
            }
            words[heredoc.wordIndex].text = body.joined(separator: "\n")
        }
        return .ok
    }

    private mutating func skipBlanks() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
    }

    private mutating func skipToEndOfLine() {
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    }

    /// Steps over the line end at `index` (LF or CRLF) onto the next line.
    private mutating func newline() {
        index += max(1, lineEnd(at: index))
        line += 1
        lineStart = index
    }
}

/// What an incomplete command waits for.
public enum Awaited: Sendable, Equatable {
    /// A line holding only this here-document tag (blanks around it allowed).
    case tagLine(String)
    /// A line with this closing quote.
    case quote(String)

    /// Whether `line`, added to the text, may complete it; when not, lexing again is pointless.
    public func mayEnd(_ line: String) -> Bool {
        switch self {
        case .tagLine(let tag):
            // The same test as the lexer's for the closing line.
            let text = line.hasSuffix("\r") ? String(line.dropLast()) : line
            return text.trimmingCharacters(in: " \t") == tag
        case .quote(let mark):
            return line.contains(mark)
        }
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view.removeFirst() }
        while let last = view.last, set.contains(last) { view.removeLast() }
        return String(view)
    }
}
