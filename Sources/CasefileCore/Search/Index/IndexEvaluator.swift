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
    private var lists: [SlotList?]
    private var positions: [[(position: Int32, weight: UInt8)]] = []
    /// Per atom: a cursor into each matched term's postings, part after part, and where
    /// each part's cursors start (one more entry than parts).
    private var cursors: [[PostingCursor]]
    private var partStarts: [[Int]]
    /// Per atom: its parts' offsets.
    private let offsets: [[Int32]]
    private let postings: PostingStore

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
            case .kind(let kind): return .kind(kind.ordinal)
            case .lang(let lang): return .lang(langs.map { FilterRules.langMatches($0, lang) })
            case .author(let value):
                let keys = FilterRules.authorKeys(value, handlesOf: { caseFile[$0]?.handles ?? [] },
                                                  ownersOf: { store.handleOwners[$0] ?? [] })
                var table = [Bool](repeating: false, count: store.strings.strings.count)
                for key in keys { if let id = store.strings.existing(key) { table[Int(id)] = true } }
                return .author(table)
            case .date(let range): return .date(range)
            case .hasTranslation: return .hasTranslation
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

    // MARK: Producing candidates

    private func estimate(_ node: QueryPlan.Node) -> Int? {
        switch node {
        case .atom(let index): return min(lists[index]?.slots.count ?? atoms[index].estimate, store.slotCount)
        case .all(let children): return children.compactMap(estimate).min()
        case .any(let children):
            var total = 0
            for child in children {
                guard let cost = estimate(child) else { return nil }
                total += cost
            }
            return total
        case .predicate(let index):
            // A scan of every slot: words go first, then the cheapest filters.
            switch filters[index] {
            case .author: return store.slotCount + 2
            case .missingTranslation: return store.slotCount + 3
            default: return store.slotCount + 1
            }
        case .not: return nil
        }
    }

    /// The live slots `node` matches, ascending, when they can be produced from postings
    /// (or, for a filter, from one pass over its per-slot table).
    private mutating func produce(_ node: QueryPlan.Node) -> [Int32]? {
        switch node {
        case .atom(let index):
            return list(index).slots
        case .any(let children):
            guard children.allSatisfy({ estimate($0) != nil }) else { return nil }
            var union: [Int32] = []
            for child in children {
                guard let next = produce(child) else { return nil }
                union = SortedSlots.union(union, next)
            }
            return union
        case .all(let children):
            let order = children.indices.sorted { (estimate(children[$0]) ?? .max) < (estimate(children[$1]) ?? .max) }
            guard let first = order.first, estimate(children[first]) != nil, var candidates = produce(children[first]) else {
                return nil
            }
            for index in order.dropFirst() {
                if candidates.isEmpty { break }
                let child = children[index]
                if case .predicate(let filter) = child {
                    candidates = select(candidates, filters[filter], keep: true)
                    continue
                }
                if case .not(.predicate(let filter)) = child {
                    candidates = select(candidates, filters[filter], keep: false)
                    continue
                }
                // Reading a whole list pays when it is not much longer than the candidates.
                let affordable = max(candidates.count * 16, 4096)
                if let cost = estimate(child), cost <= affordable, let other = produce(child) {
                    candidates = SortedSlots.intersection(candidates, other)
                } else if case .not(let inner) = child, let cost = estimate(inner), cost <= affordable,
                          let other = produce(inner) {
                    candidates = SortedSlots.difference(candidates, other)
                } else {
                    candidates = candidates.filter { matches(child, $0) }
                }
            }
            return candidates
        case .predicate(let index):
            return scan(filters[index])
        case .not:
            return nil
        }
    }

    /// The live slots passing `filter`, by one pass over its table.
    private func scan(_ filter: Filter) -> [Int32] {
        let kinds = store.slotKind
        return select((0..<Int32(kinds.count)).lazy.filter { kinds[Int($0)] != IndexStore.dead }, filter, keep: true)
    }

    /// The slots of `list` that pass `filter` (or, with `keep` false, that fail it). One
    /// loop per kind of filter, so the test inside is a load and a compare.
    private func select<S: Sequence>(_ list: S, _ filter: Filter, keep: Bool) -> [Int32] where S.Element == Int32 {
        switch filter {
        case .kind(let kind):
            let kinds = store.slotKind
            return list.filter { (kinds[Int($0)] == kind) == keep }
        case .lang(let table):
            let langs = store.slotLang
            return list.filter { slot in
                let lang = langs[Int(slot)]
                return (lang >= 0 && table[Int(lang)]) == keep
            }
        case .date(let range):
            let days = store.slotDay
            return list.filter { range.contains(days[Int($0)]) == keep }
        case .hasTranslation:
            let translations = store.slotTranslations
            return list.filter { (translations[Int($0)] > 0) == keep }
        case .author(let table):
            let authors = store.slotAuthor
            let originals = store.slotOriginal
            return list.filter { slot in
                var author = authors[Int(slot)]
                if author < 0 {
                    let original = originals[Int(slot)]
                    if original >= 0 { author = authors[Int(original)] }
                }
                return (author >= 0 && table[Int(author)]) == keep
            }
        case .missingTranslation(let workingLangs, let workingMask, _):
            let kinds = store.slotKind
            let langs = store.slotLang
            let masks = store.slotTranslationLangs
            let post = Kind.post.ordinal
            let quote = Kind.quote.ordinal
            return list.filter { slot in
                let index = Int(slot)
                let kind = kinds[index]
                guard kind == post || kind == quote else { return !keep }
                let lang = langs[index]
                if lang >= 0 && workingLangs[Int(lang)] { return !keep }
                let mask = masks[index]
                if mask & (1 << 63) == 0 { return (mask & workingMask == 0) == keep }
                return check(filter, slot) == keep
            }
        }
    }

    /// The list of atom `index`, built once.
    private mutating func list(_ index: Int) -> SlotList {
        if let built = lists[index] { return built }
        let atom = atoms[index]
        var result: SlotList
        if !atom.isPhrase {
            result = wordList(atom.parts[0].terms)
        } else {
            var rarest = 0
            var fewest = Int.max
            for (i, part) in atom.parts.enumerated() {
                let count = part.terms.reduce(0) { $0 + store.postings.count($1.term) }
                if count < fewest { fewest = count; rarest = i }
            }
            result = SlotList()
            for slot in wordList(atom.parts[rarest].terms).slots {
                let tf = phraseFrequency(index, slot)
                if tf > 0 {
                    result.slots.append(slot)
                    result.frequencies.append(Int32(tf))
                }
            }
        }
        lists[index] = result
        return result
    }

    /// The live slots holding any of `terms`, with the weighted frequency of them all.
    private mutating func wordList(_ terms: [(term: Int32, quality: UInt8)]) -> SlotList {
        var result = SlotList()
        let kinds = store.slotKind
        if terms.count == 1, let (term, quality) = terms.first {
            var last: Int32 = -1
            store.postings.forEach(term) { posting in
                let slot = Int32(truncatingIfNeeded: posting >> 32)
                guard kinds[Int(slot)] != IndexStore.dead else { return }
                let add = Int32((posting >> 28) & 0xF) * Int32(quality)
                if slot == last {
                    result.frequencies[result.frequencies.count - 1] += add
                } else {
                    result.slots.append(slot)
                    result.frequencies.append(add)
                    last = slot
                }
            }
            return result
        }
        // Several spellings: add up per slot in scratch, mark the slots in a bitmap, and
        // read the bitmap back in slot order (no sorting).
        nextEpoch()
        let epoch = scratch.epoch
        var touched = 0
        kinds.withUnsafeBufferPointer { kinds in
            scratch.stamps.withUnsafeMutableBufferPointer { stamps in
                scratch.frequencies.withUnsafeMutableBufferPointer { frequencies in
                    scratch.bits.withUnsafeMutableBufferPointer { bits in
                        for (term, quality) in terms {
                            store.postings.forEach(term) { posting in
                                let slot = Int(posting >> 32)
                                guard kinds[slot] != IndexStore.dead else { return }
                                let add = Int32((posting >> 28) & 0xF) * Int32(quality)
                                if stamps[slot] != epoch {
                                    stamps[slot] = epoch
                                    frequencies[slot] = add
                                    bits[slot >> 6] |= 1 << UInt64(slot & 63)
                                    touched += 1
                                } else {
                                    frequencies[slot] += add
                                }
                            }
                        }
                    }
                }
            }
        }
        result.slots.reserveCapacity(touched)
        result.frequencies.reserveCapacity(touched)
        let words = (store.slotCount + 63) / 64
        scratch.bits.withUnsafeMutableBufferPointer { bits in
            for w in 0..<words where bits[w] != 0 {
                var word = bits[w]
                bits[w] = 0
                while word != 0 {
                    let slot = w << 6 | word.trailingZeroBitCount
                    result.slots.append(Int32(slot))
                    result.frequencies.append(scratch.frequencies[slot])
                    word &= word - 1
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

    private mutating func matches(_ node: QueryPlan.Node, _ slot: Int32) -> Bool {
        switch node {
        case .all(let children):
            for child in children where !matches(child, slot) { return false }
            return true
        case .any(let children):
            for child in children where matches(child, slot) { return true }
            return false
        case .not(let inner): return !matches(inner, slot)
        case .atom(let index): return frequency(index, slot) > 0
        case .predicate(let index): return check(filters[index], slot)
        }
    }

    /// The weighted term frequency of atom `index` in `slot` (phrases: of the phrase).
    private mutating func frequency(_ index: Int, _ slot: Int32) -> Int {
        if let list = lists[index] {
            let at = SortedSlots.position(of: slot, in: list.slots)
            return at < list.slots.count && list.slots[at] == slot ? Int(list.frequencies[at]) : 0
        }
        let atom = atoms[index]
        if atom.isPhrase { return phraseFrequency(index, slot) }
        prepareCursors(index)
        var tf = 0
        for (t, (_, quality)) in atom.parts[0].terms.enumerated() {
            cursors[index][t].forEach(inSlot: slot, of: postings) { posting in
                tf += Int((posting >> 28) & 0xF) * Int(quality)
            }
        }
        return tf
    }

    private mutating func prepareCursors(_ index: Int) {
        guard partStarts[index].isEmpty else { return }
        var starts = [0]
        for part in atoms[index].parts {
            for (term, _) in part.terms { cursors[index].append(PostingCursor(term, in: postings)) }
            starts.append(cursors[index].count)
        }
        partStarts[index] = starts
    }

    /// How often the phrase of atom `index` occurs in `slot`, weighted. Called for
    /// ascending slots, so the cursors only move forward.
    private mutating func phraseFrequency(_ index: Int, _ slot: Int32) -> Int {
        prepareCursors(index)
        let parts = partStarts[index].count - 1
        if positions.count < parts { positions = Array(repeating: [], count: parts) }
        for part in 0..<parts {
            positions[part].removeAll(keepingCapacity: true)
            for c in partStarts[index][part]..<partStarts[index][part + 1] {
                cursors[index][c].forEach(inSlot: slot, of: postings) { posting in
                    positions[part].append((Int32(posting & IndexStore.positionMask), UInt8((posting >> 28) & 0xF)))
                }
            }
            if positions[part].isEmpty { return 0 }  // later parts' cursors catch up next time
        }
        return Scoring.phraseFrequency(offsets: offsets[index], occurrences: positions, parts: parts)
    }

    private func check(_ filter: Filter, _ slot: Int32) -> Bool {
        let index = Int(slot)
        switch filter {
        case .kind(let kind): return store.slotKind[index] == kind
        case .lang(let table):
            let lang = store.slotLang[index]
            return lang >= 0 && table[Int(lang)]
        case .date(let range): return range.contains(store.slotDay[index])
        case .hasTranslation: return store.slotTranslations[index] > 0
        case .author(let table):
            var author = store.slotAuthor[index]
            if author < 0 {  // a translation: its original's author (slotOriginal is -1 for others)
                let original = store.slotOriginal[index]
                if original >= 0 { author = store.slotAuthor[Int(original)] }
            }
            return author >= 0 && table[Int(author)]
        case .missingTranslation(let workingLangs, let workingMask, let working):
            let kind = store.slotKind[index]
            guard kind == Kind.post.ordinal || kind == Kind.quote.ordinal else { return false }
            let lang = store.slotLang[index]
            if lang >= 0 && workingLangs[Int(lang)] { return false }
            let mask = store.slotTranslationLangs[index]
            if mask & (1 << 63) == 0 { return mask & workingMask == 0 }
            // Translations in languages past the bit table: ask the map.
            guard let entry = store.slotEntry[index] else { return false }
            return FilterRules.missesTranslation(kind: entry.kind, lang: entry.lang?.lowercased(),
                                                 translationLangs: Array((store.translationsOf[entry.id] ?? [:]).values),
                                                 working: working)
        }
    }
}

/// Set operations on ascending slot arrays.
enum SortedSlots {
    /// The first index in `list` whose slot is not below `slot`.
    static func position(of slot: Int32, in list: [Int32], from start: Int = 0) -> Int {
        var low = start
        var high = list.count
        while low < high {
            let middle = (low + high) >> 1
            if list[middle] < slot { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var result: [Int32] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { result.append(a[i]); i += 1 } else if b[j] < a[i] { result.append(b[j]); j += 1 } else {
                result.append(a[i]); i += 1; j += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }

    /// `a ∩ b`; binary searches through `b` when it is much longer than `a`.
    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        if b.count > a.count * 8 {
            var from = 0
            for slot in a {
                from = position(of: slot, in: b, from: from)
                if from == b.count { break }
                if b[from] == slot { result.append(slot) }
            }
            return result
        }
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if b[j] < a[i] { j += 1 } else { result.append(a[i]); i += 1; j += 1 }
        }
        return result
    }

    /// `a − b`.
    static func difference(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var j = 0
        for slot in a {
            j = position(of: slot, in: b, from: j)
            if j == b.count || b[j] != slot { result.append(slot) }
        }
        return result
    }
}
