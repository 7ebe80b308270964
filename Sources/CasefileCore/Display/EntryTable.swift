/// Entries as a table, one line each, for `list` and `untranslated`: the kind, the Id, then
/// the columns that matter for the kind, each as wide as the widest value shown (up to a
/// cap), and the text last, cut at a word to what is left of the line.
///
/// ```
/// post         extremkz-2014-02-04  2014-02-04  aitelenov  ru  Завтра у #Есимов‘а на ланче…
/// quote        prediktor-q1                     prediktor  ru  Нас задержали…
/// ```
///
/// Two passes: `measure` every entry to be shown, then `line` each. A missing value (a
/// quote without a date) leaves its column blank, so the columns after it stay in place.
/// - Complexity: O(1) per entry in both passes (per field), no storage per entry.
public struct EntryTable {
    /// The terminal width every line fits in.
    public let width: Int
    private var idWidth = 0
    /// For each layout (posts and quotes share one), the width of each column before the text.
    private var widths: [[Int]] = Array(repeating: [], count: Kind.allCases.count)

    /// The kind column's width (`translation`).
    static let kindWidth = 11
    /// Columns are this far apart.
    static let gap = "  "

    /// An empty table for lines of `width` columns.
    public init(width: Int) { self.width = max(20, width) }

    /// Takes `entry` into account for the column widths.
    public mutating func measure(_ entry: Entry) {
        idWidth = max(idWidth, min(TextWidth.of(Terminal.visible(entry.id, keepNewlines: false)), width / 3))
        let columns = Self.columns(of: entry)
        var kindWidths = widths[Self.layout(of: entry.kind)]
        if kindWidths.count < columns.count { kindWidths += Array(repeating: 0, count: columns.count - kindWidths.count) }
        for (index, column) in columns.enumerated() {
            kindWidths[index] = max(kindWidths[index], min(column.cap, TextWidth.of(column.value)))
        }
        widths[Self.layout(of: entry.kind)] = kindWidths
    }

    /// Makes the Id column at least `columns` wide (a third of the width at most).
    public mutating func reserveIdWidth(_ columns: Int) { idWidth = max(idWidth, min(columns, width / 3)) }

    /// The line for `entry` (measured before), never wider than `width`, with no trailing spaces.
    public func line(_ entry: Entry) -> String {
        var line = TextWidth.pad(entry.kind.word, to: Self.kindWidth) + Self.gap
            + TextWidth.pad(Terminal.visible(entry.id, keepNewlines: false), to: idWidth)
        let columns = Self.columns(of: entry)
        let kindWidths = widths[Self.layout(of: entry.kind)]
        let text = Self.text(of: entry)
        // Tags follow the row's last value, which leaves room for them: rows without tags
        // give that room to their text.
        let tags = entry.tags.isEmpty ? "" : TextWidth.snippet(Terminal.visible("[" + entry.tags.joined(separator: " ") + "]",
                                                                                keepNewlines: false), to: 24)
        let tagRoom = tags.isEmpty ? 0 : TextWidth.of(tags) + Self.gap.count
        for (index, column) in columns.enumerated() {
            let columnWidth = index < kindWidths.count ? kindWidths[index] : TextWidth.of(column.value)
            guard columnWidth > 0 else { continue }
            let isLast = index == columns.count - 1 && text == nil
            let room = isLast ? width - TextWidth.of(line) - Self.gap.count - tagRoom : columnWidth
            guard room > 0 else { break }
            let value = TextWidth.snippet(column.value, to: room)
            line += Self.gap + (isLast ? value : TextWidth.pad(value, to: columnWidth))
        }
        if let text {
            let room = width - TextWidth.of(line) - Self.gap.count - tagRoom
            if room >= 4 { line += Self.gap + TextWidth.snippet(text, to: room) }
        }
        while line.last == " " { line.removeLast() }
        if !tags.isEmpty { line += Self.gap + tags }
        return TextWidth.of(line) > width ? TextWidth.truncate(line, to: width) : line
    }

    /// Which column layout a kind uses: posts and quotes have the same columns, so they
    /// line up with each other.
    static func layout(of kind: Kind) -> Int { kind == .quote ? Kind.post.ordinal : kind.ordinal }

    /// One column's value (already safe for a terminal) and the most columns it may take.
    struct Column {
        var value: String
        var cap: Int
    }

    /// The columns of `entry` between its Id and its text, the same number for every entry
    /// of a kind (empty values for missing fields). Tags are not a column: they end the row.
    static func columns(of entry: Entry) -> [Column] {
        func cell(_ value: String?, _ cap: Int) -> Column {
            Column(value: Terminal.visible(value ?? "", keepNewlines: false), cap: cap)
        }
        switch entry.kind {
        case .person:
            return [cell(entry.name, 32), cell(entry.handles.isEmpty ? nil : entry.handles.joined(separator: " "), 28)]
        case .post, .quote:
            return [cell(entry["Date"], 10), cell(entry["Author"] ?? entry["Speaker"], 20), cell(entry.lang, 8)]
        case .translation:
            return [cell(entry["Of"].map { "of \($0)" } ?? "unpaired", 31), cell(entry.lang, 8), cell(entry["Status"], 8)]
        case .source:
            return [cell(entry["Published"], 10), cell(entry.name, 200)]
        case .evidence:
            let size = entry["Size"].flatMap { UInt64($0) }.map(ByteSize.text)
            return [cell(entry["On"].map { "on \($0)" }, 31), cell(entry["Type"], 24), cell(size, 10), cell(entry["Name"], 200)]
        case .link, .note, .session:
            return []
        }
    }

    /// The text shown last (on one line), or nil for kinds without one.
    static func text(of entry: Entry) -> String? {
        switch entry.kind {
        case .post, .quote, .translation:
            return Terminal.visible((entry.text ?? "").replacingOccurrences(of: "\n", with: " "), keepNewlines: false)
        default:
            return nil
        }
    }
}
