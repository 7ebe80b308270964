/// The inverted index's data, as one struct so that its hot loops touch plain stored
/// properties (a class's would each pay a dynamic exclusivity check).
///
/// Every version of an entry gets a fresh *slot*; postings are appended in slot order
/// and so stay sorted without ever being rewritten. A change kills the old slot
/// (postings stay, skipped as dead) and adds a new one; dead postings are dropped once
/// they outnumber the live ones, which keeps updates O(size of the entry) amortised.
struct IndexStore: DocumentVisitor {
    static let dead: UInt8 = 0xFF
    static let positionMask: UInt64 = (1 << 28) - 1

    var dictionary = TermDictionary()
    var keyIndexes: [KeyIndex] = Namespace.allCases.map { KeyIndex(typos: $0 == .word) }
    /// Per term: `slot << 32 | weight << 28 | position`, sorted by slot.
    var postings = PostingStore()
    /// Per term: how many live documents contain it.
    var documentFrequency: [Int32] = []
    /// Per term: the last slot that counted it (`slot` while adding, `~slot` while
    /// removing). Starts at `Int32.min`, which is neither: -1 would be `~0`, and removing
    /// slot 0 would then count nothing.
    private var lastSlotSeen: [Int32] = []

    var slotEntry: [Entry?] = []
    /// Per slot: the entry's Id (ranking breaks ties by it without copying entries).
    var slotId: [String] = []
    var slotKind: [UInt8] = []
    var slotLength: [Int32] = []
    var slotLang: [Int32] = []
    var slotDay: [Int32] = []
    var slotAuthor: [Int32] = []
    var slotTranslations: [Int32] = []
    /// Per slot: the languages of its translations, one bit per `langs` id (bit 63: an
    /// id past 62, check `translationsOf`).
    var slotTranslationLangs: [UInt64] = []
    /// Per slot of a translation: the slot of its original, or -1.
    var slotOriginal: [Int32] = []
    private var slotPostings: [Int32] = []

    var idToSlot: [String: Int32] = [:]
    var notesByEntry: [String: [Note]] = [:]
    /// Original Id → (translation Id → its Lang, lower-cased).
    var translationsOf: [String: [String: String]] = [:]
    /// "@handle" → the Ids (lower-cased) of the people with that handle.
    var handleOwners: [String: Set<String>] = [:]
    /// Interned authors (lower case).
    var strings = Interner()
    /// Interned languages (lower case); few, so a short list searched from the end.
    var langs = SmallInterner()

    private(set) var liveCount = 0
    private(set) var totalLength = 0
    private var livePostings = 0
    private var deadPostings = 0

    /// Scratch for queries, kept between them so that a query allocates nothing per slot.
    var scratch = QueryScratch()

    private var currentSlot: Int32 = 0
    private var removing = false
    /// While loading in bulk: every posting and its term, in slot order.
    private var isBulk = false
    private var bulkTerms: [Int32] = []
    private var bulkPostings: [UInt64] = []
    private var currentPostings: Int32 = 0
    private var scratchTokens: [Token] = []
    /// Keeps the loads of `prepare` from being optimised away.
    private var touched: UInt64 = 0

    // MARK: Adding and removing slots

    /// Indexes many entries at once (a freshly loaded case): postings are gathered flat and
    /// sorted by term once, instead of being appended term by term.
    mutating func addInBulk<S: Sequence>(_ entries: S, expected: Int) where S.Element == Entry {
        isBulk = true
        bulkTerms.reserveCapacity(expected * 16)
        bulkPostings.reserveCapacity(expected * 16)
        for array in [\IndexStore.slotLength, \.slotLang, \.slotDay, \.slotAuthor, \.slotTranslations, \.slotPostings,
                      \.slotOriginal] {
            self[keyPath: array].reserveCapacity(expected)
        }
        slotTranslationLangs.reserveCapacity(expected)
        slotEntry.reserveCapacity(expected)
        slotId.reserveCapacity(expected)
        slotKind.reserveCapacity(expected)
        idToSlot.reserveCapacity(expected)
        for i in keyIndexes.indices { keyIndexes[i].beginBulk() }
        for entry in entries { add(entry) }
        for i in keyIndexes.indices { keyIndexes[i].endBulk() }
        isBulk = false
        let terms = bulkTerms
        let list = bulkPostings
        bulkTerms = []
        bulkPostings = []
        // Links between originals and translations were left for now: one pass over the
        // translations is cheaper than a lookup for every entry.
        for original in translationsOf.keys { linkTranslations(of: original) }
        postings.loadBulk(terms: terms, postings: list, termCount: dictionary.count)
        for t in 0..<dictionary.count {
            var last: UInt64 = .max
            var count: Int32 = 0
            postings.forEach(Int32(t)) { posting in
                if posting >> 32 != last { count += 1; last = posting >> 32 }
            }
            documentFrequency[t] = count
        }
    }

