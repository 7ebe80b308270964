/// The postings of every term: `slot << 32 | weight << 28 | position`, sorted by slot.
///
/// A case loaded from disk is indexed in bulk into one flat array, term after term
/// (compressed sparse rows: 8 bytes a posting, no per-term allocation). Postings added
/// afterwards, one command at a time, go to small per-term arrays; slots only grow, so a
/// term's bulk postings all precede its later ones and both parts stay sorted.
struct PostingStore {
    /// Per term: where its bulk postings start in `base` (one more entry than terms).
    private(set) var baseStart: [Int32] = [0]
    /// The bulk postings, grouped by term.
    private(set) var base: [UInt64] = []
    /// Per term: postings added since the bulk build.
    private var delta: [ContiguousArray<UInt64>] = []

    /// The number of postings of `term`.
    @inline(__always)
    func count(_ term: Int32) -> Int {
        let t = Int(term)
        let bulk = t + 1 < baseStart.count ? Int(baseStart[t + 1] - baseStart[t]) : 0
        return bulk + (t < delta.count ? delta[t].count : 0)
    }

    /// The number of postings held.
    var totalCount: Int { base.count + delta.reduce(0) { $0 + $1.count } }

    /// Makes room for terms up to `termCount`.
    mutating func reserveTerms(_ termCount: Int) {
        if delta.count < termCount { delta.append(contentsOf: repeatElement([], count: termCount - delta.count)) }
    }

    /// Adds one posting (postings of one term must come in slot order).
    @inline(__always)
    mutating func append(_ term: Int32, _ posting: UInt64) {
        delta[Int(term)].append(posting)
    }

    /// Replaces everything by bulk postings read back from a saved index: `baseStart` has
    /// one more entry than terms, starts at 0 and never decreases, and ends at `base.count`
    /// (the caller checked).
    mutating func install(baseStart: [Int32], base: [UInt64]) {
        self.baseStart = baseStart
        self.base = base
        delta = Array(repeating: [], count: baseStart.count - 1)
    }

    /// Replaces everything by the postings of a bulk build, given in parts: part `k`'s
    /// `postings[i]` belongs to term `termOf[terms[i]]`; within a part, and from one part
    /// to the next, postings come in slot order. A stable counting sort by term, each
    /// part filled by its own thread. Returns each term's document frequency.
    mutating func loadBulk(parts: [(terms: [Int32], postings: [UInt64], termOf: [Int32])],
                           termCount: Int) -> [Int32] {
        // Where each part's postings of each term go: the term's start, plus what the
        // parts before it hold of that term.
        let counts = Parallel.map(parts.count) { k -> [Int32] in
            var counts = [Int32](repeating: 0, count: termCount)
            let termOf = parts[k].termOf
            counts.withUnsafeMutableBufferPointer { counts in
                for local in parts[k].terms { counts[Int(termOf[Int(local)])] += 1 }
            }
            return counts
        }
        var start = [Int32](repeating: 0, count: termCount + 1)
        var cursors = counts
        for t in 0..<termCount {
            var position = start[t]
            for k in parts.indices {
                cursors[k][t] = position
                position += counts[k][t]
            }
            start[t + 1] = position
        }
        let total = Int(start[termCount])
        baseStart = start
        base = Array(unsafeUninitializedCapacity: total) { buffer, made in
            let flat = buffer
            _ = Parallel.map(parts.count) { k -> Int in
                var cursor = cursors[k]
                let termOf = parts[k].termOf
                let postings = parts[k].postings
                cursor.withUnsafeMutableBufferPointer { cursor in
                    for (i, local) in parts[k].terms.enumerated() {
                        let t = Int(termOf[Int(local)])
                        flat.initializeElement(at: Int(cursor[t]), to: postings[i])
                        cursor[t] += 1
                    }
                }
                return 0
            }
            made = total
        }
        delta = Array(repeating: [], count: termCount)
        let bulk = base
        let frequencyParts = Parallel.parts(for: termCount, minimum: 20_000)
        return Parallel.map(frequencyParts) { part in
            bulk.withUnsafeBufferPointer { list in
                Parallel.range(part, of: frequencyParts, count: termCount).map { t in
                    var last: UInt64 = .max
                    var count: Int32 = 0
                    for i in Int(start[t])..<Int(start[t + 1]) where list[i] >> 32 != last {
                        count += 1
                        last = list[i] >> 32
                    }
                    return count
                }
            }
        }.flatMap { $0 }
    }

