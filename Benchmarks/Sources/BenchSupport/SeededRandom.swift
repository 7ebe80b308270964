import Foundation

import CasefileTestSupport

/// The benchmarks use the tests' seeded generator (SplitMix64): the same seed gives the
/// same case, script and queries on every run and every machine.
public typealias SeededRandom = SeededGenerator

extension SeededGenerator {
    /// A number in `0..<n` (`n` > 0).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// A number in `range` (not empty).
    public mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True `percent` times in a hundred.
    public mutating func percent(_ percent: Int) -> Bool { below(100) < percent }
}

/// Samples indexes `0..<count` with Zipf-like frequencies (index k about 1/(k+1) as often
/// as index 0), as words occur in real text.
public struct Zipf: Sendable {
    private let cumulative: [Double]

    /// Frequencies for `count` items.
    public init(count: Int, exponent: Double = 1.0) {
        var total = 0.0
        var list: [Double] = []
        list.reserveCapacity(count)
        for k in 0..<count {
            total += 1 / pow(Double(k + 1), exponent)
            list.append(total)
        }
        cumulative = list.map { $0 / total }
    }

    /// One index, drawn with `random`.
    /// - Complexity: O(log count).
    public func sample(_ random: inout SeededRandom) -> Int {
        let u = Double(random.next() >> 11) / Double(1 << 53)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
