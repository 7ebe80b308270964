/// What one export writes: entries by kind in canonical order, the links and notes that
/// follow them, and lookups every format needs (translations of an original, notes on an
/// entry). Built once from the model; the writers only read it.
public struct ExportSet {
    /// The case exported from.
    public let caseFile: CaseFile
    /// How the set was chosen (nil: the whole case).
    public let selection: ExportSelection?
    /// Ids of each identified kind, in canonical (byte) order, by kind ordinal.
    public var ids: [[String]] { idLists.value }
    /// `ids`, made when first read (a report's, a selection's; a bulk export never reads them).
    private let idLists: OnDemand<[[String]]>
    /// The entries of each identified kind, in the order of `ids`, by kind ordinal: looked
    /// up once when the set is made, so that no writer hashes an Id to reach its entry.
    let records: [[Entry]]
    /// The links, in canonical order.
    public let links: [LinkKey]
    /// The notes, in canonical order.
    public let notes: [NoteKey]
    /// For each original in the set, its translations in the set, in byte order.
    public var translations: [String: [String]] { translationMap.value }
    /// `translations`, made when a report first reads it (a bulk export never does).
    private let translationMap: OnDemand<[String: [String]]>

    /// Creates a set from entries already in canonical order, each of the kind it is listed under.
    init(caseFile: CaseFile, selection: ExportSelection?, records: [[Entry]], links: [LinkKey], notes: [NoteKey]) {
        self.caseFile = caseFile
        self.selection = selection
        self.records = records
        idLists = OnDemand { records.map { $0.map(\.id) } }
        self.links = links
        self.notes = notes
        let translationRecords = records[Kind.translation.ordinal]
        translationMap = OnDemand {
            var translations: [String: [String]] = [:]
            for translation in translationRecords {
                if let original = translation["Of"], caseFile[original] != nil {
                    translations[original, default: []].append(translation.id)
                }
            }
            return translations
        }
    }

    /// The whole case.
    /// - Complexity: O(n) over entries, links and notes (their canonical orders are kept),
    ///   on every core: each kind's entries are looked up in parts, the links and notes beside them.
    public init(wholeCase caseFile: CaseFile) {
        let records = Kind.allCases.map { $0.hasId ? caseFile.orderedEntries(of: $0) : [] }
        let (links, notes) = Parallel.both({ caseFile.orderedLinks() }, { caseFile.orderedNotes() })
        self.init(caseFile: caseFile, selection: nil, records: records, links: links, notes: notes)
    }

    /// The Ids of `kind`.
    public func ids(of kind: Kind) -> [String] { ids[kind.ordinal] }

    /// The entries of `kind`, in canonical order.
    public func entries(of kind: Kind) -> [Entry] { records[kind.ordinal] }

    /// The number of entries of every kind.
    public var entryCount: Int { records.reduce(0) { $0 + $1.count } }

    /// Whether the set holds no entry, link or note.
    public var isEmpty: Bool { entryCount == 0 && links.isEmpty && notes.isEmpty }

    /// The translations in the set of the entry `id`, as entries.
    public func translations(of id: String) -> [Entry] { (translations[id] ?? []).compactMap { caseFile[$0] } }
}

/// How an export was narrowed, as the user gave it (shown in reports).
public struct ExportSelection: Sendable, Equatable {
    /// The search query, as typed ("" for none).
    public var query: String
    /// The Ids given with `--entries`, resolved.
    public var entries: [String]
    /// The translation statuses kept (`status:final`), empty for all.
    public var statuses: [String]

    /// Creates a selection.
    public init(query: String = "", entries: [String] = [], statuses: [String] = []) {
        self.query = query
        self.entries = entries
        self.statuses = statuses
    }

    /// Whether nothing narrows the export.
    public var isEverything: Bool { query.isEmpty && entries.isEmpty && statuses.isEmpty }

    /// The selection in words: `kind:post author:@extremkz, --entries aitelenov`.
    public var description: String {
        var parts: [String] = []
        if !query.isEmpty { parts.append(query) }
        if !statuses.isEmpty { parts.append(statuses.map { "status:" + $0 }.joined(separator: " ")) }
        if !entries.isEmpty { parts.append("--entries " + entries.joined(separator: " ")) }
        return parts.joined(separator: ", ")
    }
}
