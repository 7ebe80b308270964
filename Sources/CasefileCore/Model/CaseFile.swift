/// A whole case: header, entries, links, notes, sessions, and whatever a user added by
/// hand that casefile does not model.
///
/// The store is a set of hash maps. Each change is O(1); undo is done by the engine
/// with inverse operations (a copy-on-write snapshot per command would copy a
/// million-entry map). Canonical order is produced at save time by `CanonicalOrder`.
public struct CaseFile: Sendable {
    /// The `Casefile` header record.
    public var header: CaseHeader
    /// Every identified entry, by Id (Ids are unique across kinds).
    public private(set) var entries: [String: Entry] = [:]
    /// Every link, by its From/Rel/To.
    public private(set) var links: [LinkKey: Link] = [:]
    /// Every note, by its content.
    public private(set) var notes: [NoteKey: Note] = [:]
    /// The saves recorded in the file, by ascending revision.
    public var sessions: [Session] = []
    /// Record types added by hand, in file order.
    public var foreign: [ForeignSection] = []
    /// Extra descriptor lines a user added to a known type (`%doc:` …), kept verbatim.
    public var descriptorExtras: [Kind: [Field]] = [:]
    /// Comments found before a known type's descriptor.
    public var descriptorComments: [Kind: [String]] = [:]
    /// Comments after the last record.
    public var trailingComments: [String] = []
    /// Comments at the top of the file, before its first record or descriptor.
    public var leadingComments: [String] = []

    /// The Ids of each kind in canonical order, by kind ordinal.
    var entryOrder = [CanonicalOrder<String>](repeating: CanonicalOrder(), count: Kind.allCases.count)
    var linkOrder = CanonicalOrder<LinkKey>()
    var noteOrder = CanonicalOrder<NoteKey>()
    /// Each kind's entries in canonical order as read from a canonical file, kept in step
    /// with the changes that leave the others where they are, so that an export takes them
    /// without looking up each Id.
    private(set) var entriesAsLoaded = LoadedEntries()
    /// Whether a link or a note has been removed (since the case was made): until one is,
    /// every key the orders list is in the tables, and none is looked up to list them.
    private var linkRemoved = false, noteRemoved = false
    /// Entries per kind, by kind ordinal.
    var counts = [Int](repeating: 0, count: Kind.allCases.count)
    /// The size of the file this case was loaded from, to size the writer's buffer.
    var loadedByteCount: Int?

    /// An empty case.
    public init(title: String? = nil) {
        header = CaseHeader(title: title)
    }

    /// The number of entries, links and notes.
    public var count: Int { entries.count + links.count + notes.count }

    /// How many entries of `kind` the case holds.
    public func count(of kind: Kind) -> Int {
        switch kind {
        case .link: return links.count
        case .note: return notes.count
        case .session: return sessions.count
        default: return counts[kind.ordinal]
        }
    }

    /// The entry with Id `id`.
    public subscript(id: String) -> Entry? { entries[id] }

    /// Adds or replaces an entry; returns the entry it replaced.
    @discardableResult
    public mutating func put(_ entry: Entry) -> Entry? {
        let old = entries.updateValue(entry, forKey: entry.id)
        entriesAsLoaded.follow(put: entry, replacing: old)
        let ordinal = entry.kind.ordinal
        if let old {
            guard old.kind != entry.kind else { return old }
            counts[old.kind.ordinal] -= 1
        }
        counts[ordinal] += 1
        entryOrder[ordinal].noteAdded(entry.id)
        entryOrder[ordinal].compactIfLarge()
        return old
    }

    /// Ids of `kinds` (all identified kinds when empty) starting with `prefix`, in byte
    /// order, at most `limit`: binary searches in the sorted Ids, no scan of the case.
    public func ids(withPrefix prefix: String, kinds: [Kind] = [], limit: Int = 50) -> [String] {
        var found: [String] = []
        for kind in kinds.isEmpty ? Kind.identified : kinds {
            for id in entryOrder[kind.ordinal].keys(withPrefix: prefix, limit: limit) where entries[id]?.kind == kind {
                found.append(id)
            }
        }
        found.sort(by: ByteOrder.less)
        return Array(found.prefix(limit))
    }

    /// Changes entry `id`'s fields where they are (its kind and Id stay): a field list held
    /// only here is changed without a copy. The caller keeps them in canonical order.
    mutating func editFields(of id: String, _ body: (inout [Field]) -> Void) {
        guard let kind = entries[id]?.kind else { return }
        entriesAsLoaded.follow(editOf: id, kind: kind, in: &entries, body)
    }

    /// Removes the entry `id`; returns it.
    @discardableResult
    public mutating func removeEntry(_ id: String) -> Entry? {
        guard let old = entries.removeValue(forKey: id) else { return nil }
        entriesAsLoaded.drop(old.kind)
        counts[old.kind.ordinal] -= 1
        return old
    }

    /// Adds or replaces a link; returns the one it replaced.
    @discardableResult
    public mutating func put(_ link: Link) -> Link? {
        let old = links.updateValue(link, forKey: link.key)
        if old == nil {
            linkOrder.noteAdded(link.key)
            linkOrder.compactIfRepeated(present: links.count)
        }
        return old
    }

    /// Removes a link; returns it.
    @discardableResult
    public mutating func removeLink(_ key: LinkKey) -> Link? {
        guard let old = links.removeValue(forKey: key) else { return nil }
        linkRemoved = true
        return old
    }