    /// Indexes `entry` (with the notes on it) in a new slot.
    mutating func add(_ entry: Entry) {
        let slot = Int32(slotEntry.count)
        if let old = idToSlot.updateValue(slot, forKey: entry.id) { removeSlot(old) }
        let facts = FilterRules.Facts(entry)
        slotEntry.append(entry)
        slotId.append(entry.id)
        slotKind.append(entry.kind.ordinal)
        slotLang.append(facts.lang.map { langs.id($0) } ?? -1)
        slotDay.append(facts.day)
        slotAuthor.append(facts.author.map { strings.id($0) } ?? -1)
        slotTranslations.append(0)
        slotTranslationLangs.append(0)
        slotOriginal.append(-1)
        currentSlot = slot
        removing = false
        currentPostings = 0
        let length = walk(entry)
        slotLength.append(Int32(length))
        slotPostings.append(currentPostings)
        liveCount += 1
        totalLength += length
        livePostings += Int(currentPostings)
        noteRelations(of: entry, adding: true)
        if !isBulk {
            if entry.kind == .translation, let original = entry["Of"], let originalSlot = idToSlot[original] {
                slotOriginal[Int(slot)] = originalSlot
            }
            if translationsOf[entry.id] != nil { linkTranslations(of: entry.id) }
        }
    }

    /// Brings the original `id`'s translation count and languages, and its translations'
    /// link back to it, up to date.
    private mutating func linkTranslations(of id: String) {
        let originalSlot = idToSlot[id] ?? -1
        var mask: UInt64 = 0
        let translations = translationsOf[id] ?? [:]
        for (translation, lang) in translations {
            let bit = langs.id(lang)
            mask |= bit < 63 ? 1 << UInt64(bit) : 1 << 63
            if let slot = idToSlot[translation], slotEntry[Int(slot)]?.kind == .translation {
                slotOriginal[Int(slot)] = originalSlot
            }
        }
        if originalSlot >= 0 {
            slotTranslations[Int(originalSlot)] = Int32(translations.count)
            slotTranslationLangs[Int(originalSlot)] = mask
        }
    }

    /// Removes the entry `id` from the index, if it is there.
    mutating func remove(id: String) {
        guard let slot = idToSlot.removeValue(forKey: id) else { return }
        removeSlot(slot)
    }

    /// Kills `slot` (its Id has already been unmapped or remapped).
    private mutating func removeSlot(_ slot: Int32) {
        guard let entry = slotEntry[Int(slot)] else { return }
        currentSlot = slot
        removing = true
        walk(entry)
        removing = false
        let index = Int(slot)
        slotEntry[index] = nil
        slotKind[index] = Self.dead
        liveCount -= 1
        totalLength -= Int(slotLength[index])
        livePostings -= Int(slotPostings[index])
        deadPostings += Int(slotPostings[index])
        noteRelations(of: entry, adding: false)
        // An original going away unlinks its translations (when it is being replaced,
        // `add` links them to the new slot instead).
        if idToSlot[entry.id] == nil && translationsOf[entry.id] != nil { linkTranslations(of: entry.id) }
    }

    @discardableResult
    private mutating func walk(_ entry: Entry) -> Int {
        var tokens: [Token] = []
        swap(&tokens, &scratchTokens)
        defer { swap(&tokens, &scratchTokens) }
        let notes = notesByEntry.isEmpty ? [] : notesByEntry[entry.id] ?? []
        return SearchDocument.walk(entry, notes: notes, tokens: &tokens, visitor: &self)
    }

    mutating func prepare(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) {
        touched ^= dictionary.touch(bytes, tokens)
    }

