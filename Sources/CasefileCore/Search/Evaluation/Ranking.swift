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

    /// The indices of the best `limit` of `scores` under `before` (which must order by
    /// score first), in order. Finds the k-th best score with a pass over plain numbers,
    /// then ranks only the candidates at or above it: most never reach the comparator.
    static func top(scores: [Double], limit: Int?, before: (Int, Int) -> Bool) -> [Int] {
        guard let limit, scores.count > limit else { return Array(scores.indices).sorted(by: before) }
        guard limit > 0 else { return [] }
        var best: [Double] = []
        best.reserveCapacity(limit + 1)
        for score in scores {
            if best.count == limit, let last = best.last, score <= last { continue }
            var position = best.count
            while position > 0 && best[position - 1] < score { position -= 1 }
            best.insert(score, at: position)
            if best.count > limit { best.removeLast() }
        }
        let threshold = best.last ?? 0
        let candidates = scores.indices.filter { scores[$0] >= threshold }
        return top(candidates, limit: limit, before: before)
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
