/// One `FIELD=VALUE` or `FIELD!=VALUE` word of `list`: entries whose field has (or has
/// not) exactly that value. Field names are matched without regard to case.
struct ListFilter {
    /// The field name, lower-cased (`id` is the entry's Id).
    var field: String
    /// The value compared, exactly.
    var value: String
    /// Whether the filter keeps entries *without* that value (`status!=final`).
    var isNegated: Bool
    /// The word it came from, for errors.
    var word: Word

    /// The filter `word` spells as `FIELD!=VALUE`, or nil when it is not one.
    init?(negated word: Word) {
        guard !word.isQuoted, let range = word.text.range(of: "!="), range.lowerBound != word.text.startIndex else { return nil }
        let name = word.text[..<range.lowerBound]
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        field = name.lowercased()
        value = String(word.text[range.upperBound...])
        isNegated = true
        self.word = word
    }

    /// A `FIELD=VALUE` assignment.
    init(field: String, value: String, word: Word) {
        self.field = field.lowercased()
        self.value = value
        isNegated = false
        self.word = word
    }

    /// Whether `entry` passes. A negated filter keeps an entry that lacks the field.
    func matches(_ entry: Entry) -> Bool {
        let has: Bool
        if field == "id" {
            has = entry.id == value
        } else {
            has = entry.fields.contains { $0.name.lowercased() == field && $0.value == value }
        }
        return has != isNegated
    }

    /// The field names `list` knows for `kinds`, lower-cased: their schemas' and `id`.
    static func knownFields(of kinds: [Kind]) -> Set<String> {
        var names: Set<String> = ["id"]
        for kind in kinds { for field in Schema.of(kind).fields { names.insert(field.lowercased()) } }
        return names
    }

    /// Refuses a filter naming a field that neither the schemas of `kinds` nor any of
    /// `entries` has (`staus=draft`): a typo must not read as "0 entries".
    /// - Complexity: O(1) when every field is known; one pass over `entries` otherwise.
    static func checkFields<S: Sequence>(_ filters: [ListFilter], kinds: [Kind], entries: () -> S) throws(CommandError)
    where S.Element == Entry {
        let known = knownFields(of: kinds)
        let unknown = filters.filter { !known.contains($0.field) }
        guard !unknown.isEmpty else { return }
        var remaining = Set(unknown.map(\.field))
        for entry in entries() {
            for field in entry.fields { remaining.remove(field.name.lowercased()) }
            if remaining.isEmpty { return }
        }
        guard let first = unknown.first(where: { remaining.contains($0.field) }) else { return }
        let candidates = known.sorted()
        throw CommandError("no \(kinds.count == 1 ? kinds[0].word : "entry") has a field '\(first.field)'", at: first.word,
                           hint: Suggestions.hint(for: first.field, in: candidates)
                               ?? "fields: " + candidates.joined(separator: ", "))
    }
}
