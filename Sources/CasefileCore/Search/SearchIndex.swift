/// An inverted index over a case's entries (and the notes on them), kept up to date
/// change by change, for searches that cross scripts.
///
/// Build it once when a case is loaded; then call `update(old:new:)` after every change,
/// undo and redo, with the entry or note as it was and as it is. Nothing is rebuilt per
/// query. Not safe for concurrent use: a search borrows scratch space from the index.
public final class SearchIndex {
    var store = IndexStore()

    /// Indexes every entry of `caseFile` and the notes on them.
    public convenience init(caseFile: CaseFile) {
        self.init(caseFile: caseFile, compactionFloor: 50_000)
    }

    /// Indexes `caseFile`, compacting dead postings once there are more than
    /// `compactionFloor` of them (tests set it low to exercise compaction), in `bulkParts`
    /// parts (default: one per core for a large case; tests split small ones too).
    init(caseFile: CaseFile, compactionFloor: Int, bulkParts: Int? = nil) {
        store.compactionFloor = compactionFloor
        store.addInBulk(caseFile, parts: bulkParts)
    }

    /// An index read back from a saved payload (`SearchIndexFile`) for `caseFile`, or why
    /// it does not fit.
    static func restoring(_ payload: UnsafeRawBufferPointer, caseFile: CaseFile) -> Result<SearchIndex, IndexDamage> {
        let index = SearchIndex()
        do {
            try index.store.restore(payload, caseFile: caseFile)
            return .success(index)
        } catch {
            return .failure(error)
        }
    }

    private init() {}

    /// The number of entries indexed.
    public var count: Int { store.liveCount }

    /// The number of distinct terms seen (words, hashtags, mentions, tags…).
    public var termCount: Int { store.dictionary.count }

    /// The steps of building the index and the seconds each took (for benchmarks).
    public var buildPhases: [(name: String, seconds: Double)] { store.buildPhases }

    /// The number of postings held (word occurrences, dead ones not yet compacted included).
    public var postingCount: Int { store.postings.totalCount }

    /// Records a change to an entry: added (`old` nil), removed (`new` nil) or replaced.
    /// The index trusts its own copy of the old entry, so a stale `old` does no harm.
    public func update(old: Entry?, new: Entry?) {
        store.isPristine = false
        if let old { store.remove(id: old.id) }
        if let new { store.add(new) }
        store.compactIfNeeded()
    }

    /// Records a change to a note: added, removed or replaced. Notes are searched as
    /// part of the entry they are on, so that entry is re-indexed.
    public func update(old: Note?, new: Note?) {
        store.isPristine = false
        store.update(old: old, new: new)
        store.compactIfNeeded()
    }

    /// Runs `query` against the index. `caseFile` is the case the index follows (for
    /// the working language and people's handles); `limit` caps the hits returned (the
    /// total counts them all); `exact` turns folding off for every word.
    public func search(_ query: SearchQuery, in caseFile: CaseFile, limit: Int? = nil, exact: Bool = false) -> SearchResults {
        let plan = QueryPlan(query, exact: exact)
        var scratch = QueryScratch()
        swap(&scratch, &store.scratch)
        var evaluator = IndexEvaluator(store: store, plan: plan, caseFile: caseFile, scratch: scratch)
        let (slots, scores) = evaluator.run()
        swap(&evaluator.scratch, &store.scratch)
        let kinds = store.slotKind
        let ids = store.slotId
        let entries = store.slotEntry
        let top = Ranking.top(scores: scores, limit: limit) { a, b in
            Ranking.before(score: scores[a], kind: Int(kinds[Int(slots[a])]), id: ids[Int(slots[a])],
                           score: scores[b], kind: Int(kinds[Int(slots[b])]), id: ids[Int(slots[b])])
        }.map { (slot: slots[$0], score: scores[$0]) }
        let builder = SnippetBuilder(atoms: evaluator.atoms.filter(\.isScored).map { atom in
            atom.parts.map { (offset: $0.offset, terms: Set($0.terms.map(\.term))) }
        })
        let dictionary = store.dictionary
        let hits: [SearchHit] = top.compactMap { item in
            guard let entry = entries[Int(item.slot)] else { return nil }
            let snippet = builder.snippet(entry, notes: store.notesByEntry[entry.id] ?? []) { bytes, token in
                dictionary.existingTerm(bytes, Int(token.bodyStart), Int(token.end), namespace: token.namespace)
            }
            let translations = store.translationsOf[entry.id].ids.sorted(by: ByteOrder.less)
            return SearchHit(id: entry.id, kind: entry.kind, score: item.score, lang: entry.lang, snippet: snippet,
                             original: entry.kind == .translation ? entry["Of"] : nil, translations: translations)
        }
        return SearchResults(hits: hits, total: slots.count)
    }
}
