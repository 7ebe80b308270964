/// An open-addressing hash table from a 64-bit hash to record numbers, with the key
/// comparison left to the caller: the keys are byte ranges of a mapped file, so no
/// `String` is made for each of a million Ids.
struct RecordTable {
    private var slots: [Int32]
    private var hashes: [UInt64]
    private let mask: Int

    /// A table sized for `expected` records (at most half full).
    init(expected: Int) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The first record stored under `hash` for which `matches` holds.
    func find(_ hash: UInt64, where matches: (Int32) -> Bool) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            if hashes[slot] == hash, matches(slots[slot]) { return slots[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `record` under `hash` (several records may share a hash).
    mutating func insert(_ hash: UInt64, _ record: Int32) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = record
        hashes[slot] = hash
    }

    /// A well-spread hash of a byte range (FNV-1a, then a final mix so the low bits,
    /// which pick the slot, depend on every byte).
    static func hash(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        var hash = ContentHash.of(UnsafeBufferPointer(start: base + start, count: count))
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
