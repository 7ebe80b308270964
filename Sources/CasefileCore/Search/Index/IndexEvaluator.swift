/// Runs a resolved plan over the index, document-at-a-time over sorted slot lists: the
/// cheapest part of the query yields the candidates (in slot order), the other parts are
/// intersected, subtracted, or checked per candidate, whichever reads less; then each
/// word's frequencies are merged in and the candidates scored.
struct IndexEvaluator {
    /// A filter with its strings turned into tables over the index's interned ids.
    enum Filter {
        case kind(UInt8)
        case lang([Bool])
        case author([Bool])
        case date(DateRange)
        case hasTranslation
        /// Checked on the slot's entry: statuses are few and change with every review.
        case status(String)
        case missingTranslation(workingLangs: [Bool], workingMask: UInt64, working: String)
    }

    /// Live slots in ascending order, with an atom's weighted frequency in each.
    struct SlotList {
        var slots: [Int32] = []
        var frequencies: [Int32] = []
    }

    let store: IndexStore
    /// Per-slot scratch, lent by the index for the query (so it is not copied).
    var scratch: QueryScratch
    let plan: QueryPlan
    let atoms: [ResolvedAtom]
    let filters: [Filter]
    /// The lists built so far, by atom.
    var lists: [SlotList?]
    var positions: [[(position: Int32, weight: UInt8)]] = []
    /// Per atom: a cursor into each matched term's postings, part after part, and where
    /// each part's cursors start (one more entry than parts).
    var cursors: [[PostingCursor]]
    var partStarts: [[Int]]
    /// Per atom: its parts' offsets.
    let offsets: [[Int32]]
    let postings: PostingStore

    init(store: IndexStore, plan: QueryPlan, caseFile: CaseFile, scratch: QueryScratch) {
        self.store = store
        self.scratch = scratch
        self.plan = plan
        atoms = store.resolve(plan)
        lists = Array(repeating: nil, count: atoms.count)
        cursors = Array(repeating: [], count: atoms.count)
        partStarts = Array(repeating: [], count: atoms.count)
        offsets = atoms.map { $0.parts.map(\.offset) }
        postings = store.postings
        let langs = store.langs.strings
        filters = plan.filters.map { filter in
            switch filter {
            case .kind(let kind): return .kind(kind.byteOrdinal)
            case .lang(let lang): return .lang(langs.map { FilterRules.langMatches($0, lang) })
            case .author(let value):
                let keys = FilterRules.authorKeys(value, handlesOf: { caseFile[$0]?.handles ?? [] },
                                                  ownersOf: { store.handleOwners[$0] ?? [] })
                var table = [Bool](repeating: false, count: store.strings.strings.count)
                for key in keys { if let id = store.strings.existing(key) { table[Int(id)] = true } }
                return .author(table)
            case .date(let range): return .date(range)
            case .hasTranslation: return .hasTranslation
            case .status(let status): return .status(status)
            case .missingTranslation:
                let working = caseFile.header.workingLanguage
                let table = langs.map { FilterRules.isWorkingLanguage($0, working) }
                var mask: UInt64 = 0
                for (id, isWorking) in table.enumerated() where isWorking { mask |= id < 63 ? 1 << UInt64(id) : 0 }
                return .missingTranslation(workingLangs: table, workingMask: mask, working: working)
            default: return .hasTranslation  // tag: and by: are atoms, never here
            }
        }
        if self.scratch.stamps.count < store.slotCount {
            self.scratch.stamps = Array(repeating: 0, count: store.slotCount + store.slotCount / 8)
            self.scratch.frequencies = Array(repeating: 0, count: self.scratch.stamps.count)
            self.scratch.epoch = 0
            self.scratch.bits = Array(repeating: 0, count: self.scratch.stamps.count / 64 + 1)
        }
    }

    /// The matching live slots (ascending) with their scores.
    mutating func run() -> (slots: [Int32], scores: [Double]) {
        var candidates: [Int32]
        if let produced = produce(plan.root) {
            candidates = produced
        } else {
            candidates = []
            for slot in 0..<Int32(store.slotCount) where store.isLive(slot) && matches(plan.root, slot) {
                candidates.append(slot)
            }
        }
        var scores = [Double](repeating: 0, count: candidates.count)
        let averageLength = store.liveCount > 0 ? Double(store.totalLength) / Double(store.liveCount) : 0
        for index in atoms.indices where atoms[index].isScored {
            let idf = atoms[index].idf
            let lengths = store.slotLength
            if let list = lists[index] {
                var j = 0
                for (i, slot) in candidates.enumerated() {
                    while j < list.slots.count && list.slots[j] < slot { j += 1 }
                    guard j < list.slots.count && list.slots[j] == slot else { continue }
                    let tf = Int(list.frequencies[j])
                    scores[i] += idf * Scoring.saturation(tf: tf, length: Int(lengths[Int(slot)]), averageLength: averageLength)
                }
            } else {
                for (i, slot) in candidates.enumerated() {
                    let tf = frequency(index, slot)
                    if tf > 0 {
                        scores[i] += idf * Scoring.saturation(tf: tf, length: Int(lengths[Int(slot)]), averageLength: averageLength)
                    }
                }
            }
        }
        return (candidates, scores)
    }
}
