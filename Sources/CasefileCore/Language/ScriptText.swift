/// The text of a script file (for `source` and `casefile run`): its bytes must be UTF-8,
/// and when they are not, the error says where, as `SCRIPT:LINE:COL`, with the line and a
/// caret under the first byte that is not, through the one renderer.
public enum ScriptText {
    /// The bytes as text, or the located error of their first invalid UTF-8 byte.
    public static func decode(_ bytes: [UInt8], name: String) throws(CommandError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var index = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
                continue
            }
            let width = byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0
            if width > 0, index + width <= bytes.count, String(validating: bytes[index..<(index + width)], as: UTF8.self) != nil {
                index += width
                continue
            }
            break
        }
        let column = 1 + bytes[lineStart..<min(index, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count
        let hex = index < bytes.count ? String(bytes[index], radix: 16, uppercase: true) : "?"
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        // The line is shown with U+FFFD where its bytes are not UTF-8.
        let shown = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let error = CommandError("invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" : "")\(hex))", at: Word("\u{FFFD}", line: line, column: column),
                                 hint: "re-encode the script as UTF-8 (iconv -f OLD -t UTF-8)")
        let lines = String(repeating: "\n", count: line - 1) + shown
        throw CommandError(rendered: ErrorRenderer.render(error, file: name, source: lines))
    }
}
