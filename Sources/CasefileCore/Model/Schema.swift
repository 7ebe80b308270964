/// What a kind of record may hold: its fields in canonical order, which are required,
/// which repeat, and which refer to other entries. The writer, the checker, `set`
/// and completion all read this one table.
public struct Schema: Sendable {
    /// The kind described.
    public let kind: Kind
    /// Known fields, in the order they are written. Unknown fields follow them.
    public let fields: [String]
    /// Fields every record must have.
    public let mandatory: [String]
    /// Fields that may appear more than once.
    public let repeatable: Set<String>
    /// Fields whose value is the Id of another entry.
    public let references: Set<String>
    /// Fields holding an ISO date (or date-time).
    public let dates: Set<String>

    /// Fields shared by every identified kind for provenance.
    static let provenance = ["Url", "Source", "Tag"]

    /// The schema of `kind`.
    public static func of(_ kind: Kind) -> Schema {
        switch kind {
        case .person: return person
        case .post: return post
        case .quote: return quote
        case .translation: return translation
        case .source: return source
        case .evidence: return evidence
        case .link: return link
        case .note: return note
        case .session: return session
        }
    }

    static let person = Schema(
        kind: .person, fields: ["Id", "Name", "Handle", "Alias", "Spelling", "Role"] + provenance,
        mandatory: ["Id", "Name"], repeatable: ["Handle", "Alias", "Spelling", "Tag"], references: ["Source"], dates: [])
    static let post = Schema(
        kind: .post, fields: ["Id", "Author", "Date", "Platform", "Lang"] + provenance + ["Text"],
        mandatory: ["Id", "Author", "Text"], repeatable: ["Tag"], references: ["Author", "Source"], dates: ["Date"])
    static let quote = Schema(
        kind: .quote, fields: ["Id", "Speaker", "Post", "Date", "Lang"] + provenance + ["Text"],
        mandatory: ["Id", "Speaker", "Text"], repeatable: ["Tag"], references: ["Speaker", "Post", "Source"],
        dates: ["Date"])
    static let translation = Schema(
        kind: .translation, fields: ["Id", "Of", "Lang", "By", "Reviewer", "Status"] + provenance + ["Text"],
        // Of is optional: `unpair` leaves a translation without its original until `pair`.
        mandatory: ["Id", "Lang", "Text"], repeatable: ["Tag"], references: ["Of", "Source"], dates: [])
    static let source = Schema(
        kind: .source, fields: ["Id", "Title", "Url", "Published", "Retrieved", "Sha256", "Tag"],
        mandatory: ["Id", "Title"], repeatable: ["Tag"], references: [], dates: ["Published", "Retrieved"])
    /// A captured file: its hash, size and type, where it came from, and its custody events.
    static let evidence = Schema(
        kind: .evidence,
        fields: ["Id", "On", "Sha256", "Size", "Type", "Name", "Stored", "Path", "Captured", "CapturedFrom", "Url",
                 "By", "Attached", "Page", "Wacz", "Note", "Tag", "Custody"],
        mandatory: ["Id", "On", "Sha256", "Size"], repeatable: ["Page", "Tag", "Custody"], references: ["On"],
        dates: ["Captured", "Attached"])
    static let link = Schema(
        kind: .link, fields: ["From", "Rel", "To", "Note"],
        mandatory: ["From", "Rel", "To"], repeatable: [], references: ["From", "To"], dates: [])
    static let note = Schema(
        kind: .note, fields: ["On", "At", "By", "Text"],
        mandatory: ["On", "Text"], repeatable: [], references: ["On"], dates: ["At"])
    static let session = Schema(
        kind: .session, fields: ["Revision", "Saved", "By", "Message", "Summary", "Command", "Previous", "Hash"],
        mandatory: ["Revision"], repeatable: ["Command", "Previous"], references: [], dates: ["Saved"])

    /// The recutils descriptor lines written after `%rec:` for this kind.
    public var descriptor: [Field] {
        var lines: [Field] = []
        if kind.hasId { lines.append(Field("%key", "Id")) }
        if kind == .session { lines.append(Field("%key", "Revision")) }
        lines.append(Field("%mandatory", mandatory.filter { $0 != "Id" }.joined(separator: " ")))
        return lines
    }

    /// Whether `field` is a descriptor line casefile writes for this kind, now or in an
    /// older format: `%key: Id`, or a `%mandatory` of known fields that names every field
    /// casefile requires (older formats required more, such as a translation's `Of`).
    /// A user's own rules (`%mandatory: Birthplace`) are not.
    public func isGeneratedDescriptorLine(_ field: Field) -> Bool {
        if descriptor.contains(field) { return true }
        guard field.name == "%mandatory" else { return false }
        let names = Set(field.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init))
        let required = Set(mandatory.filter { $0 != "Id" })
        return names.isSuperset(of: required) && names.isSubset(of: Set(fields))
    }

    /// The position of `name` in canonical order; unknown fields sort after all known ones.
    public func rank(of name: String) -> Int {
        fields.firstIndex(of: name) ?? fields.count
    }

    /// Sorts `fields` canonically: known fields by rank, unknown ones after, each group stable.
    public func canonicalOrder(_ list: [Field]) -> [Field] {
        var isSorted = true
        var previous = -1
        for field in list {
            let rank = rank(of: field.name)
            if rank < previous { isSorted = false; break }
            previous = rank
        }
        if isSorted { return list }
        return list.enumerated()
            .sorted { (rank(of: $0.element.name), $0.offset) < (rank(of: $1.element.name), $1.offset) }
            .map(\.element)
    }

    /// Inserts `field` at its canonical position (after existing fields of the same name).
    /// - Complexity: O(log(list) × schema fields) to find the place, by binary search.
    public func insert(_ field: Field, into list: inout [Field]) {
        list.insert(field, at: run(of: field.name, in: list)?.upperBound ?? list.count)
    }

    /// Where the values of known field `name` are in `list` (canonically ordered, as an
    /// entry's fields are): an empty range at its place when it has none; nil for a name
    /// the schema does not know. Found by binary search on rank, each probe's rank looked
    /// up once, so the ten-thousandth tag of a person is placed as fast as the first.
    /// - Complexity: O(log(list) × schema fields).
    public func run(of name: String, in list: [Field]) -> Range<Int>? {
        let rank = rank(of: name)
        guard rank < fields.count else { return nil }
        // The first index whose field ranks above `bound`.
        func start(above bound: Int) -> Int {
            var low = 0
            var high = list.count
            while low < high {
                let middle = low + (high - low) / 2
                if self.rank(of: list[middle].name) > bound { high = middle } else { low = middle + 1 }
            }
            return low
        }
        return start(above: rank - 1)..<start(above: rank)
    }
}
