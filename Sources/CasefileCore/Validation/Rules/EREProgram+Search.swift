extension EREProgram {
    /// What a search found.
    enum Outcome: Equatable, Sendable {
        case matched
        case notMatched
        /// The search stopped after its budget of steps without an answer.
        case gaveUp
    }

    /// Whether the program matches somewhere in `text` (Pike's NFA simulation: every live
    /// state advanced in step, each at most once per character). Stops with `.gaveUp`
    /// after `budget.remaining` steps; spends what it used from `budget`.
    /// - Complexity: O(text × instructions), whatever the pattern.
    func search(_ text: String, budget: RegexBudget) -> Outcome {
        let input = Array(text.unicodeScalars.map(\.value))
        let count = instructions.count
        var current: [Int] = []
        var next: [Int] = []
        current.reserveCapacity(count)
        next.reserveCapacity(count)
        var mark = [Int](repeating: -1, count: count)
        var stack: [Int] = []
        var steps = 0
        let limit = budget.perSearch(remainingTotal: budget.remaining)
        defer { budget.spend(steps) }

        // Adds `pc` and what it reaches without consuming a character, at `position`;
        // true when that reaches `match`.
        func add(_ pc: Int, at position: Int, to list: inout [Int]) -> Bool {
            stack.append(pc)
            while let top = stack.popLast() {
                guard mark[top] != position else { continue }
                mark[top] = position
                steps += 1
                switch instructions[top] {
                case .match:
                    stack.removeAll(keepingCapacity: true)
                    return true
                case .jump(let target): stack.append(target)
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .assert(let kind):
                    if holds(kind, at: position, in: input) { stack.append(top + 1) }
                default: list.append(top)
                }
            }
            return false
        }

        if add(0, at: 0, to: &current) { return .matched }
        var position = 0
        while position < input.count {
            if steps > limit { return .gaveUp }
            let c = input[position]
            next.removeAll(keepingCapacity: true)
            let after = position + 1
            for pc in current {
                let advances: Bool
                switch instructions[pc] {
                case .scalar(let s): advances = s == c
                case .any: advances = true
                case .set(let set): advances = set.contains(c)
                default: advances = false
                }
                steps += 1
                if advances && add(pc + 1, at: after, to: &next) { return .matched }
            }
            // Unanchored: a match may also begin after this character.
            if add(0, at: after, to: &next) { return .matched }
            swap(&current, &next)
            position = after
        }
        return .notMatched
    }

    private func holds(_ kind: Assertion, at position: Int, in input: [UInt32]) -> Bool {
        switch kind {
        case .start: return position == 0
        case .end: return position == input.count
        default: break
        }
        // Word classes need Unicode properties: looked up only for the assertions about words.
        let before = position > 0 && Self.isWord(input[position - 1])
        let after = position < input.count && Self.isWord(input[position])
        switch kind {
        case .start, .end: return false
        case .wordBoundary: return before != after
        case .notWordBoundary: return before == after
        case .wordStart: return !before && after
        case .wordEnd: return before && !after
        }
    }
}

/// The work regular expressions may do in one check: a bound per value and one for the
/// whole check, so that no recfile, however hostile, makes `check` run for ever.
final class RegexBudget: @unchecked Sendable {
    /// Steps one value may take (a 1 MB value against a 20-instruction pattern fits).
    static let perValue = 20_000_000
    /// Steps one whole check may take.
    static let perCheck = 1_000_000_000

    private(set) var remaining: Int
    let valueLimit: Int

    /// Smaller limits for tests, scoped to a task so that tests running beside it keep theirs.
    @TaskLocal static var testLimits: (total: Int, perValue: Int)?

    init(total: Int = RegexBudget.perCheck, perValue: Int = RegexBudget.perValue) {
        remaining = Self.testLimits?.total ?? total
        valueLimit = Self.testLimits?.perValue ?? perValue
    }

    func perSearch(remainingTotal: Int) -> Int { min(valueLimit, max(0, remainingTotal)) }

    func spend(_ steps: Int) { remaining -= steps }
}
