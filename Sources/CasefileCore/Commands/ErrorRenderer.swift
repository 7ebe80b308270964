/// Renders command errors in one place: `FILE:LINE:COL: error: message`, the offending
/// line, a caret under the word at fault, and the hint.
public enum ErrorRenderer {
    /// Renders `error` raised by a command from `source` (the script's or line's text).
    /// `file` is nil for a line typed in the shell.
    public static func render(_ error: CommandError, file: String?, source: String) -> String {
        if let rendered = error.rendered { return Terminal.visible(rendered) }
        var text = ""
        let line = error.word?.line ?? 1
        let column = error.word?.column ?? 1
        // The message and hint quote words from the user or the file: escape them too.
        if let file { text += "\(Terminal.visible(file, keepNewlines: false)):\(line):\(column): " }
        text += "error: \(Terminal.visible(error.message))"
        if let word = error.word, let sourceLine = Self.line(line, of: source) {
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            let visible = Terminal.visible(sourceLine, keepNewlines: false)
            text += "\n \(number) | \(visible)"
            let prefix = sourceLine.prefix(max(0, column - 1))
            let indent = Terminal.visible(String(prefix), keepNewlines: false).map { $0 == "\t" ? "\t" : " " }
            let width = max(1, min(Terminal.visible(word.raw, keepNewlines: false).count,
                                   max(1, visible.count - (column - 1))))
            text += "\n \(gutter) | " + indent.joined() + String(repeating: "^", count: width)
        }
        if let hint = error.hint { text += "\n  hint: \(Terminal.visible(hint))" }
        return text
    }

    /// Line `number` (1-based) of `text`.
    static func line(_ number: Int, of text: String) -> String? {
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line) }
            current += 1
        }
        return nil
    }
}
