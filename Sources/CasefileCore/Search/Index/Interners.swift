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
    private var table = StringKeyTable()

    /// The id of `text`, if it has one.
    func existing(_ text: String) -> Int32? { table.find(text) { strings[Int($0)] == text } }

    /// The id of `text`, assigning one if it is new.
    mutating func id(_ text: String) -> Int32 {
        if let id = existing(text) { return id }
        let id = Int32(strings.count)
        strings.append(text)
        table.set(text, id) { _ in false }
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
