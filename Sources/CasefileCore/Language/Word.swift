/// One word of a command line, with where it came from so errors can point at it.
public struct Word: Hashable, Sendable {
    /// The word after quotes and escapes are removed (a here-document's body for `<<TAG`).
    public var text: String
    /// 1-based line of the word's first character in its script.
    public var line: Int
    /// 1-based column (in characters) of the word's first character.
    public var column: Int
    /// Whether any part of the word was quoted, escaped or came from a here-document:
    /// such a word is always text, never an option or a keyword.
    public var isQuoted: Bool
    /// The word as typed (before quote removal), for caret displays and session logs.
    public var raw: String

    /// Creates a word.
    public init(_ text: String, line: Int = 1, column: Int = 1, isQuoted: Bool = false, raw: String? = nil) {
        self.text = text
        self.line = line
        self.column = column
        self.isQuoted = isQuoted
        self.raw = raw ?? text
    }

    /// For an unquoted `key=value` word: the key and the value. The key must be a plain
    /// word (letters, then letters, digits, `-` or `_`), so `"a=b"` in quotes or `2+2=4` stays text.
    public var option: (key: String, value: String)? {
        // Byte-level: this runs for every word of every command a replay runs.
        var keyLength = 0
        var sawEquals = false
        for byte in raw.utf8 {
            if byte == 0x3D {
                sawEquals = true
                break
            }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            guard keyLength == 0 ? isLetter : (isLetter || isDigit || byte == 0x2D || byte == 0x5F) else { return nil }
            keyLength += 1
        }
        guard sawEquals, keyLength > 0 else { return nil }
        // The key is plain ASCII and unquoted, so the text starts with the same key and `=`.
        let utf8 = text.utf8
        guard utf8.count > keyLength else { return nil }
        let equals = utf8.index(utf8.startIndex, offsetBy: keyLength)
        guard utf8[equals] == 0x3D else { return nil }
        return (String(text[..<equals]), String(text[text.utf8.index(after: equals)...]))
    }
}

/// One command: its words, where it starts, and its source text.
public struct ScriptCommand: Hashable, Sendable {
    /// The words; the first is the command name.
    public var words: [Word]
    /// 1-based line where the command starts.
    public var line: Int
    /// The command's text as written (all its physical lines, here-document included).
    public var source: String

    /// Creates a command line.
    public init(words: [Word], line: Int, source: String) {
        self.words = words
        self.line = line
        self.source = source
    }
}
