/// A rendered error (`ErrorRenderer`'s text) laid out for a terminal of a given width:
/// the message and hint wrap at words, and a source line too long for the screen is shown
/// as a window around the word at fault, so the caret stays under it instead of the line
/// wrapping and the caret landing under something else.
///
/// ```
/// error: no entry 'politrash-2014-03-2'
///  1 | …"Прокуратура передала дело в суд" politrash-2014-03-2 note="…
///    |                                    ^^^^^^^^^^^^^^^^^^^
///   hint: did you mean politrash-2014-03-24?
/// ```
public enum ErrorLayout {
    /// `rendered` with every line at most `width` columns wide.
    public static func fit(_ rendered: String, width: Int) -> String {
        let width = max(20, width)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if index + 1 < lines.count, let source = gutter(line), let caret = gutter(lines[index + 1]),
               source.number != nil, caret.number == nil, source.prefix.count == caret.prefix.count,
               caret.text.allSatisfy({ $0 == " " || $0 == "^" }), caret.text.contains("^") {
                out += window(source: source, caret: caret, width: width)
                index += 2
                continue
            }
            out += wrap(line, width: width)
            index += 1
        }
        return out.joined(separator: "\n")
    }

    /// A ` 12 | text` or `    | ^^^` line: its gutter (up to and with `| `), the line
    /// number if any, and the text after it.
    private static func gutter(_ line: String) -> (prefix: String, number: Int?, text: String)? {
        guard let bar = line.range(of: " | ") ?? (line.hasSuffix(" |") ? line.range(of: " |", options: .backwards) : nil)
        else { return nil }
        let head = line[..<bar.lowerBound]
        guard head.first == " " else { return nil }
        let digits = head.drop { $0 == " " }
        guard digits.isEmpty || digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let prefix = String(line[..<bar.upperBound]) + (bar.upperBound == line.endIndex && !line.hasSuffix(" ") ? " " : "")
        return (prefix, digits.isEmpty ? nil : Int(digits), String(line[bar.upperBound...]))
    }

    /// The source line cut to the room beside its gutter around the caret, and the caret under it.
    private static func window(source: (prefix: String, number: Int?, text: String),
                               caret: (prefix: String, number: Int?, text: String), width: Int) -> [String] {
        let room = width - TextWidth.of(source.prefix)
        let characters = Array(source.text)
        let cells = characters.map { TextWidth.of($0) }
        let total = cells.reduce(0, +)
        let caretStart = caret.text.prefix { $0 == " " }.count
        let caretLength = caret.text.count - caretStart
        guard total > room, room >= 12 else {
            return [source.prefix + source.text, caret.prefix + caret.text]
        }
        // Start a third of the room before the caret (at the line's start when it fits),
        // on a character boundary.
        var first = 0
        var before = 0  // cells before `first`
        let lead = max(0, caretStart - room / 3)
        while first < characters.count, before + cells[first] <= lead, lead > 0 {
            before += cells[first]
            first += 1
        }
        var leadingMark = first > 0 ? 1 : 0
        var last = first
        var shown = 0
        while last < characters.count {
            let trailingMark = last + 1 < characters.count ? 1 : 0
            if leadingMark + shown + cells[last] + trailingMark > room { break }
            shown += cells[last]
            last += 1
        }
        // Reaching the line's end with room to spare: show more of what comes before.
        if last == characters.count {
            while first > 0, 1 + shown + cells[first - 1] <= room || (first == 1 && shown + cells[0] <= room) {
                first -= 1
                before -= cells[first]
                shown += cells[first]
            }
        }
        let text = (first > 0 ? "…" : "") + String(characters[first..<last]) + (last < characters.count ? "…" : "")
        leadingMark = first > 0 ? 1 : 0
        let indent = leadingMark + max(0, caretStart - before)
        let visibleAfter = max(1, room - indent - (last < characters.count ? 1 : 0))
        let marks = String(repeating: "^", count: max(1, min(caretLength, visibleAfter)))
        return [source.prefix + text, caret.prefix + String(repeating: " ", count: min(indent, room - 1)) + marks]
    }

    /// A message or hint line wrapped at words; continuation lines indented under its text.
    private static func wrap(_ line: String, width: Int) -> [String] {
        guard TextWidth.of(line) > width else { return [line] }
        let leading = line.prefix { $0 == " " }
        var indent = leading.count + 2
        if line.dropFirst(leading.count).hasPrefix("hint: ") { indent = leading.count + 6 }
        let body = String(line.dropFirst(leading.count))
        let wrapped = TextWidth.wrap(body, width: width - indent)
        return wrapped.enumerated().map { offset, piece in
            (offset == 0 ? String(leading) : String(repeating: " ", count: indent)) + piece
        }
    }
}
