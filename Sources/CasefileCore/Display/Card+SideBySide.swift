/// An original and a translation side by side, laid out for a reviewer: headings that
/// keep the translator and the status when the column is narrow (the Id is shortened
/// first), and texts aligned paragraph by paragraph — and sentence by sentence where a
/// paragraph has as many sentences on both sides — so the two columns can be read across.
extension Card {
    /// A column's heading before fitting: what is cut first comes first after the language.
    struct Heading {
        var lang: String
        var role: String
        var by: String?
        var status: String?
    }

    func heading(_ entry: Entry, role: String) -> Heading {
        Heading(lang: entry.lang ?? "?", role: role, by: entry["By"], status: entry["Status"])
    }

    /// `heading` in at most `width` columns: `lang · role · (by, status)`, the role cut
    /// (then left out) before the translator's name, the name before the status.
    static func fit(_ heading: Heading, width: Int) -> String {
        let lang = Terminal.visible(heading.lang, expandingTabs: true)
        let role = Terminal.visible(heading.role, expandingTabs: true)
        let by = heading.by.map { Terminal.visible($0, expandingTabs: true) }
        let status = heading.status.map { Terminal.visible($0, expandingTabs: true) }
        let about = [by, status].compactMap { $0 }
        guard !about.isEmpty else { return TextWidth.truncate(lang + " · " + role, to: width) }
        let tail = "(" + about.joined(separator: ", ") + ")"
        let full = lang + " · " + role + " · " + tail
        if TextWidth.of(full) <= width { return full }
        let roomForRole = width - TextWidth.of(lang + " ·  · " + tail)
        if roomForRole >= 6 { return lang + " · " + TextWidth.truncate(role, to: roomForRole) + " · " + tail }
        if TextWidth.of(lang + " · " + tail) <= width { return lang + " · " + tail }
        if let by, let status {
            let roomForBy = width - TextWidth.of(lang + " · (, " + status + ")")
            if roomForBy >= 4 { return lang + " · (" + TextWidth.truncate(by, to: roomForBy) + ", " + status + ")" }
        }
        return TextWidth.truncate(tail, to: width)
    }

    /// The two texts under their headings, in columns that fit the card.
    func sideBySide(_ left: (Heading, String), _ right: (Heading, String)) -> [String] {
        let column = (width - 5) / 2
        let rightColumn = width - 5 - column
        let leftHeading = Self.fit(left.0, width: column), rightHeading = Self.fit(right.0, width: rightColumn)
        var rows: [(String, String)] = [(leftHeading, rightHeading),
                                        (String(repeating: "─", count: TextWidth.of(leftHeading)),
                                         String(repeating: "─", count: TextWidth.of(rightHeading)))]
        for (index, block) in Self.aligned(left.1, right.1).enumerated() {
            if index > 0 && block.startsParagraph { rows.append(("", "")) }
            let l = TextWidth.wrap(shownText(block.left), width: column), r = TextWidth.wrap(shownText(block.right), width: rightColumn)
            for line in 0..<max(l.count, r.count) {
                rows.append((line < l.count ? l[line] : "", line < r.count ? r[line] : ""))
            }
        }
        return rows.map { l, r in
            let left = TextWidth.truncate(l, to: column), right = TextWidth.truncate(r, to: rightColumn)
            return "  " + TextWidth.pad(left, to: column) + (right.isEmpty ? " │" : " │ " + right)
        }
    }

    /// Text from the case as a column shows it: control characters visible, tabs as spaces.
    private func shownText(_ text: String) -> String { Terminal.visible(text, expandingTabs: true) }

    /// Pieces of the two texts to lay out across from each other: paragraphs when both
    /// have as many (blank-line separated, else line separated), and within a pair of
    /// paragraphs the sentences when both have as many; otherwise the whole texts.
    static func aligned(_ left: String, _ right: String) -> [(left: String, right: String, startsParagraph: Bool)] {
        var leftParagraphs = paragraphs(left), rightParagraphs = paragraphs(right)
        if leftParagraphs.count != rightParagraphs.count || leftParagraphs.count == 1 {
            let leftLines = lines(left), rightLines = lines(right)
            guard leftLines.count == rightLines.count, leftLines.count > 1 else {
                return sentencePairs(left, right, startsParagraph: true)
            }
            leftParagraphs = leftLines
            rightParagraphs = rightLines
        }
        return zip(leftParagraphs, rightParagraphs).flatMap { sentencePairs($0, $1, startsParagraph: true) }
    }

    private static func sentencePairs(_ left: String, _ right: String, startsParagraph: Bool) -> [(left: String, right: String, startsParagraph: Bool)] {
        let leftSentences = sentences(left), rightSentences = sentences(right)
        guard leftSentences.count == rightSentences.count, leftSentences.count > 1 else { return [(left, right, startsParagraph)] }
        return zip(leftSentences, rightSentences).enumerated().map { ($0.element.0, $0.element.1, $0.offset == 0 && startsParagraph) }
    }

    /// Paragraphs: runs of lines between blank lines.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { result.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: "\n")) }
        return result.isEmpty ? [text] : result
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").filter { !$0.allSatisfy { $0 == " " } }.map(String.init)
    }

    /// Sentences: each ends at `.`, `!`, `?`, `…` (with closing quotes or brackets after
    /// it) followed by a space or the end, the ends kept.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var ended = false
        for character in text {
            if ended && (character == " " || character == "\n") {
                result.append(current)
                current = ""
                ended = false
                continue
            }
            if current.isEmpty && character == " " { continue }
            current.append(character)
            if ".!?…。！？".contains(character) {
                ended = true
            } else if !(ended && "\"'»”’)]".contains(character)) {
                ended = false
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
