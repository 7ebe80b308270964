/// Where each entry's record lies in a case file, so that the next save copies the bytes
/// of the entries that did not change instead of writing them again.
///
/// Two sources fill it. The writer records where it put each record of a file it wrote:
/// a record's bytes depend on the entry alone (its comments, Id and fields, in the
/// canonical form), so an entry equal to the one written has the same bytes (`verified`).
/// The reader records where each record of a file it read starts, in a file whose Ids are
/// in canonical order; whether such a record is in the canonical form is not known until
/// a save compares it with its entry (`RecordReuse.canonicalLength`), so no hand-made
/// record is ever copied as it stands.
public struct WrittenRecords: Sendable {
    /// Per identified kind (in `Kind.identified` order), the Ids in file order (ascending).
    var ids: [[String]]
    /// The offset of each one's record (its first byte), parallel to `ids`.
    var starts: [[Int]]
    /// The offset just past each one's record (its last newline), parallel to `ids`, when
    /// the writer wrote them; empty for a file that was read.
    var ends: [[Int]]
    /// Whether the records are known to be in the canonical form (the writer wrote them).
    let verified: Bool

    /// How many of these records were copied from an older file rather than written.
    public internal(set) var copied = 0

    /// An empty list for the writer to fill.
    init() {
        ids = Array(repeating: [], count: Kind.identified.count)
        starts = ids.map { _ in [] }
        ends = starts
        verified = true
    }

    /// The records of a file that was read, by kind ordinal (`Kind.ordinal`): kinds whose
    /// Ids are not in canonical order are left out (the writer could not find them in turn).
    init(loadedIds: [[String]], offsets: [[Int]]) {
        let kept = Kind.identified.map { kind in
            ByteOrder.isStrictlyAscending(loadedIds[kind.ordinal]) ? loadedIds[kind.ordinal] : []
        }
        ids = kept
        starts = Kind.identified.enumerated().map { number, kind in kept[number].isEmpty ? [] : offsets[kind.ordinal] }
        ends = kept.map { _ in [] }
        verified = false
    }

    /// Notes that the writer put `id`'s record (kind number `kind`) at `range`.
    mutating func append(_ id: String, kind: Int, range: Range<Int>) {
        ids[kind].append(id)
        starts[kind].append(range.lowerBound)
        ends[kind].append(range.upperBound)
    }

    /// The number of records whose place is known.
    public var count: Int { ids.reduce(0) { $0 + $1.count } }
}
