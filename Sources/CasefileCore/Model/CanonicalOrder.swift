/// Keeps a collection's keys in canonical order without sorting everything on each save:
/// the keys as loaded (already sorted in a canonical file) plus the keys added since,
/// merged at save time. Sorting a million strings costs over a second; merging costs a scan.
public struct CanonicalOrder<Key: Hashable & Sendable & CanonicallyOrdered>: Sendable {
    private var base: [Key] = []
    /// The keys added since, in the order added. A key removed and put back is listed again,
    /// and one may also be in `base`: the merge drops the repeats. A list, not a set: an
    /// append costs no hashing, and every command of a replay adds something.
    private var added: [Key] = []

    /// An empty order.
    public init() {}

    /// Starts from keys in load order, sorting them only when they are not sorted already.
    public init(loaded keys: [Key]) {
        var sorted = true
        var index = 1
        while index < keys.count {
            if !Key.precedes(keys[index - 1], keys[index]) { sorted = false; break }
            index += 1
        }
        base = sorted ? keys : keys.sorted(by: Key.precedes)
    }

    /// Starts from keys known to be sorted already.
    init(sorted keys: [Key]) { base = keys }

    /// Notes that `key` was added (or may have been re-added) since load.
    public mutating func noteAdded(_ key: Key) { added.append(key) }

    /// How many additions are kept apart before they are merged into the sorted keys:
    /// lookups scan them, merging costs a pass over all keys. An eighth of the keys (at
    /// least 4,096) keeps both bounded: a merge every n/8 additions is O(1) amortised per
    /// add, and a prefix lookup scans at most n/8 recent keys. On a loaded million-entry
    /// case thousands of adds never trigger a merge.
    var mergeThreshold: Int { max(4096, base.count / 8) }

    /// Merges the keys added since load into the sorted keys once there are many of them
    /// (which also bounds the list when the same keys are removed and added again and again).
    mutating func compactIfLarge() {
        if added.count >= mergeThreshold { merge() }
    }

    /// For keys never looked up by prefix (links, notes): merges only once the list of added
    /// keys is longer than twice the `present` keys, which only repeats (keys removed and
    /// added again) can make it. The list stays bounded, and a replay that only adds never
    /// merges before its save, which sorts the added keys anyway.
    mutating func compactIfRepeated(present: Int) {
        if added.count >= max(4096, 2 * present) { merge() }
    }

    private mutating func merge() {
        base = candidates()
        added.removeAll(keepingCapacity: true)
    }

    /// The keys for which `isPresent` holds, in canonical order.
    public func ordered(isPresent: (Key) -> Bool) -> [Key] {
        candidates().filter(isPresent)
    }

    /// The keys in canonical order without checking that they are still present: the loaded
    /// keys merged with those added since, each once. Cheaper than `ordered` when the caller
    /// looks each key up anyway (the writer): no lookups here, and none at all of `added`
    /// when nothing was added.
    func candidates() -> [Key] {
        if added.isEmpty { return base }
        // Positions are sorted, not the keys: a merge sort moves its elements many times,
        // and moving or copying a key of several strings costs a retain and a release of each.
        let fresh: [Key] = added.withUnsafeBufferPointer { keys in
            guard let base = keys.baseAddress else { return [] }
            // Most pairs differ in the first bytes of their first part, compared as two
            // integers; only the rest are compared whole (which copies both keys).
            var positions = keys.indices.map { (prefix: base[$0].orderPrefix, index: $0) }
            positions.sort { a, b in
                a.prefix != b.prefix ? a.prefix < b.prefix : Key.precedes(base[a.index], base[b.index])
            }
            return positions.map { base[$0.index] }
        }
        var result: [Key] = []
        result.reserveCapacity(base.count + fresh.count)
        var i = 0
        var j = 0
        // `base` is strictly ascending, so a repeat is a fresh key equal to the one before
        // it, or a loaded key equal to a fresh one just taken.
        var lastWasFresh = false
        while i < base.count || j < fresh.count {
            if j == fresh.count || (i < base.count && Key.precedes(base[i], fresh[j])) {
                if lastWasFresh, let last = result.last, !Key.precedes(last, base[i]) {
                    i += 1
                    continue
                }
                result.append(base[i])
                i += 1
                lastWasFresh = false
            } else {
                if let last = result.last, !Key.precedes(last, fresh[j]) {
                    j += 1
                    continue
                }
                result.append(fresh[j])
                j += 1
                lastWasFresh = true
            }
        }
        return result
    }
}

extension CanonicalOrder where Key == String {
    /// The keys starting with `prefix` (present or not: the caller checks), sorted keys
    /// by binary search, then the recent additions.
    func keys(withPrefix prefix: String, limit: Int) -> [String] {
        var low = 0
        var high = base.count
        while low < high {
            let middle = (low + high) / 2
            if ByteOrder.less(base[middle], prefix) { low = middle + 1 } else { high = middle }
        }
        var found: [String] = []
        while low < base.count, found.count < limit, base[low].hasPrefix(prefix) {
            found.append(base[low])
            low += 1
        }
        for key in added where key.hasPrefix(prefix) && !found.contains(key) { found.append(key) }
        return found
    }
}
