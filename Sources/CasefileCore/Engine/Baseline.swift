/// For each thing changed since the last save, its value at the last save (nil: it did
/// not exist). A thing changed back to that value is forgotten, so "unsaved changes" is
/// exact after undo.
///
/// One table per kind of thing, each updated with a single hash lookup per change: every
/// command of a replay goes through here, so an enum key (hashing its case as well) and
/// a look-up-then-insert would cost twice.
struct Baseline {
    private(set) var entries: [String: Entry?] = [:]
    private(set) var links: [LinkKey: Link?] = [:]
    private(set) var notes: [NoteKey: Note?] = [:]
    /// The header at the last save, when it has changed since.
    private(set) var header: CaseHeader?
    /// The things listed, counted by kind as added, changed or removed, kept as the tables
    /// change: a save's summary then needs no pass over them.
    private(set) var tally = ChangeSummary.Tally()

    /// Whether nothing differs from the last save.
    var isEmpty: Bool { entries.isEmpty && links.isEmpty && notes.isEmpty && header == nil }

    /// Makes room for this many more things of each table (before a long replay).
    mutating func reserveCapacity(entries entryCount: Int, links linkCount: Int, notes noteCount: Int) {
        entries.reserveCapacity(entries.count + entryCount)
        links.reserveCapacity(links.count + linkCount)
        notes.reserveCapacity(notes.count + noteCount)
    }

    /// Forgets everything (after a save, or when the case is replaced).
    mutating func removeAll() { self = Baseline() }

    /// Notes that entry `id` changed from `before` (its value at the last save, unless it
    /// changed since) to `now`.
    mutating func remember(entry id: String, before: Entry?, now: Entry?) {
        let step = Self.settle(&entries[id], before: before, now: now)
        if step.wasListed { tally.uncount(before?.kind ?? step.original?.kind ?? .person, step.original != nil, before != nil) }
        if step.isListed { tally.count(now?.kind ?? step.original?.kind ?? .person, step.original != nil, now != nil) }
    }

    /// Notes that the link `key` changed from `before` to `now`.
    mutating func remember(link key: LinkKey, before: Link?, now: Link?) {
        let step = Self.settle(&links[key], before: before, now: now)
        if step.wasListed { tally.uncount(.link, step.original != nil, before != nil) }
        if step.isListed { tally.count(.link, step.original != nil, now != nil) }
    }

    /// Notes that the note `key` changed from `before` to `now`.
    mutating func remember(note key: NoteKey, before: Note?, now: Note?) {
        let step = Self.settle(&notes[key], before: before, now: now)
        if step.wasListed { tally.uncount(.note, step.original != nil, before != nil) }
        if step.isListed { tally.count(.note, step.original != nil, now != nil) }
    }

    /// Notes that the header changed from `before` to `now`.
    mutating func remember(header before: CaseHeader, now: CaseHeader) {
        Self.settle(&header, before: before, now: now)
        tally.header = header != nil
    }

    /// Updates one slot of a table in place: the first change of a thing since the save
    /// records the value it had (`before`), unless the change changed nothing; a change back
    /// to the recorded value forgets it. Returns the value at the last save, and whether the
    /// thing was listed before and is after. A listed thing always differs from its saved
    /// value, so whether it counts as added, changed or removed follows from which of the
    /// two values exist.
    @discardableResult
    private static func settle<Value: Equatable>(_ slot: inout Value?, before: Value,
                                                 now: Value) -> (original: Value, wasListed: Bool, isListed: Bool) {
        if let original = slot {
            if original == now { slot = nil }
            return (original, true, slot != nil)
        }
        if before != now { slot = before }
        return (before, false, slot != nil)
    }
}
