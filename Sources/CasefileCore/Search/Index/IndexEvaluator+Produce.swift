extension IndexEvaluator {
    // MARK: Producing candidates

    func estimate(_ node: QueryPlan.Node) -> Int? {
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
            case .status: return store.slotCount + 4  // reads each candidate's entry
            default: return store.slotCount + 1
            }
        case .not: return nil
        }
    }

    /// The live slots `node` matches, ascending, when they can be produced from postings
    /// (or, for a filter, from one pass over its per-slot table).
    mutating func produce(_ node: QueryPlan.Node) -> [Int32]? {
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

    /// The list of atom `index`, built once.
    mutating func list(_ index: Int) -> SlotList {
        if let built = lists[index] { return built }
        let atom = atoms[index]
        var result: SlotList
        if atom.parts.isEmpty {
            result = SlotList()  // nothing searchable in it: matches nothing
        } else if !atom.isPhrase {
            result = wordList(atom.parts[0].terms)
        } else {
            // The documents holding every word of the phrase, rarest word first; a word's
            // list is only read when it is not much longer than the candidates so far
            // (otherwise the phrase check skips past its postings with a cursor).
            let costs = atom.parts.map { part in part.terms.reduce(0) { $0 + store.postings.count($1.term) } }
            let order = atom.parts.indices.sorted { costs[$0] < costs[$1] }
            var candidates = wordList(atom.parts[order[0]].terms).slots
            for part in order.dropFirst() where costs[part] <= candidates.count * 4 {
                candidates = SortedSlots.intersection(candidates, wordList(atom.parts[part].terms).slots)
            }
            result = SlotList()
            for slot in candidates {
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
    mutating func wordList(_ terms: [(term: Int32, quality: UInt8)]) -> SlotList {
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

    mutating func nextEpoch() {
        scratch.epoch &+= 1
        if scratch.epoch == 0 {
            for i in scratch.stamps.indices { scratch.stamps[i] = 0 }
            scratch.epoch = 1
        }
    }
}
