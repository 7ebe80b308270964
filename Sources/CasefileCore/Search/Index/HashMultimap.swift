/// A multimap from 64-bit hashes to small integers: open addressing over flat arrays,
/// values chained through `next`. One allocation for millions of entries, and no
/// re-hashing of keys that are hashes already.
///
/// While a case is loaded in bulk, entries are only collected, then radix-sorted into one
/// array (the top 40 bits of the hash and a 24-bit value per 8-byte word) and found by
/// binary search: much cheaper to build than millions of random inserts.
struct HashMultimap {
    private var sorted: [UInt64] = []
    private var pending: [UInt64]?
    private static let valueBits: UInt64 = 24
    private static let valueMask: UInt64 = (1 << valueBits) - 1
    private var keys: [UInt64] = Array(repeating: 0, count: 1024)
    private var heads: [Int32] = Array(repeating: -1, count: 1024)
    private var values: [Int32] = []
    private var next: [Int32] = []
    private var used = 0

    /// An empty multimap.
    init() {}

    /// The number of entries.
    var count: Int { values.count + sorted.count + (pending?.count ?? 0) }

    /// Starts collecting inserts for `endBulk()`.
    mutating func beginBulk() { pending = [] }

    /// Sorts what was collected since `beginBulk()` into the static part.
    mutating func endBulk() {
        guard var list = pending else { return }
        pending = nil
        list.append(contentsOf: sorted)
        RadixSort.sort(&list)
        sorted = list
    }

    @inline(__always)
    private func position(_ hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: ((hash ^ (hash >> 31)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & (keys.count - 1)
        while heads[slot] >= 0 && keys[slot] != hash { slot = (slot + 1) & (keys.count - 1) }
        return slot
    }

    /// Adds `value` under `hash`.
    mutating func insert(_ hash: UInt64, _ value: Int32) {
        if pending != nil && UInt64(value) <= Self.valueMask {
            pending?.append(hash & ~Self.valueMask | UInt64(value))
            return
        }
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

    /// Calls `body` with every value under `hash` (possibly more: check what they stand for).
    func forEach(_ hash: UInt64, _ body: (Int32) -> Void) {
        if !sorted.isEmpty {
            let key = hash & ~Self.valueMask
            sorted.withUnsafeBufferPointer { list in
                var low = 0
                var high = list.count
                while low < high {
                    let middle = (low + high) >> 1
                    if list[middle] < key { low = middle + 1 } else { high = middle }
                }
                while low < list.count && list[low] & ~Self.valueMask == key {
                    body(Int32(truncatingIfNeeded: list[low] & Self.valueMask))
                    low += 1
                }
            }
        }
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

    /// FNV-1a of `bytes` (the same as the generic version, on a buffer).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, salt: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// FNV-1a of `bytes`, salted so that different uses of one table do not collide.
    static func hash<C: Collection>(_ bytes: C, salt: UInt64 = 0) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// Least-significant-digit radix sort of 64-bit words, 16 bits a pass.
enum RadixSort {
    /// Sorts the words ascending.
    static func sort(_ list: inout [UInt64]) {
        // Four passes over 65,536 counters cost more than a comparison sort of a short list.
        guard list.count > 16_384 else { list.sort(); return }
        var buffer = [UInt64](repeating: 0, count: list.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            for i in counts.indices { counts[i] = 0 }
            for value in list { counts[Int((value >> shift) & 0xFFFF)] += 1 }
            var total = 0
            for i in counts.indices {
                let count = counts[i]
                counts[i] = total
                total += count
            }
            list.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { cursor in
                        for value in source {
                            let digit = Int((value >> shift) & 0xFFFF)
                            target[cursor[digit]] = value
                            cursor[digit] += 1
                        }
                    }
                }
            }
            swap(&list, &buffer)
        }
    }
}