    /// Adds or replaces a note; returns the one it replaced.
    @discardableResult
    public mutating func put(_ note: Note) -> Note? {
        let old = notes.updateValue(note, forKey: note.key)
        if old == nil {
            noteOrder.noteAdded(note.key)
            noteOrder.compactIfRepeated(present: notes.count)
        }
        return old
    }

    /// Removes a note; returns it.
    @discardableResult
    public mutating func removeNote(_ key: NoteKey) -> Note? {
        guard let old = notes.removeValue(forKey: key) else { return nil }
        noteRemoved = true
        return old
    }

    /// The Ids of `kind`, in canonical (byte) order.
    public func orderedIds(of kind: Kind) -> [String] {
        entryOrder[kind.ordinal].ordered { entries[$0]?.kind == kind }
    }

    /// The entries of `kind`, in canonical (byte) order: `orderedIds(of:)` with each entry
    /// found by the one lookup that checks it, in parts on every core for a large case.
    /// - Complexity: O(1) for a kind of a case read from a canonical file, unchanged since
    ///   or changed only by edits and by entries added after its last Id
    ///   (`entriesAsLoaded`); else O(n) lookups, spread over the cores.
    func orderedEntries(of kind: Kind, minimumPart: Int = 16_384) -> [Entry] {
        if let held = entriesAsLoaded.entries(of: kind) { return held }
        let candidates = idCandidates(of: kind)
        let parts = Parallel.parts(for: candidates.count, minimum: minimumPart)
        return Parallel.map(parts) { part in
            candidates[Parallel.range(part, of: parts, count: candidates.count)].compactMap { id -> Entry? in
                guard let entry = entries[id], entry.kind == kind else { return nil }
                return entry
            }
        }.flatMap { $0 }
    }

    /// Ids of `kind` in canonical order, possibly including some removed since load (the
    /// writer looks each up anyway).
    func idCandidates(of kind: Kind) -> [String] {
        entryOrder[kind.ordinal].candidates()
    }

    /// Link keys in canonical order, possibly including some removed since load.
    func linkCandidates() -> [LinkKey] { linkOrder.candidates() }

    /// Note keys in canonical order, possibly including some removed since load.
    func noteCandidates() -> [NoteKey] { noteOrder.candidates() }

    /// The links in canonical order.
    /// - Complexity: O(n) lookups once a link was removed; before, none.
    public func orderedLinks() -> [LinkKey] {
        linkRemoved ? linkOrder.ordered { links[$0] != nil } : linkOrder.candidates()
    }

    /// The notes in canonical order.
    /// - Complexity: O(n) lookups once a note was removed; before, none.
    public func orderedNotes() -> [NoteKey] {
        noteRemoved ? noteOrder.ordered { notes[$0] != nil } : noteOrder.candidates()
    }

    /// Inserts a link read from a file; returns an existing link with the same key instead.
    /// One hash in the common case: a duplicate (an error) is put back.
    mutating func put(loaded link: Link) -> Link? {
        guard let old = links.updateValue(link, forKey: link.key) else { return nil }
        links[link.key] = old
        return old
    }

    /// Inserts a note read from a file; returns an existing note with the same key instead.
    mutating func put(loaded note: Note) -> Note? {
        guard let old = notes.updateValue(note, forKey: note.key) else { return nil }
        notes[note.key] = old
        return old
    }

    /// Inserts an entry read from a file, without marking it as added since load; returns an
    /// existing entry with the same Id instead.
    mutating func put(loaded entry: Entry) -> Entry? {
        entriesAsLoaded.dropAll()
        guard let old = entries.updateValue(entry, forKey: entry.id) else {
            counts[entry.kind.ordinal] += 1
            return nil
        }
        entries[entry.id] = old
        return old
    }

    /// Sizes the tables for a file about to be loaded.
    mutating func reserveCapacity(entries entryCount: Int, links linkCount: Int, notes noteCount: Int) {
        entries.reserveCapacity(entryCount)
        links.reserveCapacity(linkCount)
        notes.reserveCapacity(noteCount)
    }

    /// Installs the load order of a freshly read file (used by the reader only): Ids and
    /// entries (the entries of `ids`, in the same order) by kind ordinal, links and notes
    /// in file order.
    mutating func adoptLoadOrder(ids: [[String]], entries loaded: [[Entry]], links linkKeys: [LinkKey], notes noteKeys: [NoteKey]) {
        var canonical = true
        for kind in Kind.identified where !ids[kind.ordinal].isEmpty {
            let list = ids[kind.ordinal]
            let ascending = ByteOrder.isStrictlyAscending(list)
            canonical = canonical && ascending
            entryOrder[kind.ordinal] = ascending ? CanonicalOrder(sorted: list) : CanonicalOrder(loaded: list)
        }
        // Every entry of the tables, each listed once under its kind: the lists are the
        // kinds' entries in canonical order, as long as nothing changes.
        let listed = loaded.reduce(0) { $0 + $1.count }
        entriesAsLoaded = canonical && listed == entries.count && loaded.count == Kind.allCases.count
            && zip(loaded, ids).allSatisfy({ $0.count == $1.count }) ? LoadedEntries(holding: loaded) : LoadedEntries()
        linkOrder = CanonicalOrder(loaded: linkKeys)
        noteOrder = CanonicalOrder(loaded: noteKeys)
    }
}
