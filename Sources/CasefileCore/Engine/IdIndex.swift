/// All Ids in byte order, for prefix lookups (`extremkz-2014` → the posts of that year)
/// and completion, in O(log n) per lookup.
///
/// A sorted array plus a small unsorted tail of recent additions: an insert appends to
/// the tail, and the tail is merged in once it holds 1,024 Ids, so inserts stay cheap on
/// a million entries. Removed Ids are filtered against the case at lookup.
final class IdIndex: CaseObserver {
    private var sorted: [String]
    private var recent: [String] = []
    private static let mergeThreshold = 1024

    init(caseFile: CaseFile) {
        // Each kind's Ids are already in order (a canonical file is sorted): merge them
        // instead of sorting a million strings.
        var lists = Kind.identified.map { caseFile.orderedIds(of: $0)[...] }
        var merged: [String] = []
        merged.reserveCapacity(caseFile.entries.count)
        while true {
            var best = -1
            for index in lists.indices {
                guard let candidate = lists[index].first else { continue }
                if best < 0 || ByteOrder.less(candidate, lists[best].first ?? "") { best = index }
            }
            guard best >= 0, let next = lists[best].popFirst() else { break }
            merged.append(next)
        }
        sorted = merged
    }

    /// The Ids starting with `prefix` that still exist in `caseFile`, in order, at most `limit`.
    func ids(withPrefix prefix: String, in caseFile: CaseFile, limit: Int = 50) -> [String] {
        var found: [String] = []
        var index = lowerBound(prefix)
        while index < sorted.count, found.count < limit, sorted[index].hasPrefix(prefix) {
            if caseFile[sorted[index]] != nil { found.append(sorted[index]) }
            index += 1
        }
        for id in recent where id.hasPrefix(prefix) && caseFile[id] != nil && !found.contains(id) {
            found.append(id)
        }
        return Array(found.sorted(by: ByteOrder.less).prefix(limit))
    }

    func caseDidChange(_ change: Change, in caseFile: CaseFile) {
        guard case let .entry(old, new) = change, let new, old?.id != new.id else { return }
        recent.append(new.id)
        if recent.count >= Self.mergeThreshold { mergeRecent(caseFile) }
    }

    private func mergeRecent(_ caseFile: CaseFile) {
        let fresh = recent.sorted(by: ByteOrder.less)
        recent.removeAll()
        var result: [String] = []
        result.reserveCapacity(sorted.count + fresh.count)
        var i = 0
        var j = 0
        while i < sorted.count || j < fresh.count {
            let takeOld = j == fresh.count || (i < sorted.count && ByteOrder.less(sorted[i], fresh[j]))
            let id = takeOld ? sorted[i] : fresh[j]
            if takeOld { i += 1 } else { j += 1 }
            if result.last != id, caseFile[id] != nil { result.append(id) }
        }
        sorted = result
    }

    private func lowerBound(_ prefix: String) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if ByteOrder.less(sorted[middle], prefix) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
