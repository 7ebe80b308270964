/// What the HTML and Markdown reports show, worked out once: the people, the timeline of
/// posts and quotes, citations of sources, and each entry's links and notes.
struct ReportContent {
    let set: ExportSet
    let caseFile: CaseFile
    /// People in Id order.
    let people: [Entry]
    /// Posts and quotes by date (undated last), then Id.
    let timeline: [Entry]
    /// Translations whose original is not in the set.
    let unpaired: [Entry]
    /// Sources, numbered for citation in this order.
    let sources: [Entry]
    /// A source's citation number (1-based).
    let citation: [String: Int]
    /// Notes by the entry they are on, in canonical order.
    let notesOn: [String: [NoteKey]]
    /// Links by the entry at either end: the link, and whether it starts there.
    let linksOf: [String: [(key: LinkKey, outgoing: Bool)]]
    /// Every Id in the export.
    let members: Set<String>
    /// How many exported entries name each source.
    let citedBy: [String: Int]

    init(_ set: ExportSet) {
        self.set = set
        caseFile = set.caseFile
        people = set.entries(of: .person)
        let dated = (set.entries(of: .post) + set.entries(of: .quote)).map { (day: $0["Date"] ?? "", entry: $0) }
        timeline = dated.sorted { a, b in
            if a.day.isEmpty != b.day.isEmpty { return !a.day.isEmpty }
            if a.day != b.day { return ByteOrder.less(a.day, b.day) }
            return ByteOrder.less(a.entry.id, b.entry.id)
        }.map(\.entry)
        let members = Set(set.ids.joined())
        self.members = members
        unpaired = set.entries(of: .translation).filter { translation in
            guard let original = translation["Of"] else { return true }
            return !members.contains(original)
        }
        sources = set.entries(of: .source)
        var citation: [String: Int] = [:]
        for (index, source) in sources.enumerated() { citation[source.id] = index + 1 }
        self.citation = citation
        var citedBy: [String: Int] = [:]
        for list in set.ids {
            for id in list { for source in caseFile[id]?.values("Source") ?? [] { citedBy[source, default: 0] += 1 } }
        }
        self.citedBy = citedBy
        var notesOn: [String: [NoteKey]] = [:]
        for key in set.notes { notesOn[key.on, default: []].append(key) }
        self.notesOn = notesOn
        var linksOf: [String: [(key: LinkKey, outgoing: Bool)]] = [:]
        for key in set.links {
            linksOf[key.from, default: []].append((key, true))
            if key.to != key.from { linksOf[key.to, default: []].append((key, false)) }
        }
        self.linksOf = linksOf
    }

    /// Whether `id` is in the export (so it can be linked to).
    func contains(_ id: String) -> Bool { members.contains(id) }

    /// A person's name, a source's title, or the Id.
    func label(_ id: String) -> String { caseFile[id]?.name ?? id }

    /// The relation as read from `id`'s side: `criticizes`, or `criticized by`.
    static func reading(_ link: (key: LinkKey, outgoing: Bool)) -> String {
        (link.outgoing ? link.key.rel : Relation.reverse(of: link.key.rel)).replacingDashes
    }

    /// `14 people, 7 posts, …`.
    var counts: String { ExportSummary.counts(set) }

    /// The first and last dates of the timeline, if any are dated.
    var period: (first: String, last: String)? {
        let days = timeline.compactMap { $0["Date"] }.filter { !$0.isEmpty }
        guard let first = days.first, let last = days.last else { return nil }
        return (first, last)
    }

    /// The languages of originals and of translations, most used first.
    var languages: (originals: [String], translations: [String]) {
        func ranked(_ values: [String]) -> [String] {
            var counts: [String: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            return counts.sorted { $0.value != $1.value ? $0.value > $1.value : ByteOrder.less($0.key, $1.key) }.map(\.key)
        }
        return (ranked(timeline.compactMap(\.lang)), ranked(set.entries(of: .translation).compactMap(\.lang)))
    }

    /// The platforms of the posts, most used first.
    var platforms: [String] {
        var counts: [String: Int] = [:]
        for entry in timeline { if let platform = entry["Platform"] { counts[platform, default: 0] += 1 } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : ByteOrder.less($0.key, $1.key) }.map(\.key)
    }

    /// `2014-02-04` as `4 February 2014` (a month or year alone as such); anything else as given.
    static func longDate(_ iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        guard let year = parts.first, year.count == 4, Int(year) != nil else { return iso }
        guard parts.count > 1, let month = Int(parts[1]), (1...12).contains(month) else { return String(year) }
        guard parts.count > 2, let day = Int(parts[2]) else { return "\(months[month - 1]) \(year)" }
        var text = "\(day) \(months[month - 1]) \(year)"
        if iso.count > 10 { text += ", " + iso.dropFirst(11).prefix(5) + (iso.hasSuffix("Z") ? " UTC" : "") }
        return text
    }
}

extension String {
    /// `detained-with` as `detained with`.
    var replacingDashes: String { split(separator: "-", omittingEmptySubsequences: false).joined(separator: " ") }
}
