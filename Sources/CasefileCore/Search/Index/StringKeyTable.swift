/// An open-addressing table from strings to small integers that does not keep the strings
/// itself: its owner stores them (an interner's list, the index's Id column) and answers
/// whether value `v` stands for a given string. Hashing a string's bytes with `ByteHash`
/// and probing a flat array costs a fraction of `Dictionary<String, Int32>`'s SipHash and
/// buckets, which matters for a million Ids.
struct StringKeyTable {
    /// Per slot: the upper 32 bits of the hash, then the value plus one (0: empty).
    private var slots: [UInt64]
    private(set) var count = 0

    /// An empty table with room for `capacity` strings before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
    }

    @inline(__always)
    private static func fingerprint(_ key: String) -> UInt64 { ByteHash.key(key).hash >> 32 }

    /// The value stored for `key`; `matches(v)` tells whether `v` stands for `key`.
    @inline(__always)
    func find(_ key: String, matches: (Int32) -> Bool) -> Int32? {
        let print = Self.fingerprint(key)
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var index = Int(truncatingIfNeeded: print) & mask
            while table[index] != 0 {
                if table[index] >> 32 == print {
                    let value = Int32(truncatingIfNeeded: (table[index] & 0xFFFF_FFFF) - 1)
                    if matches(value) { return value }
                }
                index = (index + 1) & mask
            }
            return nil
        }
    }

    /// Stores `value` for `key`, returning the value it replaces.
    @discardableResult
    mutating func set(_ key: String, _ value: Int32, matches: (Int32) -> Bool) -> Int32? {
        let print = Self.fingerprint(key)
        let stored = print << 32 | (UInt64(UInt32(bitPattern: value)) + 1)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: print) & mask
        while slots[index] != 0 {
            if slots[index] >> 32 == print {
                let old = Int32(truncatingIfNeeded: (slots[index] & 0xFFFF_FFFF) - 1)
                if matches(old) {
                    slots[index] = stored
                    return old
                }
            }
            index = (index + 1) & mask
        }
        slots[index] = stored
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    /// Removes `key`, returning its value. Later slots of the probe run shift back, so
    /// no tombstones accumulate under churn.
    @discardableResult
    mutating func remove(_ key: String, matches: (Int32) -> Bool) -> Int32? {
        let print = Self.fingerprint(key)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: print) & mask
        while slots[index] != 0 {
            if slots[index] >> 32 == print {
                let value = Int32(truncatingIfNeeded: (slots[index] & 0xFFFF_FFFF) - 1)
                if matches(value) {
                    shiftBack(from: index)
                    count -= 1
                    return value
                }
            }
            index = (index + 1) & mask
        }
        return nil
    }

    private mutating func shiftBack(from start: Int) {
        let mask = slots.count - 1
        var hole = start
        var index = (start + 1) & mask
        while slots[index] != 0 {
            let home = Int(truncatingIfNeeded: slots[index] >> 32) & mask
            // The entry may move into the hole unless its home lies cyclically in (hole, index].
            let distanceToHome = (index - home) & mask
            let distanceToHole = (index - hole) & mask
            if distanceToHome >= distanceToHole {
                slots[hole] = slots[index]
                hole = index
            }
            index = (index + 1) & mask
        }
        slots[hole] = 0
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for stored in old where stored != 0 {
            var index = Int(truncatingIfNeeded: stored >> 32) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = stored
        }
    }
}

/// Entry Ids to index slots, checked against the index's Id column (`slotId`; a slot
/// past its end, one not yet appended, matches nothing).
struct IdSlots {
    private var table: StringKeyTable

    /// An empty map with room for `capacity` Ids.
    init(capacity: Int = 0) { table = StringKeyTable(capacity: capacity) }

    /// The number of Ids mapped.
    var count: Int { table.count }

    /// The slot of `id`.
    @inline(__always)
    func slot(of id: String, ids: [String]) -> Int32? {
        table.find(id) { Int($0) < ids.count && ids[Int($0)] == id }
    }

    /// Maps `id` to `slot`, returning the slot it had (`ids` need not hold `slot` yet).
    @discardableResult
    mutating func set(_ id: String, to slot: Int32, ids: [String]) -> Int32? {
        table.set(id, slot) { Int($0) < ids.count && ids[Int($0)] == id }
    }

    /// Unmaps `id`, returning its slot.
    @discardableResult
    mutating func remove(_ id: String, ids: [String]) -> Int32? {
        table.remove(id) { Int($0) < ids.count && ids[Int($0)] == id }
    }
}
