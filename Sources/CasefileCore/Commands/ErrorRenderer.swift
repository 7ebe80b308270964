/// Renders every located error in one place - a command's, the command language's, a
/// query's, a file's diagnostics: `FILE:LINE:COL: error: message`, the offending line
/// (cut around the fault when long), a caret under the fault by display width, and the hint.
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
        let line = error.word?.line ?? 1
        let column = error.word?.column ?? 1
        var quoted: QuotedLine?
        if let word = error.word, let sourceLine = lines.line(line) {
            quoted = QuotedLine(line: sourceLine, column: column, length: word.raw.count)
        }
        return render(file: file, line: line, column: column, severity: .error, message: error.message,
                      quoted: quoted, hint: error.hint)
    }

    /// Renders a file's diagnostic (the reader's, the validator's) with the line it points
    /// into, when the reader kept it.
    public static func render(_ diagnostic: Diagnostic) -> String {
        render(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column, severity: diagnostic.severity,
               message: diagnostic.message, quoted: diagnostic.line > 0 ? diagnostic.quoted : nil, hint: diagnostic.hint)
    }

    /// The one layout: `FILE:LINE:COL: SEVERITY: message` (`FILE: …` for the whole file,
    /// line 0; no file for a line typed in the shell), the quoted line under a gutter with
    /// its number, the caret, and the hint. Everything from a user or a file is made visible.
    static func render(file: String?, line: Int, column: Int, severity: Diagnostic.Severity, message: String,
                       quoted: QuotedLine?, hint: String?) -> String {
        var text = ""
        if let file {
            text += Terminal.visible(file, keepNewlines: false)
            text += line > 0 ? ":\(line):\(column): " : ": "
        }
        text += "\(severity.rawValue): \(Terminal.visible(message))"
        if let quoted {
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            let (shown, caret) = excerpt(quoted)
            text += "\n \(number) | \(shown)"
            text += "\n \(gutter) | " + caret
        }
        if let hint { text += "\n  hint: \(Terminal.visible(hint))" }
        return text
    }

    /// The quoted line as shown (made visible, `…` where it was cut) and the caret line
    /// under it. The caret goes under the fault at its display column: a wide character
    /// takes two columns, a control character (a tab too) the width of its visible form; a
    /// missing word is pointed at past the end of the line, where it would go.
    static func excerpt(_ quoted: QuotedLine) -> (line: String, caret: String) {
        func width(_ text: Substring) -> Int { TextWidth.of(Terminal.visible(String(text), keepNewlines: false)) }
        let characters = Substring(quoted.text)
        let start = quoted.offset
        let lead = quoted.cutBefore ? "…" : ""
        let before = characters.prefix(start)
        let rest = characters.dropFirst(start)
        let past = max(0, start - characters.count)
        let indent = String(repeating: " ", count: TextWidth.of(lead) + width(before) + past)
        let fault = width(rest.prefix(quoted.length))
        let caret = indent + String(repeating: "^", count: max(1, fault))
        return (lead + Terminal.visible(quoted.text, keepNewlines: false) + (quoted.cutAfter ? "…" : ""), caret)
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