    mutating func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, weight: UInt8) {
        let (term, isNew) = dictionary.term(bytes, Int(token.bodyStart), Int(token.end), namespace: token.namespace)
        let t = Int(term)
        if isNew {
            postings.reserveTerms(t + 1)
            documentFrequency.append(0)
            lastSlotSeen.append(Int32.min)
            keyIndexes[Int(token.namespace.rawValue)].add(term: term, info: dictionary.terms[t])
        }
        if removing {
            if lastSlotSeen[t] != ~currentSlot {
                lastSlotSeen[t] = ~currentSlot
                documentFrequency[t] -= 1
            }
            return
        }
        let posting = UInt64(UInt32(bitPattern: currentSlot)) << 32 | UInt64(weight) << 28
            | (UInt64(UInt32(bitPattern: token.position)) & Self.positionMask)
        currentPostings += 1
        if isBulk {
            bulkTerms.append(term)
            bulkPostings.append(posting)
            return
        }
        postings.append(term, posting)
        if lastSlotSeen[t] != currentSlot {
            lastSlotSeen[t] = currentSlot
            documentFrequency[t] += 1
        }
    }

    /// Keeps the translation and handle maps in step with an entry coming or going.
    private mutating func noteRelations(of entry: Entry, adding: Bool) {
        if entry.kind == .translation, let original = entry["Of"] {
            if adding {
                translationsOf[original, default: [:]][entry.id] = entry.lang?.lowercased() ?? ""
            } else {
                translationsOf[original]?[entry.id] = nil
                if translationsOf[original]?.isEmpty == true { translationsOf[original] = nil }
            }
            if !isBulk { linkTranslations(of: original) }
        }
        if entry.kind == .person {
            let id = entry.id.lowercased()
            for handle in entry.handles {
                let key = FilterRules.normalizedHandle(handle)
                if adding {
                    handleOwners[key, default: []].insert(id)
                } else {
                    handleOwners[key]?.remove(id)
                    if handleOwners[key]?.isEmpty == true { handleOwners[key] = nil }
                }
            }
        }
    }

    // MARK: Notes

    /// Replaces the note `old` by `new` (either may be nil), re-indexing the entries they are on.
    mutating func update(old: Note?, new: Note?) {
        var affected: [String] = []
        if let old { affected.append(old.key.on) }
        if let new, !affected.contains(new.key.on) { affected.append(new.key.on) }
        var entries: [Entry] = []
        for id in affected {
            if let slot = idToSlot[id], let entry = slotEntry[Int(slot)] {
                entries.append(entry)
                remove(id: id)
            }
        }
        if let old {
            notesByEntry[old.key.on]?.removeAll { $0.key == old.key }
            if notesByEntry[old.key.on]?.isEmpty == true { notesByEntry[old.key.on] = nil }
        }
        if let new {
            var list = notesByEntry[new.key.on] ?? []
            list.removeAll { $0.key == new.key }
            let position = list.firstIndex { new.key < $0.key } ?? list.count
            list.insert(new, at: position)
            notesByEntry[new.key.on] = list
        }
        for entry in entries { add(entry) }
    }

    // MARK: Compaction

    /// Dead postings below this many are never worth a compaction pass.
    var compactionFloor = 50_000

    /// Drops dead postings once they outnumber live ones (and are worth the pass).
    mutating func compactIfNeeded() {
        guard deadPostings > compactionFloor && deadPostings > livePostings else { return }
        let kinds = slotKind
        postings.compact { kinds[$0] == Self.dead }
        deadPostings = 0
        compactions += 1
    }

    /// How many compactions ran (for tests).
    private(set) var compactions = 0

    /// Whether slot `slot` holds a live entry.
    @inline(__always)
    func isLive(_ slot: Int32) -> Bool { slotKind[Int(slot)] != Self.dead }

    /// The number of slots ever made.
    var slotCount: Int { slotKind.count }
}

/// A handful of strings (languages) named by an integer, found by a linear search that
/// beats hashing for a list this short.
struct SmallInterner {
    private(set) var strings: [String] = []

    /// The id of `text`, assigning one if it is new.
    mutating func id(_ text: String) -> Int32 {
        if let index = strings.lastIndex(of: text) { return Int32(index) }
        strings.append(text)
        return Int32(strings.count - 1)
    }
}

/// Small strings (authors) stored once and named by an integer.
struct Interner {
    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    /// The id of `text`, if it has one.
    func existing(_ text: String) -> Int32? { ids[text] }

    /// The id of `text`, assigning one if it is new.
    mutating func id(_ text: String) -> Int32 {
        if let id = ids[text] { return id }
        let id = Int32(strings.count)
        ids[text] = id
        strings.append(text)
        return id
    }
}

/// Per-slot scratch for queries: marks (a slot is marked when its mark equals `epoch`)
/// and the term frequencies of the last one-word atom produced.
struct QueryScratch {
    var stamps: [UInt32] = []
    var frequencies: [Int32] = []
    var epoch: UInt32 = 0
    /// One bit per slot, all clear between uses: set while gathering, read back in order.
    var bits: [UInt64] = []
}