    /// Calls `body` with every posting of `term`, in slot order.
    @inline(__always)
    func forEach(_ term: Int32, _ body: (UInt64) -> Void) {
        let t = Int(term)
        if t + 1 < baseStart.count {
            base.withUnsafeBufferPointer { list in
                for i in Int(baseStart[t])..<Int(baseStart[t + 1]) { body(list[i]) }
            }
        }
        if t < delta.count {
            delta[t].withUnsafeBufferPointer { list in
                for posting in list { body(posting) }
            }
        }
    }

    /// Calls `body` with each posting of `term` in `slot` (binary search for the run).
    func forEach(_ term: Int32, inSlot slot: Int32, _ body: (UInt64) -> Void) {
        let key = UInt64(UInt32(bitPattern: slot)) << 32
        let t = Int(term)
        func scan(_ list: UnsafeBufferPointer<UInt64>, _ from: Int, _ to: Int) {
            var low = from
            var high = to
            while low < high {
                let middle = (low + high) >> 1
                if list[middle] < key { low = middle + 1 } else { high = middle }
            }
            while low < to && list[low] >> 32 == key >> 32 {
                body(list[low])
                low += 1
            }
        }
        if t + 1 < baseStart.count {
            base.withUnsafeBufferPointer { scan($0, Int(baseStart[t]), Int(baseStart[t + 1])) }
        }
        if t < delta.count {
            delta[t].withUnsafeBufferPointer { scan($0, 0, $0.count) }
        }
    }

    /// Where `term`'s bulk postings are in `base`.
    @inline(__always)
    func baseRange(_ term: Int32) -> Range<Int> {
        let t = Int(term)
        return t + 1 < baseStart.count ? Int(baseStart[t])..<Int(baseStart[t + 1]) : 0..<0
    }

    /// `term`'s postings added since the bulk build.
    @inline(__always)
    func later(_ term: Int32) -> ContiguousArray<UInt64> {
        Int(term) < delta.count ? delta[Int(term)] : []
    }

    /// Drops the postings of slots `isDead` says are dead, folding everything into bulk form.
    mutating func compact(isDead: (Int) -> Bool) {
        let termCount = delta.count
        var start = [Int32](repeating: 0, count: termCount + 1)
        var flat: [UInt64] = []
        flat.reserveCapacity(base.count)
        for t in 0..<termCount {
            forEach(Int32(t)) { posting in
                if !isDead(Int(posting >> 32)) { flat.append(posting) }
            }
            start[t + 1] = Int32(flat.count)
        }
        baseStart = start
        base = flat
        delta = Array(repeating: [], count: termCount)
    }
}

/// A position in one term's postings that only moves forward: asked for ascending slots,
/// it gallops from where it stopped instead of searching the whole list each time.
struct PostingCursor {
    let term: Int32
    private var base: Range<Int>
    private var later = 0
    private var lastSlot: Int32 = -1

    init(_ term: Int32, in store: PostingStore) {
        self.term = term
        base = store.baseRange(term)
    }

    /// Calls `body` with each posting of the term in `slot`.
    mutating func forEach(inSlot slot: Int32, of store: PostingStore, _ body: (UInt64) -> Void) {
        if slot < lastSlot {  // asked out of order: start again
            base = store.baseRange(term)
            later = 0
        }
        lastSlot = slot
        let key = UInt64(UInt32(bitPattern: slot)) << 32
        store.base.withUnsafeBufferPointer { list in
            base = Self.visit(list, from: base.lowerBound, to: base.upperBound, key: key, body)..<base.upperBound
        }
        store.later(term).withUnsafeBufferPointer { list in
            later = Self.visit(list, from: later, to: list.count, key: key, body)
        }
    }

    /// Gallops to the first posting at or after `key` in `list[from..<to]`, calls `body`
    /// for those of that slot, and returns where to start next time.
    @inline(__always)
    private static func visit(_ list: UnsafeBufferPointer<UInt64>, from: Int, to: Int, key: UInt64,
                              _ body: (UInt64) -> Void) -> Int {
        guard from < to, list[to - 1] >= key else { return to }
        var low = from
        var step = 1
        while low + step < to && list[low + step] < key { low += step; step <<= 1 }
        var high = min(low + step, to)
        while low < high {
            let middle = (low + high) >> 1
            if list[middle] < key { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < to && list[index] >> 32 == key >> 32 {
            body(list[index])
            index += 1
        }
        return index
    }
}
