extension SearchResults {
    /// One line per hit, each at most `width` columns before highlighting: a kind mark,
    /// the Id, the language, the original or translations, and the snippet cut to fit
    /// around its first match. `highlight` wraps each matched run (ANSI on a terminal,
    /// `[…]` or nothing elsewhere). Text from the case goes through `Terminal.visible`.
    public func lines(width: Int, highlight: (String) -> String) -> [String] {
        hits.map { $0.line(width: width, highlight: highlight) }
    }
}

extension SearchHit {
    /// The short mark of each kind, padded to one width.
    static func mark(_ kind: Kind) -> String {
        switch kind {
        case .person: return "person"
        case .post: return "post  "
        case .quote: return "quote "
        case .translation: return "transl"
        case .source: return "source"
        default: return kind.word
        }
    }

    /// This hit as one line; see `SearchResults.lines(width:highlight:)`.
    public func line(width: Int, highlight: (String) -> String) -> String {
        var head = Self.mark(kind) + " " + Terminal.visible(id, keepNewlines: false)
        if let lang { head += " " + Terminal.visible(lang, keepNewlines: false) }
        if let original {
            head += " ← " + Terminal.visible(original, keepNewlines: false)
        } else if !translations.isEmpty {
            let shown = translations.prefix(2).map { Terminal.visible($0, keepNewlines: false) }
            head += " → " + shown.joined(separator: ", ")
            if translations.count > 2 { head += " +\(translations.count - 2)" }
        }
        // A head too long for the line (long Ids, two translations) gives up its end, not the snippet.
        if width - DisplayWidth.of(head) - 2 < 20 { head = TextWidth.truncate(head, to: max(10, width - 22)) }
        let room = max(20, width - DisplayWidth.of(head) - 2)
        return head + "  " + SnippetLayout.render(snippet, width: room, highlight: highlight)
    }
}

/// Fits a snippet into a width: whitespace flattened, controls made visible, cut around
/// the first match with "…" where text was left out.
enum SnippetLayout {
    static func render(_ snippet: Snippet, width: Int, highlight: (String) -> String) -> String {
        var characters: [Character] = []
        var marked: [Bool] = []
        var cursor = snippet.text.startIndex
        func add(_ piece: Substring, _ isMatch: Bool) {
            for character in visibleFlattened(piece) {
                if character == " ", characters.last == " " { continue }
                characters.append(character)
                marked.append(isMatch)
            }
        }
        for range in snippet.highlights {
            add(snippet.text[cursor..<range.lowerBound], false)
            add(snippet.text[range], true)
            cursor = range.upperBound
        }
        add(snippet.text[cursor...], false)
        while characters.last == " " { characters.removeLast(); marked.removeLast() }

        let widths = characters.map(DisplayWidth.of)
        var start = 0
        var end = characters.count
        if widths.reduce(0, +) > width {
            let first = marked.firstIndex(of: true) ?? 0
            var lead = 0
            start = first
            while start > 0 && lead + widths[start - 1] <= width / 3 {
                start -= 1
                lead += widths[start]
            }
            if start > 0 { while start < first && characters[start] != " " && lead > 0 { lead -= widths[start]; start += 1 } }
            let budget = width - (start > 0 ? 1 : 0) - 1
            var used = 0
            end = start
            while end < characters.count && used + widths[end] <= budget {
                used += widths[end]
                end += 1
            }
            if end == characters.count && start > 0 {
                // Room left at the end: show more of the beginning instead.
                while start > 0 && used + widths[start - 1] <= width - 1 { start -= 1; used += widths[start] }
            }
        }
        if end < characters.count, characters[end] != " " {
            // Cut at a word, as long as the first match and half the room stay.
            let firstMatchEnd = (marked.firstIndex(of: true) ?? start) + 1
            var cut = end
            while cut > start, characters[cut - 1] != " " { cut -= 1 }
            if cut > firstMatchEnd, (cut - start) * 2 >= end - start {
                end = cut
                while end > start, characters[end - 1] == " " { end -= 1 }
            }
        }
        var out = start > 0 ? "…" : ""
        var index = start
        while index < end {
            var run = ""
            let isMatch = marked[index]
            while index < end && marked[index] == isMatch {
                run.append(characters[index])
                index += 1
            }
            out += isMatch ? highlight(run) : run
        }
        if end < characters.count { out += "…" }
        return out
    }

    /// `text` with every run of whitespace one space, and controls made visible.
    static func visibleFlattened(_ text: Substring) -> String {
        var flat = ""
        flat.reserveCapacity(text.utf8.count)
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { flat.append(" ") }
                inSpace = true
            } else {
                flat.append(character)
                inSpace = false
            }
        }
        return Terminal.visible(flat, keepNewlines: false)
    }
}

/// Terminal columns, near enough: East Asian wide characters take two.
enum DisplayWidth {
    static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first?.value else { return 0 }
        switch scalar {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
