import Foundation
import Testing
@testable import CasefileCore

/// Work split over the cores sees what the caller set for its task: a test's smaller regex
/// budget holds on every core, or a check gives up on one part of a file and not the other.
@Suite struct ParallelTests {
    /// The budget's per-value limit, read after a pause: long enough that the calling
    /// thread cannot run both halves itself before a worker thread takes one.
    static func limitAfterAPause() -> Int {
        usleep(20_000)
        return RegexBudget().valueLimit
    }

    @Test func bothHalvesSeeTheCallersRegexLimits() {
        for _ in 0..<5 {
            let (a, b) = RegexBudget.$testLimits.withValue((total: 7, perValue: 3)) {
                Parallel.both({ Self.limitAfterAPause() }, { Self.limitAfterAPause() })
            }
            #expect(a == 3 && b == 3)
            if a != 3 || b != 3 { return }
        }
    }

    @Test func everyPartSeesTheCallersRegexLimits() {
        let limits = RegexBudget.$testLimits.withValue((total: 7, perValue: 5)) {
            Parallel.map(2) { _ in Self.limitAfterAPause() }
        }
        #expect(limits == [5, 5])
    }

    @Test func partsComeBackInOrder() {
        #expect(Parallel.map(5) { $0 * $0 } == [0, 1, 4, 9, 16])
        #expect(Parallel.both({ "a" }, { 2 }) == ("a", 2))
    }

    @Test func besideReturnsBothAndSeesTheCallersRegexLimits() {
        let (a, b) = RegexBudget.$testLimits.withValue((total: 7, perValue: 4)) {
            Parallel.beside({ Self.limitAfterAPause() }, { Self.limitAfterAPause() })
        }
        #expect(a == 4 && b == 4)
        #expect(Parallel.beside({ "a" }, { 2 }) == ("a", 2))
    }
}

