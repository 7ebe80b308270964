/// What a bulk build reads: a case's entries in file order (their Ids as loaded, kind by
/// kind), and the notes on them. Read by several threads at once, written by none.
///
/// File order, not the hash map's: the loader allocated each entry's values in file
/// order, so walking them in that order reads memory nearly sequentially, where the
/// map's order jumps about a few hundred megabytes (twice the speed on a million).
struct BulkSource {
    private let entries: [String: Entry]
    private let segments: [(kind: Kind, ids: [String])]
    private let notesByEntry: [String: [Note]]
    private let haveNotes: IdFilter
    /// The number of slots: one per Id candidate, some perhaps no longer present.
    let count: Int

    init(_ caseFile: CaseFile, notesByEntry: [String: [Note]]) {
        entries = caseFile.entries
        segments = Kind.identified.map { ($0, caseFile.idCandidates(of: $0)) }
        count = segments.reduce(0) { $0 + $1.ids.count }
        self.notesByEntry = notesByEntry
        haveNotes = IdFilter(notesByEntry.keys, count: notesByEntry.count)
    }

    /// Calls `body` with each slot of `range` and its entry (nil for an Id no longer
    /// present, or present under another kind, whose own segment holds it).
    func forEachEntry(in range: Range<Int>, _ body: (Int, Entry?) -> Void) {
        var segmentStart = 0
        for (kind, ids) in segments {
            let segment = segmentStart..<(segmentStart + ids.count)
            defer { segmentStart += ids.count }
            let overlap = segment.clamped(to: range)
            for slot in overlap {
                let entry = entries[ids[slot - segmentStart]]
                body(slot, entry?.kind == kind ? entry : nil)
            }
        }
    }

    /// The notes on the entry `id`, in canonical order.
    @inline(__always)
    func notes(on id: String) -> [Note] {
        haveNotes.mayContain(id) ? notesByEntry[id] ?? [] : []
    }
}

/// A set of strings that may answer "maybe" for a string it does not hold, but never
/// "no" for one it does: one bit per hash, far cheaper to ask than a dictionary when
/// nearly every answer is no (most entries carry no note).
struct IdFilter {
    private var bits: [UInt64]
    private let mask: UInt64

    init<S: Sequence>(_ ids: S, count: Int) where S.Element == String {
        var size = 64
        while size < count * 16 { size <<= 1 }
        bits = [UInt64](repeating: 0, count: size / 64)
        mask = UInt64(size - 1)
        for id in ids {
            let bit = ByteHash.key(id, salt: 7).hash & mask
            bits[Int(bit >> 6)] |= 1 << (bit & 63)
        }
    }

    /// False only when `id` is certainly not in the set.
    @inline(__always)
    func mayContain(_ id: String) -> Bool {
        let bit = ByteHash.key(id, salt: 7).hash & mask
        return bits[Int(bit >> 6)] & (1 << (bit & 63)) != 0
    }
}

/// The per-slot tables of a bulk build, written by several shards at once, each in its
/// own range of slots, then handed to the index as arrays.
struct SlotColumns {
    let count: Int
    private let entries: UnsafeMutableBufferPointer<Entry?>
    private let ids: UnsafeMutableBufferPointer<String>
    private let kinds: UnsafeMutableBufferPointer<UInt8>
    private let langs: UnsafeMutableBufferPointer<Int32>
    private let days: UnsafeMutableBufferPointer<Int32>
    private let authors: UnsafeMutableBufferPointer<Int32>
    private let lengths: UnsafeMutableBufferPointer<Int32>
    private let postings: UnsafeMutableBufferPointer<Int32>

    init(count: Int) {
        self.count = count
        entries = .allocate(capacity: count)
        ids = .allocate(capacity: count)
        kinds = .allocate(capacity: count)
        langs = .allocate(capacity: count)
        days = .allocate(capacity: count)
        authors = .allocate(capacity: count)
        lengths = .allocate(capacity: count)
        postings = .allocate(capacity: count)
    }

    /// Records a live slot (lang and author are the shard's local ids until `finish`).
    @inline(__always)
    func set(_ slot: Int, entry: Entry, lang: Int32, day: Int32, author: Int32, length: Int32, postings count: Int32) {
        kinds[slot] = entry.kind.byteOrdinal
        ids.initializeElement(at: slot, to: entry.id)
        entries.initializeElement(at: slot, to: entry)
        langs[slot] = lang
        days[slot] = day
        authors[slot] = author
        lengths[slot] = length
        postings[slot] = count
    }

    /// Records a slot that holds nothing.
    @inline(__always)
    func setDead(_ slot: Int) {
        kinds[slot] = IndexStore.dead
        ids.initializeElement(at: slot, to: "")
        entries.initializeElement(at: slot, to: nil)
        langs[slot] = -1
        days[slot] = 0
        authors[slot] = -1
        lengths[slot] = 0
        postings[slot] = 0
    }

    /// Renumbers the languages and authors of `range` from a shard's ids to the index's.
    func renumber(_ range: Range<Int>, langs langMap: [Int32], authors authorMap: [Int32]) {
        for slot in range {
            if langs[slot] >= 0 { langs[slot] = langMap[Int(langs[slot])] }
            if authors[slot] >= 0 { authors[slot] = authorMap[Int(authors[slot])] }
        }
    }

    /// Moves everything into `store`'s slot arrays and frees the columns (every slot must
    /// have been set).
    func finish(into store: inout IndexStore) {
        store.slotEntry = Array(unsafeUninitializedCapacity: count) { buffer, made in
            _ = buffer.moveInitialize(fromContentsOf: entries)
            made = count
        }
        store.slotId = Array(unsafeUninitializedCapacity: count) { buffer, made in
            _ = buffer.moveInitialize(fromContentsOf: ids)
            made = count
        }
        store.slotKind = Array(kinds)
        store.slotLang = Array(langs)
        store.slotDay = Array(days)
        store.slotAuthor = Array(authors)
        store.slotLength = Array(lengths)
        store.slotPostings = Array(postings)
        entries.deallocate()
        ids.deallocate()
        kinds.deallocate()
        langs.deallocate()
        days.deallocate()
        authors.deallocate()
        lengths.deallocate()
        postings.deallocate()
    }
}
