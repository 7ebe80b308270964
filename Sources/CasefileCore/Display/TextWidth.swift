/// Display widths and wrapping for terminal output: combining marks take no column,
/// East Asian wide characters and emoji take two.
public enum TextWidth {
    /// The columns `text` takes on a terminal.
    public static func of(_ text: String) -> Int {
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// The columns one character takes.
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x20 { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `text` cut to `width` columns, with `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` cut to `width` columns at a word boundary, with `…` when cut, so a snippet
    /// never reads as if the text itself ended mid-word (`… Transparency, sur`). A word
    /// boundary is used when one falls in the last half of the room; otherwise (one long
    /// word, a URL) the text is cut where the room ends.
    public static func snippet(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var cut = text.startIndex
        var used = 0
        var lastBreak: (index: String.Index, used: Int)?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let w = of(character)
            if used + w > width - 1 { break }
            if character == " " || character == "\n" { lastBreak = (index, used) }
            used += w
            index = text.index(after: index)
            cut = index
        }
        if index < text.endIndex, text[index] == " " || text[index] == "\n" { lastBreak = (index, used) }
        var head = text[..<cut]
        if let lastBreak, lastBreak.used * 2 >= width - 1 { head = text[..<lastBreak.index] }
        while let last = head.last, " \n,;:.".contains(last) { head.removeLast() }
        return head + "…"
    }

    /// `text` wrapped at word boundaries to lines of at most `width` columns; explicit
    /// newlines are kept, and a word longer than a line is broken.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(8, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for piece in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                // A word longer than a line is cut from a Substring, its width kept by
                // subtraction: cutting a String and measuring the rest each time was
                // quadratic (minutes for a 10 MB value without spaces).
                var word = piece
                var wordWidth = 0
                for character in word { wordWidth += of(character) }
                if used > 0 && used + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                while wordWidth > width {
                    var headEnd = word.startIndex
                    var headWidth = 0
                    while headEnd < word.endIndex {
                        let characterWidth = of(word[headEnd])
                        if headWidth + characterWidth > width - used { break }
                        headWidth += characterWidth
                        headEnd = word.index(after: headEnd)
                    }
                    if headEnd == word.startIndex { break }
                    lines.append(line + word[..<headEnd])
                    line = ""
                    used = 0
                    word = word[headEnd...]
                    wordWidth -= headWidth
                }
                if used > 0 {
                    line += " "
                    used += 1
                }
                line += word
                used += wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` padded with spaces to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let used = of(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }
}
