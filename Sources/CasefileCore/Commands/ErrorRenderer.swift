/// Renders command errors in one place: `FILE:LINE:COL: error: message`, the offending
/// line, a caret under the word at fault, and the hint.
public enum ErrorRenderer {
    /// Renders `error` raised by a command from `source` (the script's or line's text).
    /// `file` is nil for a line typed in the shell.
    public static func render(_ error: CommandError, file: String?, source: String) -> String {
        render(error, file: file, lines: SourceLines(source))
    }

    /// Renders `error` with the lines of its script already indexed, so that a replay
    /// reporting many errors (--keep-going) finds each line without rescanning the script.
    public static func render(_ error: CommandError, file: String?, lines: SourceLines) -> String {
        if let rendered = error.rendered { return Terminal.visible(rendered) }
        var text = ""
        let line = error.word?.line ?? 1
        let column = error.word?.column ?? 1
        // The message and hint quote words from the user or the file: escape them too.
        if let file { text += "\(Terminal.visible(file, keepNewlines: false)):\(line):\(column): " }
        text += "error: \(Terminal.visible(error.message))"
        if let word = error.word, let sourceLine = lines.line(line) {
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            let (shown, caret) = excerpt(sourceLine, column: column, raw: word.raw)
            text += "\n \(number) | \(shown)"
            text += "\n \(gutter) | " + caret
        }
        if let hint = error.hint { text += "\n  hint: \(Terminal.visible(hint))" }
        return text
    }

    /// How many characters of a long line are shown on each side of the word at fault: a
    /// line of megabytes is cut around the column, not quoted whole.
    static let excerptContext = 60

    /// The line as shown (made visible, cut around the word when long, `…` where cut) and
    /// the caret line under it. The caret goes under the word at its display column: a wide
    /// character takes two columns, a control character (a tab too) the width of its
    /// visible form; a missing word is pointed at past the end of the line, where it would go.
    static func excerpt(_ sourceLine: String, column: Int, raw: String) -> (line: String, caret: String) {
        func width(_ text: Substring) -> Int { TextWidth.of(Terminal.visible(String(text), keepNewlines: false)) }
        var characters = Substring(sourceLine)
        var start = max(0, column - 1)
        var lead = ""
        var tail = ""
        if sourceLine.utf8.count > 4 * excerptContext {
            let count = characters.count
            let from = max(0, min(start, count) - excerptContext)
            let to = min(count, start + min(raw.count, excerptContext) + excerptContext)
            let lower = characters.index(characters.startIndex, offsetBy: from)
            let upper = characters.index(lower, offsetBy: to - from)
            if from > 0 { lead = "…" }
            if to < count { tail = "…" }
            characters = characters[lower..<upper]
            start -= from
        }
        let before = characters.prefix(start)
        let rest = characters.dropFirst(start)
        let past = max(0, start - characters.count)
        let indent = String(repeating: " ", count: TextWidth.of(lead) + width(before) + past)
        let wanted = TextWidth.of(Terminal.visible(raw, keepNewlines: false))
        let caret = indent + String(repeating: "^", count: max(1, min(wanted, width(rest))))
        return (lead + Terminal.visible(String(characters), keepNewlines: false) + tail, caret)
    }

    /// Line `number` (1-based) of `text`.
    static func line(_ number: Int, of text: String) -> String? { SourceLines(text).line(number) }
}

/// The lines of a script, indexed once: where each starts, so that any line is found in
/// O(1) however long the script is.
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int]

    /// Indexes `text`.
    public init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.starts = starts
    }

    /// Line `number` (1-based), without its line end (LF or CRLF), or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
