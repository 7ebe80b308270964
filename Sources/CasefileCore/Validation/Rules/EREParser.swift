/// A parsed extended regular expression.
indirect enum ERENode {
    case scalar(UInt32)
    case any
    case set(EREProgram.ScalarSet)
    case assert(EREProgram.Assertion)
    case concat([ERENode])
    case alternate([ERENode])
    case repetition(ERENode, min: Int, max: Int?)
}

/// Parses glibc's ERE syntax into `ERENode`s (see `EREProgram`). Nesting is bounded, so
/// a pattern of a million `(` is refused rather than overflowing the stack.
struct EREParser {
    static let maxDepth = 200
    /// POSIX's RE_DUP_MAX, as glibc has it.
    static let maxRepeat = 255

    private let pattern: [UInt32]
    private var index = 0
    private var depth = 0

    init(_ pattern: [UInt32]) { self.pattern = pattern }

    private var current: UInt32? { index < pattern.count ? pattern[index] : nil }

    private func failure(_ message: String) -> EREProgram.Failure { EREProgram.Failure(message: message) }

    mutating func parseWhole() throws(EREProgram.Failure) -> ERENode {
        let node = try alternation()
        if index < pattern.count { throw failure("unmatched ) at character \(index + 1)") }
        return node
    }

    private mutating func alternation() throws(EREProgram.Failure) -> ERENode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw failure("groups nested more than \(Self.maxDepth) deep") }
        var branches = [try concatenation()]
        while current == 0x7C {  // |
            index += 1
            branches.append(try concatenation())
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func concatenation() throws(EREProgram.Failure) -> ERENode {
        var items: [ERENode] = []
        // A `)` closes a group; outside any group it is an ordinary character, as in glibc.
        while let c = current, c != 0x7C, !(c == 0x29 && depth > 1) {
            items.append(try repeated())
        }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func repeated() throws(EREProgram.Failure) -> ERENode {
        var node = try atom()
        if case .assert = node, let c = current, [0x2A, 0x2B, 0x3F, 0x7B].contains(c) {
            throw failure("nothing before \(String(UnicodeScalar(UInt8(c)))) to repeat (an anchor cannot be repeated)")
        }
        while let c = current {
            switch c {
            case 0x2A: index += 1; node = .repetition(node, min: 0, max: nil)  // *
            case 0x2B: index += 1; node = .repetition(node, min: 1, max: nil)  // +
            case 0x3F: index += 1; node = .repetition(node, min: 0, max: 1)  // ?
            case 0x7B:  // {m,n}
                let (low, high) = try interval()
                node = .repetition(node, min: low, max: high)
            default: return node
            }
        }
        return node
    }

    /// `{m}`, `{m,}`, `{m,n}` at `index` (glibc refuses a `{` that begins no interval).
    private mutating func interval() throws(EREProgram.Failure) -> (Int, Int?) {
        var k = index + 1
        func number() -> Int? {
            var value: Int?
            while k < pattern.count, pattern[k] >= 0x30, pattern[k] <= 0x39 {
                value = min((value ?? 0) * 10 + Int(pattern[k] - 0x30), 100_000)
                k += 1
            }
            return value
        }
        guard let low = number() else { throw failure("a { that begins no interval {m,n}") }
        var high: Int? = low
        if k < pattern.count, pattern[k] == 0x2C {
            k += 1
            high = number()
        }
        guard k < pattern.count, pattern[k] == 0x7D else { throw failure("an interval {m,n} without its }") }
        if low > Self.maxRepeat || (high ?? 0) > Self.maxRepeat {
            throw failure("a repeat count above \(Self.maxRepeat)")
        }
        if let high, high < low { throw failure("an interval {\(low),\(high)} whose maximum is below its minimum") }
        index = k + 1
        return (low, high)
    }

    private mutating func atom() throws(EREProgram.Failure) -> ERENode {
        guard let c = current else { throw failure("the pattern ends where something was expected") }
        index += 1
        switch c {
        case 0x28:  // (
            let inner = index < pattern.count && pattern[index] == 0x29 ? ERENode.concat([]) : try alternation()
            guard current == 0x29 else { throw failure("unmatched (") }
            index += 1
            return inner
        case 0x2E: return .any
        case 0x5B: return .set(try bracket())
        case 0x5E: return .assert(.start)
        case 0x24: return .assert(.end)
        case 0x2A, 0x2B, 0x3F, 0x7B: throw failure("nothing before \(String(UnicodeScalar(UInt8(c)))) to repeat")
        case 0x5C: return try escape()
        default: return .scalar(c)
        }
    }

    private mutating func escape() throws(EREProgram.Failure) -> ERENode {
        guard let c = current else { throw failure("a trailing backslash") }
        index += 1
        switch c {
        case 0x31...0x39: throw failure("back-references (\\\(c - 0x30)) are not supported: they can take exponential time")
        case 0x77: return .set(EREProgram.ScalarSet(ranges: [0x5F...0x5F], classes: ["alnum"]))  // \w
        case 0x57: return .set(EREProgram.ScalarSet(ranges: [0x5F...0x5F], classes: ["alnum"], negated: true))  // \W
        case 0x73: return .set(EREProgram.ScalarSet(classes: ["space"]))  // \s
        case 0x53: return .set(EREProgram.ScalarSet(classes: ["space"], negated: true))  // \S
        case 0x62: return .assert(.wordBoundary)  // \b
        case 0x42: return .assert(.notWordBoundary)  // \B
        case 0x3C: return .assert(.wordStart)  // \<
        case 0x3E: return .assert(.wordEnd)  // \>
        case 0x60: return .assert(.start)  // \`
        case 0x27: return .assert(.end)  // \'
        default: return .scalar(c)
        }
    }

    /// A bracket expression after its `[`: `]` first is literal, `\` is literal, `a-z`
    /// ranges, `[:class:]`, `[=c=]` and `[.c.]` (single characters).
    private mutating func bracket() throws(EREProgram.Failure) -> EREProgram.ScalarSet {
        var set = EREProgram.ScalarSet()
        if current == 0x5E { set.negated = true; index += 1 }
        var first = true
        while true {
            guard let c = current else { throw failure("unmatched [") }
            if c == 0x5D && !first { index += 1; return set }
            first = false
            var low = c
            index += 1
            if c == 0x5B, let kind = current, kind == 0x3A || kind == 0x3D || kind == 0x2E {
                let start = index + 1
                var k = start
                while k + 1 < pattern.count, !(pattern[k] == kind && pattern[k + 1] == 0x5D) { k += 1 }
                guard k + 1 < pattern.count else { throw failure("unmatched [\(String(UnicodeScalar(UInt8(kind))))") }
                let name = String(String.UnicodeScalarView(pattern[start..<k].compactMap(Unicode.Scalar.init)))
                index = k + 2
                if kind == 0x3A {
                    guard ["alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "print", "graph", "cntrl",
                           "xdigit"].contains(name) else { throw failure("unknown character class [:\(name):]") }
                    set.classes.append(name)
                    continue
                }
                guard k - start == 1 else { throw failure("[\(String(UnicodeScalar(UInt8(kind))))…] names more than one character") }
                low = pattern[start]
            }
            if current == 0x2D, index + 1 < pattern.count, pattern[index + 1] != 0x5D {
                let high = pattern[index + 1]
                index += 2
                guard low <= high else { throw failure("a range whose end comes before its start") }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
    }
}

/// Turns `ERENode`s into `EREProgram` instructions, within `EREProgram.maxInstructions`.
struct EREEmitter {
    var program: [EREProgram.Instruction] = []

    mutating func append(_ instruction: EREProgram.Instruction) {
        program.append(instruction)
    }

    private mutating func checked() throws(EREProgram.Failure) {
        if program.count > EREProgram.maxInstructions {
            throw EREProgram.Failure(message: "the pattern is too large (over \(EREProgram.maxInstructions) steps once its repeats are written out)")
        }
    }

    mutating func emit(_ node: ERENode) throws(EREProgram.Failure) {
        try checked()
        switch node {
        case .scalar(let s): append(.scalar(s))
        case .any: append(.any)
        case .set(let set): append(.set(set))
        case .assert(let kind): append(.assert(kind))
        case .concat(let items): for item in items { try emit(item) }
        case .alternate(let branches):
            var jumps: [Int] = []
            for (number, branch) in branches.enumerated() {
                if number < branches.count - 1 {
                    let split = program.count
                    append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(program.count)
                    append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case let .repetition(body, low, high):
            for _ in 0..<low { try emit(body) }
            guard let high else {
                let loop = program.count
                append(.split(loop + 1, 0))
                try emit(body)
                append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
                return
            }
            var splits: [Int] = []
            for _ in low..<max(low, high) {
                splits.append(program.count)
                append(.split(program.count + 1, 0))
                try emit(body)
            }
            for split in splits { program[split] = .split(split + 1, program.count) }
        }
        try checked()
    }
}
