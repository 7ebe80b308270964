/// One step of an edit script turning a sequence `a` into a sequence `b`.
public enum Edit<Element: Equatable>: Equatable {
    /// The element is in both, at this point of each.
    case same(Element)
    /// The element of `a` is left out.
    case removed(Element)
    /// The element of `b` is put in.
    case added(Element)
}

extension Edit: Sendable where Element: Sendable {}

/// The shortest edit script between two sequences (Myers' O((N+M)·D) algorithm), for
/// fields of a record and lines of a text.
///
/// Common prefix and suffix are trimmed first; when the middle needs more than
/// `maxDifferences` edits, it is given as "all removed, all added" rather than spending
/// quadratic time and memory on a text that was rewritten from scratch.
public enum EditScript {
    /// Beyond this many edits the middle part is replaced wholesale.
    public static let maxDifferences = 1000

    /// The edits turning `a` into `b`.
    public static func diff<T: Equatable>(_ a: [T], _ b: [T]) -> [Edit<T>] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var script: [Edit<T>] = a[..<prefix].map { .same($0) }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        script += middle(middleA, middleB)
        script += a[(a.count - suffix)...].map { .same($0) }
        return script
    }

    /// The old side of a script (what it must be applied to).
    public static func oldSide<T>(_ script: [Edit<T>]) -> [T] {
        script.compactMap { edit in
            switch edit {
            case .same(let x), .removed(let x): return x
            case .added: return nil
            }
        }
    }

    /// The new side of a script (what applying it gives).
    public static func newSide<T>(_ script: [Edit<T>]) -> [T] {
        script.compactMap { edit in
            switch edit {
            case .same(let x), .added(let x): return x
            case .removed: return nil
            }
        }
    }

    private static func middle<T: Equatable>(_ a: [T], _ b: [T]) -> [Edit<T>] {
        if a.isEmpty { return b.map { .added($0) } }
        if b.isEmpty { return a.map { .removed($0) } }
        let n = a.count
        let m = b.count
        let limit = min(n + m, maxDifferences)
        let offset = limit + 1
        // v[k + offset]: the furthest x reached on diagonal k; one copy kept per d to trace back.
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...limit {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset]) {
                    x = v[k + 1 + offset]
                } else {
                    x = v[k - 1 + offset] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[k + offset] = x
                if x >= n && y >= m {
                    found = true
                    break outer
                }
                k += 2
            }
        }
        guard found else { return a.map { .removed($0) } + b.map { .added($0) } }
        // Walk back from (n, m) through the saved frontiers.
        var script: [Edit<T>] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let previous = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && previous[k - 1 + offset] < previous[k + 1 + offset]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : previous[previousK + offset]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                script.append(.same(a[x - 1]))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == previousX {
                    script.append(.added(b[y - 1]))
                    y -= 1
                } else {
                    script.append(.removed(a[x - 1]))
                    x -= 1
                }
            }
        }
        return script.reversed()
    }
}
