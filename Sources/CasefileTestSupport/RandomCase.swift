import CasefileCore

/// Builds random but valid cases for property tests: every reference resolves to an
/// entry of the right kind, dates and languages are valid, Ids are unique across kinds,
/// and the values are as awkward as `RandomText` can make them. The same seed always
/// gives the same case.
public struct RandomCase {
    /// What to put in a generated case.
    public struct Options: Sendable {
        /// Roughly how many entries (persons, posts, quotes, translations, sources).
        public var entries: Int
        /// Whether values may be very long (several kilobytes).
        public var longValues: Bool
        /// Whether to add what a user adds by hand: unknown fields, comments, foreign record
        /// types, extra descriptor lines.
        public var handEdits: Bool
        /// Whether some translations are left without an original (no `Of`), as `unpair` leaves them.
        public var unpairedTranslations: Bool

        /// Creates options.
        public init(entries: Int = 20, longValues: Bool = true, handEdits: Bool = true, unpairedTranslations: Bool = false) {
            self.entries = entries
            self.longValues = longValues
            self.handEdits = handEdits
            self.unpairedTranslations = unpairedTranslations
        }
    }

    /// Field names a user might add by hand (valid recutils names, unknown to casefile).
    public static let unknownFieldNames = ["Xnote", "Seen_by", "Archive2", "Checked", "Z_extra", "Mood"]
    /// Languages used, with the primary subtags ru, kk and en.
    public static let languages = ["ru", "kk", "en", "kk-Cyrl", "en-GB", "ru-KZ"]
    /// Link relations used.
    public static let relations = ["authored", "detained-with", "criticizes", "quotes", "mentions", "replies-to"]

    private var rng: SeededGenerator
    private let options: Options
    private var used: Set<String> = []
    private var persons: [String] = []
    private var posts: [String] = []
    private var quotes: [String] = []
    private var translations: [String] = []
    private var sources: [String] = []
    private var langOf: [String: String] = [:]

    /// The case for `seed`.
    public static func make(seed: UInt64, options: Options = Options()) -> CaseFile {
        var maker = RandomCase(rng: SeededGenerator(seed: seed), options: options)
        return maker.build()
    }

    private init(rng: SeededGenerator, options: Options) {
        self.rng = rng
        self.options = options
    }

