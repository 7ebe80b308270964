/// A multimap from 64-bit hashes to small integers, as chained nodes in flat arrays:
/// one allocation for millions of entries instead of one array per key.
struct HashMultimap {
    private var heads: [UInt64: Int32] = [:]
    private var values: [Int32] = []
    private var next: [Int32] = []

    /// An empty multimap.
    init() {}

    /// The number of entries.
    var count: Int { values.count }

    /// Adds `value` under `hash`.
    mutating func insert(_ hash: UInt64, _ value: Int32) {
        let node = Int32(values.count)
        values.append(value)
        next.append(heads[hash] ?? -1)
        heads[hash] = node
    }

    /// Calls `body` with every value under `hash` (most recent first).
    func forEach(_ hash: UInt64, _ body: (Int32) -> Void) {
        var node = heads[hash] ?? -1
        while node >= 0 {
            body(values[Int(node)])
            node = next[Int(node)]
        }
    }

    /// FNV-1a of `bytes`, salted so that different uses of one table do not collide.
    static func hash<C: Collection>(_ bytes: C, salt: UInt64 = 0) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
