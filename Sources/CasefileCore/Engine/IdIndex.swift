/// All Ids in byte order, for prefix lookups (`extremkz-2014` → the posts of that year)
/// and completion.
///
/// A sorted list cut into chunks of at most `chunkLimit` Ids: a lookup is a binary search
/// over the chunks and then within one, an insert or a removal moves at most one chunk's
/// elements (and, on a split, the small list of chunks). So every change costs
/// microseconds on a million entries, with no periodic rebuild.
final class IdIndex: CaseObserver {
    private var chunks: [[String]] = []
    private static let chunkLimit = 1024

    init(caseFile: CaseFile) {
        // One sort of every Id (the per-kind canonical orders would sort them once more).
        var all = Array(caseFile.entries.keys)
        all.sort(by: ByteOrder.less)
        let half = Self.chunkLimit / 2
        var start = 0
        while start < all.count {
            let end = min(all.count, start + half)
            chunks.append(Array(all[start..<end]))
            start = end
        }
    }

    /// How many Ids the index holds.
    var count: Int { chunks.reduce(0) { $0 + $1.count } }

    /// The Ids starting with `prefix`, in order, at most `limit`.
    func ids(withPrefix prefix: String, in caseFile: CaseFile, limit: Int = 50) -> [String] {
        var found: [String] = []
        var chunk = firstChunk(notBefore: prefix)
        guard chunk < chunks.count else { return [] }
        var index = Self.lowerBound(prefix, in: chunks[chunk])
        while chunk < chunks.count, found.count < limit {
            let ids = chunks[chunk]
            while index < ids.count, found.count < limit {
                guard ids[index].hasPrefix(prefix) else { return found }
                found.append(ids[index])
                index += 1
            }
            chunk += 1
            index = 0
        }
        return found
    }

    func caseDidChange(_ change: Change, in caseFile: CaseFile) {
        guard case let .entry(old, new) = change else { return }
        if let old, old.id != new?.id { remove(old.id) }
        if let new, new.id != old?.id { insert(new.id) }
    }

    func caseWasReplaced(_ caseFile: CaseFile) {}

    private func insert(_ id: String) {
        if chunks.isEmpty {
            chunks = [[id]]
            return
        }
        let chunk = min(firstChunk(notBefore: id), chunks.count - 1)
        let index = Self.lowerBound(id, in: chunks[chunk])
        if index < chunks[chunk].count, chunks[chunk][index] == id { return }
        chunks[chunk].insert(id, at: index)
        if chunks[chunk].count > Self.chunkLimit {
            let upper = Array(chunks[chunk][(Self.chunkLimit / 2)...])
            chunks[chunk].removeLast(upper.count)
            chunks.insert(upper, at: chunk + 1)
        }
    }

    private func remove(_ id: String) {
        let chunk = firstChunk(notBefore: id)
        guard chunk < chunks.count else { return }
        let index = Self.lowerBound(id, in: chunks[chunk])
        guard index < chunks[chunk].count, chunks[chunk][index] == id else { return }
        chunks[chunk].remove(at: index)
        if chunks[chunk].isEmpty { chunks.remove(at: chunk) }
    }

    /// The first chunk whose last Id is not before `key` (chunks.count when there is none).
    private func firstChunk(notBefore key: String) -> Int {
        var low = 0
        var high = chunks.count
        while low < high {
            let middle = (low + high) / 2
            if let last = chunks[middle].last, ByteOrder.less(last, key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func lowerBound(_ key: String, in ids: [String]) -> Int {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ByteOrder.less(ids[middle], key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