    private mutating func build() -> CaseFile {
        var caseFile = CaseFile()
        caseFile.header = makeHeader()
        let total = max(0, options.entries)
        let sourceCount = total == 0 ? 0 : max(1, total / 10)
        let personCount = total == 0 ? 0 : max(1, total / 4)
        for _ in 0..<sourceCount { caseFile.put(makeSource()) }
        for _ in 0..<personCount { caseFile.put(makePerson()) }
        let rest = max(0, total - sourceCount - personCount)
        for _ in 0..<rest {
            switch rng.int(0...9) {
            case 0...4: caseFile.put(makePost())
            case 5...6: caseFile.put(makeQuote())
            default:
                if let translation = makeTranslation() { caseFile.put(translation) } else { caseFile.put(makePost()) }
            }
        }
        let ids = Array(used).sorted()
        if !ids.isEmpty {
            for _ in 0..<rng.int(0...total) {
                var fields: [Field] = []
                if rng.chance(0.4) { fields.append(Field("Note", value())) }
                fields += unknownFields()
                caseFile.put(Link(LinkKey(from: rng.pick(ids), rel: rng.pick(Self.relations), to: rng.pick(ids)),
                                  fields: fields, comments: comments()))
            }
            for _ in 0..<rng.int(0...(total / 2)) {
                let key = NoteKey(on: rng.pick(ids), at: rng.chance(0.8) ? RandomText.dateTime(&rng) : "",
                                  by: rng.chance(0.6) ? RandomText.name(&rng) : "", text: value())
                caseFile.put(Note(key, fields: unknownFields(), comments: comments()))
            }
        }
        var revision = 0
        for _ in 0..<rng.int(0...4) {
            revision += rng.int(1...3)
            var fields = [Field("Saved", RandomText.dateTime(&rng))]
            if rng.chance(0.7) { fields.append(Field("By", RandomText.name(&rng))) }
            if rng.chance(0.5) { fields.append(Field("Message", value())) }
            fields.append(Field("Summary", "+\(rng.int(0...9)) post, -\(rng.int(0...3)) note"))
            for _ in 0..<rng.int(0...3) { fields.append(Field("Command", value())) }
            caseFile.sessions.append(Session(revision: revision, fields: fields + unknownFields(),
                                             comments: comments()))
        }
        if options.handEdits {
            for kind in Kind.allCases where rng.chance(0.15) {
                caseFile.descriptorExtras[kind] = [Field("%doc", RandomText.line(&rng, maxWords: 5))]
            }
            for kind in Kind.allCases where rng.chance(0.15) {
                caseFile.descriptorComments[kind] = comments(atLeastOne: true)
            }
            let types = ["Capture", "Archive", "Witness_statement"]
            for type in types where rng.chance(0.2) {
                var descriptor = [Field("%rec", type)]
                if rng.chance(0.5) { descriptor.append(Field("%doc", RandomText.line(&rng, maxWords: 5))) }
                let records = (0..<rng.int(0...3)).map { _ in
                    ForeignRecord(fields: (0..<rng.int(1...4)).map { _ in Field(rng.pick(Self.unknownFieldNames), value()) },
                                  comments: comments())
                }
                caseFile.foreign.append(ForeignSection(descriptor: descriptor, comments: comments(), records: records))
            }
            if rng.chance(0.2) { caseFile.trailingComments = comments(atLeastOne: true) }
        }
        return caseFile
    }

    private mutating func value() -> String { RandomText.value(&rng, long: options.longValues) }

    private mutating func makeHeader() -> CaseHeader {
        var fields = [Field("Format", String(CaseHeader.currentFormat))]
        if rng.chance(0.9) { fields.append(Field("Title", rng.chance(0.8) ? RandomText.name(&rng) : value())) }
        if rng.chance(0.3) { fields.append(Field("Lang", rng.pick(Self.languages))) }
        fields.append(Field("Revision", String(rng.int(0...40))))
        if rng.chance(0.7) { fields.append(Field("Saved", RandomText.dateTime(&rng))) }
        return CaseHeader(fields: fields + unknownFields(), comments: comments())
    }

    private mutating func freshId(_ base: String) -> String {
        let stem = base.isEmpty ? "x" : base
        var id = stem
        var counter = 2
        while used.contains(id) {
            id = "\(stem)-\(counter)"
            counter += 1
        }
        used.insert(id)
        return id
    }

    private mutating func slug() -> String {
        let stems = ["aitelenov", "kibraev", "esimov", "prediktor", "extremkz", "gv", "tengri", "ernar", "a", "z9",
                     "есимов", "әділет", "x.y", "q_1"]
        return rng.pick(stems) + (rng.chance(0.5) ? "-\(rng.int(0...99))" : "")
    }

    private mutating func provenance(into fields: inout [Field]) {
        if rng.chance(0.3) { fields.append(Field("Url", "https://example.org/\(rng.int(0...99999))")) }
        if rng.chance(0.3), !sources.isEmpty { fields.append(Field("Source", rng.pick(sources))) }
        for _ in 0..<rng.int(0...2) { fields.append(Field("Tag", RandomText.name(&rng))) }
    }

    private mutating func unknownFields() -> [Field] {
        guard options.handEdits, rng.chance(0.25) else { return [] }
        return (0..<rng.int(1...3)).map { _ in Field(rng.pick(Self.unknownFieldNames), value()) }
    }

    private mutating func comments(atLeastOne: Bool = false) -> [String] {
        guard options.handEdits, atLeastOne || rng.chance(0.15) else { return [] }
        return (0..<rng.int(1...2)).map { _ in RandomText.comment(&rng) }
    }

