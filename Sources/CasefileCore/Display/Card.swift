import Foundation

/// The card `show` prints: fields, the original and its translations side by side,
/// links read from both ends, what refers to the entry, and notes.
public struct Card {
    let entry: Entry
    let caseFile: CaseFile
    let references: Set<Reference>
    let translations: [Entry]
    let width: Int

    /// How many references of one sort are listed before "… and N more".
    static let listLimit = 20

    /// Lays out the card for `entry`.
    public init(entry: Entry, caseFile: CaseFile, references: Set<Reference>, width: Int) {
        self.entry = entry
        self.caseFile = caseFile
        self.references = references
        self.width = max(40, width)
        translations = references.compactMap { reference -> Entry? in
            guard case let .field(id, "Of") = reference else { return nil }
            return caseFile[id]
        }.sorted { ByteOrder.less($0.id, $1.id) }
    }

    /// The card's lines (already made safe for a terminal).
    public func lines() -> [String] {
        let title = "\(entry.kind.word) \(entry.id)" + (entry.name.map { " — \($0)" } ?? "")
        var out = hanging(title, first: "", indent: 2)
        // The name or title is in the heading already; the text gets its own block.
        let textFields: Set<String> = ["Text", entry.kind == .person ? "Name" : entry.kind == .source ? "Title" : "Text"]
        if entry.kind == .translation, entry["Of"] == nil {
            // Where the original would be listed: said, so an unpaired one is not taken for an original.
            out += labelled("Of", "none (not paired: pair \(entry.id) ORIGINAL)")
        }
        for field in entry.fields where !textFields.contains(field.name) {
            var value = field.value
            if entry.schema.references.contains(field.name), let target = caseFile[value], let name = target.name {
                value += " (\(name))"
            }
            out += labelled(field.name, value)
        }
        if let text = entry.text { out += textBlock(text) }
        out += linkLines()
        out += evidenceLines()
        out += referenceLines()
        out += noteLines()
        return out.map { Terminal.visible($0) }
    }

    private func labelled(_ label: String, _ value: String) -> [String] {
        let head = "  " + TextWidth.pad(label, to: 9) + " "
        return hanging(value, first: head, indent: TextWidth.of(head))
    }

    /// `text` made safe and wrapped: the first line after `first`, the others indented by
    /// `indent` (under the value's column), none wider than the card.
    private func hanging(_ text: String, first: String, indent: Int) -> [String] {
        let room = width - max(indent, TextWidth.of(first))
        let pad = String(repeating: " ", count: indent)
        return TextWidth.wrap(shown(text), width: room).enumerated().map { index, line in (index == 0 ? first : pad) + line }
    }

    /// Text from the case as the card shows it: control characters visible, tabs as spaces.
    private func shown(_ text: String) -> String { Terminal.visible(text, expandingTabs: true) }

    /// The text, beside its original (for a translation) or its translations (for an original).
    private func textBlock(_ text: String) -> [String] {
        var pairs: [(Heading, String)] = []
        if entry.kind == .translation, let original = entry["Of"].flatMap({ caseFile[$0] }) {
            pairs.append((heading(original, role: "original"), original.text ?? ""))
            pairs.append((heading(entry, role: "this translation"), text))
        } else {
            pairs.append((heading(entry, role: translations.isEmpty ? "text" : "original"), text))
            for translation in translations { pairs.append((heading(translation, role: translation.id), translation.text ?? "")) }
        }
        if pairs.count == 1 {
            return [""] + TextWidth.wrap(shown(text), width: width - 4).map { "  " + $0 }
        }
        var out: [String] = []
        let left = pairs[0]
        for right in pairs.dropFirst() {
            out += [""] + sideBySide(left, right)
        }
        return out
    }

    private func linkLines() -> [String] {
        // An entry may have a hundred thousand links: sort cheap (relation, Id) pairs and
        // build text only for the rows shown.
        var rows: [(rel: String, other: String, note: String)] = []
        for reference in references {
            guard case let .link(key) = reference, let link = caseFile.links[key] else { continue }
            let outgoing = key.from == entry.id
            rows.append((outgoing ? key.rel : Relation.reverse(of: key.rel), outgoing ? key.to : key.from, link.note ?? ""))
        }
        guard !rows.isEmpty else { return [] }
        rows.sort { ($0.rel, $0.other, $0.note) < ($1.rel, $1.other, $1.note) }
        // The other end and the note wrap under their column, as a field's value does.
        let shown = rows.prefix(Self.listLimit).flatMap { row in
            let head = "  " + TextWidth.pad(row.rel, to: 14) + " "
            return hanging(row.other + describe(row.other) + (row.note.isEmpty ? "" : " — " + row.note),
                           first: head, indent: TextWidth.of(head))
        }
        return ["", "Links"] + shown + more(rows.count)
    }

    private func referenceLines() -> [String] {
        var rows: [(id: String, field: String)] = []
        for reference in references {
            guard case let .field(id, field) = reference, field != "Of", !isEvidence(reference) else { continue }
            rows.append((id, field))
        }
        guard !rows.isEmpty else { return [] }
        rows.sort { ($0.id, $0.field) < ($1.id, $1.field) }
        let shown = rows.prefix(Self.listLimit).flatMap { row in
            hanging("\(row.id)\(describe(row.id)) — as \(row.field)", first: "  ", indent: 4)
        }
        return ["", "Referred to by"] + shown + more(rows.count)
    }

    private func noteLines() -> [String] {
        let notes = references.compactMap { reference -> NoteKey? in
            if case let .note(key) = reference { return key } else { return nil }
        }.sorted()
        guard !notes.isEmpty else { return [] }
        var out = ["", "Notes"]
        for note in notes.prefix(Self.listLimit) {
            out += hanging([note.at, note.by].filter { !$0.isEmpty }.joined(separator: "  "), first: "  ", indent: 2)
            out += TextWidth.wrap(shown(note.text), width: width - 4).map { "    " + $0 }
        }
        if notes.count > Self.listLimit { out.append("  … and \(notes.count - Self.listLimit) more notes") }
        return out
    }

    private func describe(_ id: String) -> String {
        guard let other = caseFile[id] else { return " (missing)" }
        if let name = other.name { return " (\(name))" }
        if let text = other.text {
            return " (\(other.kind.word): \(TextWidth.snippet(text.replacingOccurrences(of: "\n", with: " "), to: 40)))"
        }
        return " (\(other.kind.word))"
    }

    func more(_ count: Int) -> [String] {
        count > Self.listLimit ? ["  … and \(count - Self.listLimit) more"] : []
    }
}
