#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A hash table from a token's raw bytes (and namespace) to its term id, laid out for the
/// hot path: one slot holds the hash, up to 16 bytes of the token inline, its length and
/// its term, so that a lookup of a usual word costs one cache line and no comparison
/// through memory elsewhere. Longer tokens keep their bytes in an arena.
struct RawTokenTable {
    private struct Slot {
        var hash: UInt64 = 0
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        /// Length in bytes (0: empty), then the term id in the upper half.
        var lengthAndTerm: UInt64 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1 << 12)
    private var arena: [UInt8] = []
    private(set) var count = 0

    /// The inline capacity; longer tokens are compared in the arena.
    static let inline = 16

    /// A token's hash and its first 16 bytes as two words, computed in one pass.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                    _ namespace: Namespace) -> (hash: UInt64, word0: UInt64, word1: UInt64) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (UInt64(namespace.rawValue) &* 0x100_0000_01b3)
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        var index = start
        while index < end {
            let byte = UInt64(bytes[index])
            hash = (hash ^ byte) &* 0x100_0000_01b3
            let offset = index - start
            if offset < 8 { word0 |= byte << (8 * UInt64(offset)) } else if offset < 16 { word1 |= byte << (8 * UInt64(offset - 8)) }
            index += 1
        }
        return (hash | 1, word0, word1)  // never 0, so 0 can mean empty
    }

    /// Touches the slots where `tokens` of `bytes` will be looked up, all at once, so that
    /// their cache misses overlap instead of coming one after the other (memory-level
    /// parallelism: a lookup's cost is one miss to main memory, the table being far
    /// larger than the caches). Returns a value only so the loads are not optimised away.
    func touch(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> UInt64 {
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { table in
            var sink: UInt64 = 0
            for token in tokens {
                let start = Int(token.bodyStart)
                let end = Int(token.end)
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (UInt64(token.namespace.rawValue) &* 0x100_0000_01b3)
                var index = start
                while index < end {
                    hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
                    index += 1
                }
                hash |= 1
                sink ^= table[Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask].lengthAndTerm
            }
            return sink
        }
    }

    /// The term of the token, if it was seen before.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ namespace: Namespace) -> Int32? {
        let key = Self.key(bytes, start, end, namespace)
        let (slot, found) = position(key, bytes, start, end)
        return found ? Int32(truncatingIfNeeded: slots[slot].lengthAndTerm >> 32) : nil
    }

    /// Remembers a token not yet in the table.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ namespace: Namespace,
                         term id: Int32) {
        let key = Self.key(bytes, start, end, namespace)
        let (slot, found) = position(key, bytes, start, end)
        if found { return }
        let length = end - start
        var stored = Slot(hash: key.hash, word0: key.word0, word1: key.word1,
                          lengthAndTerm: UInt64(length) | UInt64(UInt32(bitPattern: id)) << 32)
        if length > Self.inline {
            stored.word0 = UInt64(arena.count)
            arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        slots[slot] = stored
        count += 1
        if count * 2 > slots.count { grow() }
    }

    @inline(__always)
    private func position(_ key: (hash: UInt64, word0: UInt64, word1: UInt64), _ bytes: UnsafeBufferPointer<UInt8>,
                          _ start: Int, _ end: Int) -> (Int, Bool) {
        let length = UInt64(end - start)
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { table in
            var slot = Int(truncatingIfNeeded: key.hash ^ (key.hash >> 29)) & mask
            while true {
                let candidate = table[slot]
                if candidate.lengthAndTerm == 0 { return (slot, false) }
                if candidate.hash == key.hash && candidate.lengthAndTerm & 0xFFFF_FFFF == length {
                    if length <= UInt64(Self.inline) {
                        if candidate.word0 == key.word0 && candidate.word1 == key.word1 { return (slot, true) }
                    } else if sameBytes(Int(candidate.word0), bytes, start, Int(length)) {
                        return (slot, true)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func sameBytes(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return arena.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + offset, base + start, length) == 0
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.lengthAndTerm != 0 {
            var index = Int(truncatingIfNeeded: slot.hash ^ (slot.hash >> 29)) & mask
            while slots[index].lengthAndTerm != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