    private mutating func makeSource() -> Entry {
        let id = freshId("src-" + slug())
        sources.append(id)
        var fields = [Field("Title", rng.chance(0.8) ? RandomText.name(&rng) : value())]
        if rng.chance(0.7) { fields.append(Field("Url", "https://globalvoices.org/\(rng.int(1...999))")) }
        if rng.chance(0.6) { fields.append(Field("Published", RandomText.date(&rng))) }
        if rng.chance(0.4) { fields.append(Field("Retrieved", RandomText.date(&rng))) }
        if rng.chance(0.3) { fields.append(Field("Sha256", String(repeating: "ab12", count: 16))) }
        return Entry(kind: .source, id: id, fields: fields + unknownFields(), comments: comments())
    }

    private mutating func makePerson() -> Entry {
        let id = freshId(slug())
        persons.append(id)
        var fields = [Field("Name", rng.chance(0.9) ? RandomText.name(&rng) : value())]
        for _ in 0..<rng.int(0...2) { fields.append(Field("Handle", "@" + slug())) }
        for _ in 0..<rng.int(0...2) { fields.append(Field("Alias", value())) }
        if rng.chance(0.3) { fields.append(Field("Role", RandomText.name(&rng))) }
        provenance(into: &fields)
        return Entry(kind: .person, id: id, fields: fields + unknownFields(), comments: comments())
    }

    private mutating func makePost() -> Entry {
        let author = rng.pick(persons)
        let id = freshId(author + "-" + RandomText.date(&rng))
        posts.append(id)
        var fields = [Field("Author", author)]
        if rng.chance(0.8) { fields.append(Field("Date", RandomText.date(&rng))) }
        if rng.chance(0.7) { fields.append(Field("Platform", rng.pick(["twitter", "facebook", "blog", "vk"]))) }
        if rng.chance(0.8) {
            let lang = rng.pick(Self.languages)
            langOf[id] = lang
            fields.append(Field("Lang", lang))
        }
        provenance(into: &fields)
        fields.append(Field("Text", value()))
        return Entry(kind: .post, id: id, fields: fields + unknownFields(), comments: comments())
    }

    private mutating func makeQuote() -> Entry {
        let speaker = rng.pick(persons)
        let id = freshId(speaker + "-q1")
        quotes.append(id)
        var fields = [Field("Speaker", speaker)]
        if rng.chance(0.5), !posts.isEmpty { fields.append(Field("Post", rng.pick(posts))) }
        if rng.chance(0.5) { fields.append(Field("Date", RandomText.date(&rng))) }
        if rng.chance(0.7) {
            let lang = rng.pick(Self.languages)
            langOf[id] = lang
            fields.append(Field("Lang", lang))
        }
        provenance(into: &fields)
        fields.append(Field("Text", value()))
        return Entry(kind: .quote, id: id, fields: fields + unknownFields(), comments: comments())
    }

    private mutating func makeTranslation() -> Entry? {
        let originals = posts + quotes + translations
        guard !originals.isEmpty else { return nil }
        let original = rng.pick(originals)
        let primary = langOf[original].map { String($0.prefix(2)) }
        let candidates = Self.languages.filter { String($0.prefix(2)) != primary }
        let lang = rng.pick(candidates)
        let id = freshId(original + "." + lang)
        translations.append(id)
        langOf[id] = lang
        var fields = [Field("Of", original), Field("Lang", lang)]
        // Asked only with the option, so the cases of every seed stay as they were without it.
        if options.unpairedTranslations, rng.chance(0.3) { fields.removeFirst() }
        if rng.chance(0.6) { fields.append(Field("By", RandomText.name(&rng))) }
        if rng.chance(0.6) { fields.append(Field("Status", rng.pick(["draft", "reviewed", "final"]))) }
        provenance(into: &fields)
        fields.append(Field("Text", value()))
        return Entry(kind: .translation, id: id, fields: fields + unknownFields(), comments: comments())
    }
}
