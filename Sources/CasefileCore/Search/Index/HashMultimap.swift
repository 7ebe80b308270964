/// A multimap from 64-bit hashes to small integers: open addressing over flat arrays,
/// values chained through `next`. One allocation for millions of entries, and no
/// re-hashing of keys that are hashes already.
struct HashMultimap {
    private var keys: [UInt64] = Array(repeating: 0, count: 1024)
    private var heads: [Int32] = Array(repeating: -1, count: 1024)
    private var values: [Int32] = []
    private var next: [Int32] = []
    private var used = 0

    /// An empty multimap.
    init() {}

    /// The number of entries.
    var count: Int { values.count }

    @inline(__always)
    private func position(_ hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: ((hash ^ (hash >> 31)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & (keys.count - 1)
        while heads[slot] >= 0 && keys[slot] != hash { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    /// Adds `value` under `hash`.
    mutating func insert(_ hash: UInt64, _ value: Int32) {
        let slot = position(hash)
        values.append(value)
        next.append(heads[slot])
        if heads[slot] < 0 {
            keys[slot] = hash
            used += 1
        }
        heads[slot] = Int32(values.count - 1)
        if used * 2 > keys.count { grow() }
    }

    /// Calls `body` with every value under `hash` (most recent first).
    func forEach(_ hash: UInt64, _ body: (Int32) -> Void) {
        var node = heads[position(hash)]
        while node >= 0 {
            body(values[Int(node)])
            node = next[Int(node)]
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldHeads = heads
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        heads = Array(repeating: -1, count: oldKeys.count * 2)
        for index in oldKeys.indices where oldHeads[index] >= 0 {
            let slot = position(oldKeys[index])
            keys[slot] = oldKeys[index]
            heads[slot] = oldHeads[index]
        }
    }

    /// FNV-1a of `bytes`, salted so that different uses of one table do not collide.
    static func hash<C: Collection>(_ bytes: C, salt: UInt64 = 0) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
