/// Runs a resolved plan over the index: finds the candidates through the cheapest part
/// of the query, checks the rest per candidate, and scores.
struct IndexEvaluator {
    /// A filter with its strings turned into the index's interned ids.
    enum Filter {
        case kind(UInt8)
        case lang(Set<Int32>)
        case author(Set<Int32>)
        case date(DateRange)
        case hasTranslation
        case missingTranslation(workingLangs: Set<Int32>, working: String)
    }

    let store: IndexStore
    /// Per-slot scratch, lent by the index for the query (so it is not copied).
    var scratch: QueryScratch
    let plan: QueryPlan
    let atoms: [ResolvedAtom]
    let filters: [Filter]
    private var frequencyAtom = -1
    private var frequencyEpoch: UInt32 = 0

    init(store: IndexStore, plan: QueryPlan, caseFile: CaseFile, scratch: QueryScratch) {
        self.store = store
        self.scratch = scratch
        self.plan = plan
        atoms = store.resolve(plan)
        let langs = store.langs.strings
        filters = plan.filters.map { filter in
            switch filter {
            case .kind(let kind): return .kind(kind.ordinal)
            case .lang(let lang):
                return .lang(Set(langs.indices.filter { FilterRules.langMatches(langs[$0], lang) }.map { Int32($0) }))
            case .author(let value):
                let keys = FilterRules.authorKeys(value, handlesOf: { caseFile[$0]?.handles ?? [] },
                                                  ownersOf: { store.handleOwners[$0] ?? [] })
                return .author(Set(keys.compactMap { store.strings.existing($0) }))
            case .date(let range): return .date(range)
            case .hasTranslation: return .hasTranslation
            case .missingTranslation:
                let working = caseFile.header.workingLanguage
                let ids = langs.indices.filter { FilterRules.isWorkingLanguage(langs[$0], working) }.map { Int32($0) }
                return .missingTranslation(workingLangs: Set(ids), working: working)
            default: return .hasTranslation  // tag: and by: are atoms, never here
            }
        }
        if self.scratch.stamps.count < store.slotCount {
            self.scratch.stamps = Array(repeating: 0, count: store.slotCount + store.slotCount / 8)
            self.scratch.frequencies = Array(repeating: 0, count: self.scratch.stamps.count)
            self.scratch.epoch = 0
        }
    }

    /// The matching live slots with their scores.
    mutating func run() -> [(slot: Int32, score: Double)] {
        var candidates: [Int32]
        if let produced = produce(plan.root) {
            candidates = produced
        } else {
            candidates = []
            for slot in 0..<Int32(store.slotCount) where store.isLive(slot) && matches(plan.root, slot) {
                candidates.append(slot)
            }
        }
        let averageLength = store.liveCount > 0 ? Double(store.totalLength) / Double(store.liveCount) : 0
        var result: [(slot: Int32, score: Double)] = []
        result.reserveCapacity(candidates.count)
        for slot in candidates {
            var score = 0.0
            for index in atoms.indices where atoms[index].isScored {
                let tf = frequency(index, slot)
                if tf > 0 {
                    score += atoms[index].idf * Scoring.saturation(tf: tf, length: Int(store.slotLength[Int(slot)]),
                                                                  averageLength: averageLength)
                }
            }
            result.append((slot, score))
        }
        return result
    }

    // MARK: Producing candidates

    private func estimate(_ node: QueryPlan.Node) -> Int? {
        switch node {
        case .atom(let index): return atoms[index].estimate
        case .all(let children): return children.compactMap(estimate).min()
        case .any(let children):
            var total = 0
            for child in children {
                guard let cost = estimate(child) else { return nil }
                total += cost
            }
            return total
        case .not, .predicate: return nil
        }
    }

    /// The exact set of live slots `node` matches, when it can be produced from postings.
    private mutating func produce(_ node: QueryPlan.Node) -> [Int32]? {
        switch node {
        case .atom(let index):
            let atom = atoms[index]
            if !atom.isPhrase { return produceWord(index) }
            var rarest = 0
            var fewest = Int.max
            for (i, part) in atom.parts.enumerated() {
                let count = part.terms.reduce(0) { $0 + store.postings.count($1.term) }
                if count < fewest { fewest = count; rarest = i }
            }
            return slots(of: atom.parts[rarest].terms).filter { frequency(index, $0) > 0 }
        case .all(let children):
            var best: Int?
            var bestCost = Int.max
            for (i, child) in children.enumerated() {
                if let cost = estimate(child), cost < bestCost { bestCost = cost; best = i }
            }
            guard let best, let candidates = produce(children[best]) else { return nil }
            return candidates.filter { slot in
                children.indices.allSatisfy { $0 == best || matches(children[$0], slot) }
            }
        case .any(let children):
            var lists: [[Int32]] = []
            for child in children {
                guard let list = produce(child) else { return nil }
                lists.append(list)
            }
            nextEpoch()
            var union: [Int32] = []
            for list in lists {
                for slot in list where scratch.stamps[Int(slot)] != scratch.epoch {
                    scratch.stamps[Int(slot)] = scratch.epoch
                    union.append(slot)
                }
            }
            return union
        case .not, .predicate:
            return nil
        }
    }

