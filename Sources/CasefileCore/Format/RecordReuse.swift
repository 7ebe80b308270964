/// What a copying save copies from: the bytes of a file read or last written, where its
/// records are, and which entries changed since.
struct RecordReuse {
    /// The old file's bytes; `owner` keeps them mapped.
    let old: UnsafeBufferPointer<UInt8>
    private let owner: AnyObject?
    let written: WrittenRecords
    /// True for an entry that changed since that file was written (then it is written anew);
    /// asked only of a file the writer wrote (one read is compared record by record).
    let changed: (String) -> Bool
    /// Per kind, the next place to look in `written` (Ids come in the same order).
    private var cursors: [Int]
    /// A reused buffer for the fields the comparison encodes.
    var scratch: [UInt8] = []

    /// Copies from `old`, bytes the caller keeps alive while this is used (tests).
    init(old: UnsafeBufferPointer<UInt8>, written: WrittenRecords, changed: @escaping (String) -> Bool) {
        self.init(old: old, owner: nil, written: written, changed: changed)
    }

    /// Copies from the mapped file `file`.
    init(file: MappedFile, written: WrittenRecords, changed: @escaping (String) -> Bool) {
        self.init(old: file.bytes, owner: file, written: written, changed: changed)
    }

    private init(old: UnsafeBufferPointer<UInt8>, owner: AnyObject?, written: WrittenRecords,
                 changed: @escaping (String) -> Bool) {
        self.old = old
        self.owner = owner
        self.written = written
        self.changed = changed
        cursors = Array(repeating: 0, count: written.ids.count)
    }

    /// The bytes of `entry`'s record (kind number `kind`) in the old file, when it is there,
    /// unchanged, within the old file and — for a file that was read — exactly what the
    /// writer writes for it. Both lists are in canonical Id order, so a cursor finds each
    /// one in O(1) amortised.
    mutating func bytes(of entry: Entry, kind: Int) -> UnsafeBufferPointer<UInt8>? {
        let ids = written.ids[kind]
        var cursor = cursors[kind]
        while cursor < ids.count && ByteOrder.less(ids[cursor], entry.id) { cursor += 1 }
        cursors[kind] = cursor
        guard cursor < ids.count, ids[cursor] == entry.id else { return nil }
        let start = written.starts[kind][cursor]
        let end: Int
        if written.verified {
            guard !changed(entry.id) else { return nil }
            end = written.ends[kind][cursor]
        } else {
            // Compared with the entry as it is now: whether it changed needs no lookup.
            guard let length = canonicalLength(of: entry, at: start) else { return nil }
            end = start + length
        }
        guard start >= 0, start <= end, end <= old.count else { return nil }
        return UnsafeBufferPointer(rebasing: old[start..<end])
    }
}
