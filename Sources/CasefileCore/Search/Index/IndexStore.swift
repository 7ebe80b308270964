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
    var lastSlotSeen: [Int32] = []

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
    var slotPostings: [Int32] = []

    var idToSlot = IdSlots()
    var notesByEntry: [String: [Note]] = [:]
    /// Original Id → (translation Id → its Lang, lower-cased).
    var translationsOf = TranslationMap()
    /// "@handle" → the Ids (lower-cased) of the people with that handle.
    var handleOwners: [String: Set<String>] = [:]
    /// Interned authors (lower case).
    var strings = Interner()
    /// Interned languages (lower case); few, so a short list searched from the end.
    var langs = SmallInterner()

    var liveCount = 0
    var totalLength = 0
    var livePostings = 0
    var deadPostings = 0

    /// Scratch for queries, kept between them so that a query allocates nothing per slot.
    var scratch = QueryScratch()

    private var currentSlot: Int32 = 0
    private var removing = false
    /// While a bulk build notes relations (it links translations once, at the end).
    var isBulk = false
    private var currentPostings: Int32 = 0
    private var scratchTokens: [Token] = []
    /// Keeps the loads of `prepare` from being optimised away.
    private var touched: UInt64 = 0

    /// True while the index holds exactly what a bulk build (or a saved index) made of a
    /// case as loaded: only then may it be saved for the file it was loaded from.
    var isPristine = false

    /// The steps of the last bulk build and their times, for benchmarks.
    var buildPhases: [(name: String, seconds: Double)] = []

    /// Dead postings below this many are never worth a compaction pass.
    var compactionFloor = 50_000
    /// How many compactions ran (for tests).
    var compactions = 0

    // MARK: Adding and removing slots

    /// Indexes `entry` (with the notes on it) in a new slot.
    mutating func add(_ entry: Entry) {
        let slot = Int32(slotEntry.count)
        // The old version goes while its Id still names it (so removing it keeps its
        // translations, which are about to be linked to the new slot).
        if let old = idToSlot.slot(of: entry.id, ids: slotId) { removeSlot(old) }
        let facts = FilterRules.Facts(entry)
        slotEntry.append(entry)
        slotId.append(entry.id)
        idToSlot.set(entry.id, to: slot, ids: slotId)
        slotKind.append(entry.kind.byteOrdinal)
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
        if entry.kind == .translation, let original = entry["Of"], let originalSlot = idToSlot.slot(of: original, ids: slotId) {
            slotOriginal[Int(slot)] = originalSlot
        }
        if translationsOf.hasTranslations(entry.id) { linkTranslations(of: entry.id) }
    }

    /// Removes the entry `id` from the index, if it is there.
    mutating func remove(id: String) {
        guard let slot = idToSlot.remove(id, ids: slotId) else { return }
        removeSlot(slot)
    }

    /// Kills `slot` (its Id has already been unmapped or remapped).
    mutating func removeSlot(_ slot: Int32) {
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
        if idToSlot.slot(of: entry.id, ids: slotId) == nil && translationsOf.hasTranslations(entry.id) { linkTranslations(of: entry.id) }
    }

    @discardableResult
    mutating func walk(_ entry: Entry) -> Int {
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
        postings.append(term, posting)
        if lastSlotSeen[t] != currentSlot {
            lastSlotSeen[t] = currentSlot
            documentFrequency[t] += 1
        }
    }

    /// Whether slot `slot` holds a live entry.
    @inline(__always)
    func isLive(_ slot: Int32) -> Bool { slotKind[Int(slot)] != Self.dead }

    /// The number of slots ever made.
    var slotCount: Int { slotKind.count }
}
