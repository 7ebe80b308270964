extension IndexEvaluator {
    // MARK: Checking one slot

    mutating func matches(_ node: QueryPlan.Node, _ slot: Int32) -> Bool {
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
    mutating func frequency(_ index: Int, _ slot: Int32) -> Int {
        if let list = lists[index] {
            let at = SortedSlots.position(of: slot, in: list.slots)
            return at < list.slots.count && list.slots[at] == slot ? Int(list.frequencies[at]) : 0
        }
        let atom = atoms[index]
        if atom.parts.isEmpty { return 0 }
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

    mutating func prepareCursors(_ index: Int) {
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
    mutating func phraseFrequency(_ index: Int, _ slot: Int32) -> Int {
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
}
