/// One thread's part of a bulk index build: a range of slots, tokenised against a token
/// table of its own, so that threads share nothing they write while they work. Token
/// ids here are the shard's own; `IndexStore.addInBulk` merges them afterwards.
struct BulkShard: DocumentVisitor {
    /// Distinct tokens by local id.
    private(set) var tokens = TokenList()
    /// Per posting, in slot order: the local token id…
    private(set) var terms: [Int32] = []
    /// …and the posting itself (`slot << 32 | weight << 28 | position`).
    private(set) var postings: [UInt64] = []
    /// Languages and authors by local id, as written (lower-cased when merged).
    private(set) var langs = SmallInterner()
    private(set) var authors = Interner()
    /// Slots of people (for handles) and of translations (for originals), in order.
    private(set) var people: [Int32] = []
    private(set) var translations: [Int32] = []
    private(set) var liveCount = 0
    private(set) var totalLength = 0

    private var table: RawTokenTable
    private var slot: Int32 = 0
    private var slotPostings: Int32 = 0

    /// A shard expecting about `slotCount` entries.
    init(slotCount: Int) {
        table = RawTokenTable(capacity: min(1 << 20, max(1024, slotCount / 4)))
        terms.reserveCapacity(slotCount * 16)
        postings.reserveCapacity(slotCount * 16)
    }

    /// Indexes the slots `range` of `source`, writing what each slot holds to `columns`
    /// (only within `range`: other shards write the rest at the same time).
    mutating func index(_ range: Range<Int>, of source: BulkSource, into columns: SlotColumns) {
        var scratch: [Token] = []
        source.forEachEntry(in: range) { index, entry in
            slot = Int32(index)
            guard let entry else {
                columns.setDead(index)
                return
            }
            let facts = FilterRules.RawFacts(entry)
            slotPostings = 0
            let notes = source.notes(on: entry.id)
            let length = SearchDocument.walk(entry, notes: notes, tokens: &scratch, visitor: &self)
            columns.set(index, entry: entry, lang: facts.lang.map { langs.id($0) } ?? -1, day: facts.day,
                        author: facts.author.map { authors.id($0) } ?? -1, length: Int32(length),
                        postings: slotPostings)
            liveCount += 1
            totalLength += length
            if entry.kind == .person { people.append(slot) }
            if entry.kind == .translation { translations.append(slot) }
        }
    }

    /// Fills the slots `range` of `source` from a saved index instead of tokenising them:
    /// each slot's length and posting count as saved, everything else from the entry.
    /// False when the saved slots do not fit the entries (a slot with postings but no entry).
    mutating func restore(_ range: Range<Int>, of source: BulkSource, into columns: SlotColumns,
                          lengths: [Int32], postings counts: [Int32]) -> Bool {
        var fits = true
        source.forEachEntry(in: range) { index, entry in
            slot = Int32(index)
            guard let entry else {
                if lengths[index] != 0 || counts[index] != 0 { fits = false }
                columns.setDead(index)
                return
            }
            let facts = FilterRules.RawFacts(entry)
            columns.set(index, entry: entry, lang: facts.lang.map { langs.id($0) } ?? -1, day: facts.day,
                        author: facts.author.map { authors.id($0) } ?? -1, length: lengths[index],
                        postings: counts[index])
            liveCount += 1
            totalLength += Int(lengths[index])
            if entry.kind == .person { people.append(slot) }
            if entry.kind == .translation { translations.append(slot) }
        }
        return fits
    }

    // No `prepare`: touching a value's table slots ahead of the lookups measured no faster
    // here, where each part's table mostly stays in the last-level cache.
    mutating func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, weight: UInt8) {
        let start = Int(token.bodyStart)
        let end = Int(token.end)
        let key = ByteHash.key(bytes, start, end)
        let local: Int32
        if let found = table.find(key, token.namespace, bytes, start, end) {
            local = found
        } else {
            local = Int32(tokens.count)
            tokens.append(bytes, start, end, token.namespace)
            table.insert(key, token.namespace, bytes, start, end, term: local)
        }
        terms.append(local)
        postings.append(UInt64(UInt32(bitPattern: slot)) << 32 | UInt64(weight) << 28
            | (UInt64(UInt32(bitPattern: token.position)) & IndexStore.positionMask))
        slotPostings += 1
    }

    /// Gives up the token table (the first shard's becomes the merged one).
    mutating func takeTable() -> RawTokenTable {
        var taken = RawTokenTable(capacity: 0)
        swap(&taken, &table)
        return taken
    }

    /// Frees the postings once they are merged.
    mutating func dropPostings() {
        terms = []
        postings = []
    }
}
