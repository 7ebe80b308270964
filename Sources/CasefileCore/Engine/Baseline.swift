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

    /// Whether nothing differs from the last save.
    var isEmpty: Bool { entries.isEmpty && links.isEmpty && notes.isEmpty && header == nil }

    /// Forgets everything (after a save, or when the case is replaced).
    mutating func removeAll() { self = Baseline() }

    /// Notes that entry `id` was `saved` at the last save and is `now` now.
    mutating func remember(entry id: String, saved: Entry?, now: Entry?) {
        Self.settle(&entries[id], saved: saved, now: now)
    }

    /// Notes that the link `key` was `saved` at the last save and is `now` now.
    mutating func remember(link key: LinkKey, saved: Link?, now: Link?) {
        Self.settle(&links[key], saved: saved, now: now)
    }

    /// Notes that the note `key` was `saved` at the last save and is `now` now.
    mutating func remember(note key: NoteKey, saved: Note?, now: Note?) {
        Self.settle(&notes[key], saved: saved, now: now)
    }

    /// Notes that the header was `saved` at the last save and is `now` now.
    mutating func remember(header saved: CaseHeader, now: CaseHeader) {
        Self.settle(&header, saved: saved, now: now)
    }

    /// Updates one slot of a table in place: the first change of a thing records its saved
    /// value (unless it changed nothing), a change back to the saved value forgets it.
    private static func settle<Value: Equatable>(_ slot: inout Value?, saved: Value, now: Value) {
        if let original = slot {
            if original == now { slot = nil }
        } else if saved != now {
            slot = saved
        }
    }
}
