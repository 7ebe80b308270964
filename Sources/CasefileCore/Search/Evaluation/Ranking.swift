/// Picks the best `limit` of many candidates without sorting them all.
enum Ranking {
    /// The candidates that rank first under `before`, in order; all of them when `limit` is nil.
    static func top<T>(_ candidates: [T], limit: Int?, before: (T, T) -> Bool) -> [T] {
        guard let limit, candidates.count > limit else { return candidates.sorted(by: before) }
        guard limit > 0 else { return [] }
        var best: [T] = []
        best.reserveCapacity(limit + 1)
        for candidate in candidates {
            if best.count == limit, let last = best.last, !before(candidate, last) { continue }
            var low = 0
            var high = best.count
            while low < high {
                let middle = (low + high) / 2
                if before(best[middle], candidate) { low = middle + 1 } else { high = middle }
            }
            best.insert(candidate, at: low)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// The order of hits: higher score first, then kind (people first), then Id bytes.
    @inline(__always)
    static func before(score a: Double, kind ka: Int, id ia: @autoclosure () -> String,
                       score b: Double, kind kb: Int, id ib: @autoclosure () -> String) -> Bool {
        if a != b { return a > b }
        if ka != kb { return ka < kb }
        return ByteOrder.less(ia(), ib())
    }
}
