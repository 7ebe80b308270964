/// Set operations on ascending slot arrays.
enum SortedSlots {
    /// The first index in `list` whose slot is not below `slot`.
    static func position(of slot: Int32, in list: [Int32], from start: Int = 0) -> Int {
        var low = start
        var high = list.count
        while low < high {
            let middle = (low + high) >> 1
            if list[middle] < slot { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var result: [Int32] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { result.append(a[i]); i += 1 } else if b[j] < a[i] { result.append(b[j]); j += 1 } else {
                result.append(a[i]); i += 1; j += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }

    /// `a ∩ b`; binary searches through `b` when it is much longer than `a`.
    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        if b.count > a.count * 8 {
            var from = 0
            for slot in a {
                from = position(of: slot, in: b, from: from)
                if from == b.count { break }
                if b[from] == slot { result.append(slot) }
            }
            return result
        }
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if b[j] < a[i] { j += 1 } else { result.append(a[i]); i += 1; j += 1 }
        }
        return result
    }

    /// `a − b`.
    static func difference(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var j = 0
        for slot in a {
            j = position(of: slot, in: b, from: j)
            if j == b.count || b[j] != slot { result.append(slot) }
        }
        return result
    }
}
