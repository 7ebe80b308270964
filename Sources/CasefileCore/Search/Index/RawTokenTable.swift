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
        /// The token's hash with its namespace in bits 1–3 and bit 0 set (0: empty).
        var tag: UInt64 = 0
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        /// Length in bytes, then the term id in the upper half.
        var lengthAndTerm: UInt64 = 0
    }

    private var slots: [Slot]
    private var arena: [UInt8] = []
    private(set) var count = 0

    /// The inline capacity; longer tokens are compared in the arena.
    static let inline = 16

    /// An empty table with room for about `capacity` tokens before it grows.
    init(capacity: Int = 2048) {
        var size = 1 << 12
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
    }

    @inline(__always)
    private static func tag(_ key: ByteHash.Key, _ namespace: Namespace) -> UInt64 {
        key.hash & ~0xF | UInt64(namespace.rawValue) << 1 | 1
    }

    @inline(__always)
    private static func home(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash >> 20) & mask
    }

    /// Loads the slot where `key` will be looked up, so that the cache misses of a run of
    /// lookups overlap instead of coming one after the other (memory-level parallelism:
    /// the table is far larger than the caches). Returns a value only so that the load
    /// is not optimised away.
    @inline(__always)
    func touch(_ key: ByteHash.Key) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[Self.home(key.hash, $0.count - 1)].lengthAndTerm }
    }

    /// Touches the slots of all `tokens` of `bytes` (see `touch(_:)`).
    func touch(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> UInt64 {
        var sink: UInt64 = 0
        for token in tokens { sink ^= touch(ByteHash.key(bytes, Int(token.bodyStart), Int(token.end))) }
        return sink
    }

    /// The term of the token, if it was seen before.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ namespace: Namespace) -> Int32? {
        find(ByteHash.key(bytes, start, end), namespace, bytes, start, end)
    }

    /// The term of the token whose key is `key`, if it was seen before.
    @inline(__always)
    func find(_ key: ByteHash.Key, _ namespace: Namespace, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int,
              _ end: Int) -> Int32? {
        let (slot, found) = position(key, namespace, bytes, start, end)
        return found ? Int32(truncatingIfNeeded: slots[slot].lengthAndTerm >> 32) : nil
    }

    /// Remembers a token not yet in the table.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ namespace: Namespace,
                         term id: Int32) {
        insert(ByteHash.key(bytes, start, end), namespace, bytes, start, end, term: id)
    }

    /// Remembers a token not yet in the table, by its key.
    mutating func insert(_ key: ByteHash.Key, _ namespace: Namespace, _ bytes: UnsafeBufferPointer<UInt8>,
                         _ start: Int, _ end: Int, term id: Int32) {
        let (slot, found) = position(key, namespace, bytes, start, end)
        if found { return }
        let length = end - start
        var stored = Slot(tag: Self.tag(key, namespace), word0: key.word0, word1: key.word1,
                          lengthAndTerm: UInt64(UInt32(truncatingIfNeeded: length))
                              | UInt64(UInt32(bitPattern: id)) << 32)
        if length > Self.inline {
            stored.word0 = UInt64(arena.count)
            arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        slots[slot] = stored
        count += 1
        // Up to three quarters full: a smaller table stays in cache better than short
        // probe runs would save (a run of two slots is one cache line).
        if count * 4 > slots.count * 3 { grow() }
    }

    /// Calls `body` with every token held: its bytes, namespace and term (for saving the
    /// index; the order is the table's).
    func forEachToken(_ body: (UnsafeBufferPointer<UInt8>, Namespace, Int32) -> Void) {
        var inline = [UInt8](repeating: 0, count: Self.inline)
        for slot in slots where slot.tag != 0 {
            let length = Int(slot.lengthAndTerm & 0xFFFF_FFFF)
            let term = Int32(truncatingIfNeeded: slot.lengthAndTerm >> 32)
            let namespace = Namespace(rawValue: UInt8((slot.tag >> 1) & 0x7)) ?? .word
            if length <= Self.inline {
                withUnsafeBytes(of: slot.word0.littleEndian) { inline.replaceSubrange(0..<8, with: $0) }
                withUnsafeBytes(of: slot.word1.littleEndian) { inline.replaceSubrange(8..<16, with: $0) }
                inline.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<length]), namespace, term) }
            } else {
                arena.withUnsafeBufferPointer { stored in
                    let start = Int(slot.word0)
                    body(UnsafeBufferPointer(rebasing: stored[start..<(start + length)]), namespace, term)
                }
            }
        }
    }

    /// Replaces every stored term id `t` by `map[t]`.
    mutating func remapTerms(_ map: [Int32]) {
        slots.withUnsafeMutableBufferPointer { table in
            for index in table.indices where table[index].tag != 0 {
                let old = Int(table[index].lengthAndTerm >> 32)
                table[index].lengthAndTerm = table[index].lengthAndTerm & 0xFFFF_FFFF
                    | UInt64(UInt32(bitPattern: map[old])) << 32
            }
        }
    }

    @inline(__always)
    private func position(_ key: ByteHash.Key, _ namespace: Namespace, _ bytes: UnsafeBufferPointer<UInt8>,
                          _ start: Int, _ end: Int) -> (Int, Bool) {
        let length = UInt64(UInt32(truncatingIfNeeded: end - start))
        let tag = Self.tag(key, namespace)
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var slot = Self.home(key.hash, mask)
            while true {
                let candidate = table[slot]
                if candidate.tag == 0 { return (slot, false) }
                if candidate.tag == tag && candidate.lengthAndTerm & 0xFFFF_FFFF == length {
                    if length <= UInt64(Self.inline) {
                        if candidate.word0 == key.word0 && candidate.word1 == key.word1 { return (slot, true) }
                    } else if sameBytes(Int(candidate.word0), bytes, start, end - start) {
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
        slots.withUnsafeMutableBufferPointer { table in
            for slot in old where slot.tag != 0 {
                var index = Self.home(slot.tag, mask)
                while table[index].tag != 0 { index = (index + 1) & mask }
                table[index] = slot
            }
        }
    }
}
