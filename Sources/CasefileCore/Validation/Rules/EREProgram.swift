/// A POSIX extended regular expression compiled into a Thompson NFA program, matched by
/// `EREProgram.search` in time linear in the value (O(value × program)), never by
/// backtracking: `(a+)+$` on a long line of `a`s costs what `a+$` costs. glibc's
/// `regexec` is quadratic there and exponential with back-references, so a hostile
/// recfile could make `check` run for ever.
///
/// The syntax is glibc's ERE (what recutils compiles with `REG_EXTENDED`): `.`, `[…]` with
/// ranges, negation and `[:class:]`, `^ $` anchors, `* + ? {m} {m,} {m,n}`, `|`, `( )`,
/// `\` escaping a special character, GNU's `\w \W \s \S \b \B \< \>`. Back-references
/// (`\1`…`\9`) are refused: no bound on work makes them safe. `.` and `[^…]` match a
/// newline, `^` and `$` only the value's start and end, as without `REG_NEWLINE`.
struct EREProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(UInt32)
        case any
        case set(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case assert(Assertion)
        case match
    }

    enum Assertion: Sendable {
        case start, end, wordBoundary, notWordBoundary, wordStart, wordEnd
    }

    /// A bracket expression: ranges and classes, perhaps negated.
    struct ScalarSet: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var classes: [String] = []
        var negated = false

        func contains(_ s: UInt32) -> Bool {
            var found = ranges.contains { $0.contains(s) } || classes.contains { EREProgram.isInClass(s, $0) }
            if negated { found.toggle() }
            return found
        }
    }

    /// Why a pattern was not compiled.
    struct Failure: Error, Sendable {
        let message: String
    }

    /// The most instructions a pattern may compile to (`a{1000}{1000}` would be a million).
    static let maxInstructions = 20_000

    let instructions: [Instruction]

    /// Compiles `pattern`.
    init(_ pattern: String) throws(Failure) {
        var parser = EREParser(Array(pattern.unicodeScalars.map(\.value)))
        let tree = try parser.parseWhole()
        var emitter = EREEmitter()
        try emitter.emit(tree)
        emitter.append(.match)
        instructions = emitter.program
    }

    static func isWord(_ s: UInt32) -> Bool {
        // ASCII without a property lookup (the Unicode tables are the slow part).
        if s < 0x80 { return s == 0x5F || (s >= 0x30 && s <= 0x39) || ((s | 0x20) >= 0x61 && (s | 0x20) <= 0x7A) }
        return isInClass(s, "alnum")
    }

    static func isInClass(_ s: UInt32, _ name: String) -> Bool {
        guard let scalar = Unicode.Scalar(s) else { return false }
        let p = scalar.properties
        switch name {
        case "alpha": return p.isAlphabetic
        case "digit": return s >= 0x30 && s <= 0x39
        case "alnum": return p.isAlphabetic || (s >= 0x30 && s <= 0x39) || p.numericType == .decimal
        case "upper": return p.isUppercase
        case "lower": return p.isLowercase
        case "space": return p.isWhitespace
        case "blank": return s == 0x20 || s == 0x09 || (p.isWhitespace && p.generalCategory == .spaceSeparator)
        case "punct": return s < 0x80 ? (s > 0x20 && s < 0x7F && !isInClass(s, "alnum")) : p.generalCategory.isPunctuation
        case "print": return s >= 0x20 && s != 0x7F && !(0x80...0x9F).contains(s)
        case "graph": return s > 0x20 && s != 0x7F && !(0x80...0x9F).contains(s) && !p.isWhitespace
        case "cntrl": return s < 0x20 || s == 0x7F || (0x80...0x9F).contains(s)
        case "xdigit": return (s >= 0x30 && s <= 0x39) || (s >= 0x41 && s <= 0x46) || (s >= 0x61 && s <= 0x66)
        default: return false
        }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default: return false
        }
    }
}
