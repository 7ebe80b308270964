/// Where each entry's record lies in a case file the writer wrote, so that the next save
/// copies the bytes of the entries that did not change instead of writing them again.
///
/// A record's bytes depend on the entry alone (its comments, Id and fields, in the
/// canonical form), so an entry equal to the one written has the same bytes: copying
/// them gives exactly what `CaseWriter.bytes(of:)` gives (a property test compares).
public struct WrittenRecords: Sendable {
    /// Per identified kind (in `Kind.identified` order), the Ids written in file order and
    /// the byte range of each one's record (from its first byte to its last newline).
    var spans: [[(id: String, range: Range<Int>)]]

    /// How many of these records were copied from an older file rather than written.
    public internal(set) var copied = 0

    init() { spans = Array(repeating: [], count: Kind.identified.count) }

    /// The number of records whose place is known.
    public var count: Int { spans.reduce(0) { $0 + $1.count } }
}

/// What a copying save copies from: the bytes of the file last written, where its
/// records are, and which entries changed since.
struct RecordReuse {
    let old: [UInt8]
    let written: WrittenRecords
    /// True for an entry that changed since that file was written (then it is written anew).
    let changed: (String) -> Bool
    /// Per kind, the next place to look in `written.spans` (Ids come in the same order).
    private var cursors: [Int]

    init(old: [UInt8], written: WrittenRecords, changed: @escaping (String) -> Bool) {
        self.old = old
        self.written = written
        self.changed = changed
        cursors = Array(repeating: 0, count: written.spans.count)
    }

    /// The bytes of `id`'s record (kind number `kind`) in the old file, when it is there,
    /// unchanged, and within the old file; both lists are in canonical Id order, so a
    /// cursor finds each one in O(1) amortised.
    mutating func bytes(of id: String, kind: Int) -> ArraySlice<UInt8>? {
        let list = written.spans[kind]
        var cursor = cursors[kind]
        while cursor < list.count && ByteOrder.less(list[cursor].id, id) { cursor += 1 }
        cursors[kind] = cursor
        guard cursor < list.count, list[cursor].id == id, !changed(id) else { return nil }
        let range = list[cursor].range
        guard range.lowerBound >= 0, range.upperBound <= old.count else { return nil }
        return old[range]
    }
}