    /// The live slots of a one-word atom, noting their term frequencies on the way.
    private mutating func produceWord(_ index: Int) -> [Int32] {
        nextEpoch()
        frequencyAtom = index
        frequencyEpoch = scratch.epoch
        var result: [Int32] = []
        let epoch = scratch.epoch
        store.slotKind.withUnsafeBufferPointer { kinds in
            scratch.stamps.withUnsafeMutableBufferPointer { stamps in
                scratch.frequencies.withUnsafeMutableBufferPointer { frequencies in
                    for (term, quality) in atoms[index].parts[0].terms {
                        store.postings.forEach(term) { posting in
                            let slot = Int(posting >> 32)
                            guard kinds[slot] != IndexStore.dead else { return }
                            let add = Int32((posting >> 28) & 0xF) * Int32(quality)
                            if stamps[slot] != epoch {
                                stamps[slot] = epoch
                                frequencies[slot] = add
                                result.append(Int32(slot))
                            } else {
                                frequencies[slot] += add
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    private mutating func slots(of terms: [(term: Int32, quality: UInt8)]) -> [Int32] {
        nextEpoch()
        var result: [Int32] = []
        let epoch = scratch.epoch
        store.slotKind.withUnsafeBufferPointer { kinds in
            scratch.stamps.withUnsafeMutableBufferPointer { stamps in
                for (term, _) in terms {
                    store.postings.forEach(term) { posting in
                        let slot = Int(posting >> 32)
                        if kinds[slot] != IndexStore.dead && stamps[slot] != epoch {
                            stamps[slot] = epoch
                            result.append(Int32(slot))
                        }
                    }
                }
            }
        }
        return result
    }

    private mutating func nextEpoch() {
        scratch.epoch &+= 1
        if scratch.epoch == 0 {
            for i in scratch.stamps.indices { scratch.stamps[i] = 0 }
            scratch.epoch = 1
        }
    }

    // MARK: Checking one slot

    private func matches(_ node: QueryPlan.Node, _ slot: Int32) -> Bool {
        switch node {
        case .all(let children): return children.allSatisfy { matches($0, slot) }
        case .any(let children): return children.contains { matches($0, slot) }
        case .not(let inner): return !matches(inner, slot)
        case .atom(let index): return frequency(index, slot) > 0
        case .predicate(let index): return check(filters[index], slot)
        }
    }

    /// The weighted term frequency of atom `index` in `slot` (phrases: of the phrase).
    func frequency(_ index: Int, _ slot: Int32) -> Int {
        if index == frequencyAtom && scratch.stamps[Int(slot)] == frequencyEpoch {
            return Int(scratch.frequencies[Int(slot)])
        }
        let atom = atoms[index]
        if !atom.isPhrase {
            var tf = 0
            for (term, quality) in atom.parts[0].terms {
                forEachPosting(term, slot) { posting in tf += Int((posting >> 28) & 0xF) * Int(quality) }
            }
            return tf
        }
        var occurrences: [[(position: Int32, weight: UInt8)]] = []
        for part in atom.parts {
            var list: [(position: Int32, weight: UInt8)] = []
            for (term, _) in part.terms {
                forEachPosting(term, slot) { posting in
                    list.append((Int32(posting & IndexStore.positionMask), UInt8((posting >> 28) & 0xF)))
                }
            }
            if list.isEmpty { return 0 }
            occurrences.append(list)
        }
        return Scoring.phraseFrequency(offsets: atom.parts.map(\.offset), occurrences: occurrences)
    }

    /// Calls `body` with each posting of `term` in `slot`.
    @inline(__always)
    private func forEachPosting(_ term: Int32, _ slot: Int32, _ body: (UInt64) -> Void) {
        store.postings.forEach(term, inSlot: slot, body)
    }

    private func check(_ filter: Filter, _ slot: Int32) -> Bool {
        let index = Int(slot)
        switch filter {
        case .kind(let kind): return store.slotKind[index] == kind
        case .lang(let ids): return ids.contains(store.slotLang[index])
        case .date(let range): return range.contains(store.slotDay[index])
        case .hasTranslation: return store.slotTranslations[index] > 0
        case .author(let ids):
            if ids.contains(store.slotAuthor[index]) { return true }
            guard let original = store.slotEntry[index]?["Of"], store.slotEntry[index]?.kind == .translation,
                  let originalSlot = store.idToSlot[original] else { return false }
            return ids.contains(store.slotAuthor[Int(originalSlot)])
        case .missingTranslation(let workingLangs, let working):
            guard let entry = store.slotEntry[index], entry.kind == .post || entry.kind == .quote,
                  !workingLangs.contains(store.slotLang[index]) else { return false }
            if store.slotTranslations[index] == 0 { return true }
            let langs = Array((store.translationsOf[entry.id] ?? [:]).values)
            return FilterRules.missesTranslation(kind: entry.kind, lang: entry.lang?.lowercased(),
                                                 translationLangs: langs, working: working)
        }
    }
}
