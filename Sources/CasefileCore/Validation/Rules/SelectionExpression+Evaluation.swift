import Foundation

extension SelectionExpression {
    /// A value during evaluation: recutils' three kinds.
    enum Value {
        case int(Int)
        case real(Double)
        case string(String)
    }

    /// Evaluation failed (a string that is not a number in arithmetic, division by zero,
    /// a value that is not a date): recutils then takes the expression as false.
    struct EvaluationFailure: Error {}

    /// A `~` gave up within the check's `RegexBudget`: the record is neither in nor out.
    struct RegexGaveUp: Error {
        let pattern: String
    }

    /// Whether the record whose fields are `fields` satisfies the expression, with
    /// recutils' rule for repeated fields: when the first values do not satisfy it, each
    /// value of each repeated field the expression names is tried in turn. Throws when a
    /// `~` gave up without an answer.
    func isSatisfied(by fields: [Field], cache: EvaluationCache) throws(RegexGaveUp) -> Bool {
        guard let root else { return false }
        func holds(_ context: Context) throws(RegexGaveUp) -> Bool {
            do { return try context.truth(root) } catch let gaveUp as RegexGaveUp { throw gaveUp } catch { return false }
        }
        if try holds(Context(fields: fields, varied: nil, cache: cache)) { return true }
        for name in names {
            let values = fields.filter { $0.name == name }
            guard values.count > 1 else { continue }
            for value in values where try holds(Context(fields: fields, varied: (name, value.value), cache: cache)) {
                return true
            }
        }
        return false
    }

    struct Context {
        let fields: [Field]
        /// One repeated field bound to one of its values (the others are as in the record).
        let varied: (name: String, value: String)?
        let cache: EvaluationCache

        func truth(_ node: Node) throws -> Bool {
            if case .int(let value) = try evaluate(node) { return value != 0 }
            return false
        }

        func evaluate(_ node: Node) throws -> Value {
            switch node {
            case .int(let value): return .int(value)
            case .real(let value): return .real(value)
            case .string(let value): return .string(value)
            case .name(let name): return .string(lookup(name))
            case .count(let name):
                if let varied, varied.name == name.field { return .int(1) }
                return .int(fields.reduce(0) { $0 + ($1.name == name.field ? 1 : 0) })
            case .not(let operand): return .int(try integer(try evaluate(operand)) == 0 ? 1 : 0)
            case .conditional(let condition, let then, let otherwise):
                let chosen = try integer(try evaluate(condition)) != 0
                let thenValue = try evaluate(then)
                let otherValue = try evaluate(otherwise)
                return chosen ? thenValue : otherValue
            case .binary(let op, let left, let right):
                return try apply(op, try evaluate(left), try evaluate(right))
            }
        }

        private func lookup(_ name: Name) -> String {
            if name.index == nil, let varied, varied.name == name.field { return varied.value }
            var seen = 0
            let wanted = name.index ?? 0
            for field in fields where field.name == name.field {
                if seen == wanted { return field.value }
                seen += 1
            }
            return ""
        }

        private func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
            switch op {
            case .and: return .int(try integer(a) != 0 && integer(b) != 0 ? 1 : 0)
            case .or: return .int(try integer(a) != 0 || integer(b) != 0 ? 1 : 0)
            case .implies: return .int(try integer(a) == 0 || integer(b) != 0 ? 1 : 0)
            case .concat:
                guard case .string(let x) = a, case .string(let y) = b else { throw EvaluationFailure() }
                return .string(x + y)
            case .match:
                guard case .string(let text) = a, case .string(let pattern) = b,
                      let regex = cache.regex(pattern) else { throw EvaluationFailure() }
                switch regex.match(text, budget: cache.budget) {
                case .matched: return .int(1)
                case .notMatched: return .int(0)
                case .gaveUp: throw RegexGaveUp(pattern: pattern)
                }
            case .equal, .notEqual:
                if case .string(let x) = a, case .string(let y) = b {
                    return .int((x == y) == (op == .equal) ? 1 : 0)
                }
                let same = try isReal(a, b) ? try real(a) == real(b) : try integer(a) == integer(b)
                return .int(same == (op == .equal) ? 1 : 0)
            case .less, .greater, .lessOrEqual, .greaterOrEqual:
                let order: Int
                if try isReal(a, b) {
                    let x = try real(a), y = try real(b)
                    order = x < y ? -1 : (x > y ? 1 : 0)
                } else {
                    let x = try integer(a), y = try integer(b)
                    order = x < y ? -1 : (x > y ? 1 : 0)
                }
                switch op {
                case .less: return .int(order < 0 ? 1 : 0)
                case .greater: return .int(order > 0 ? 1 : 0)
                case .lessOrEqual: return .int(order <= 0 ? 1 : 0)
                default: return .int(order >= 0 ? 1 : 0)
                }
            case .before, .after, .sameTime:
                guard case .string(let x) = a, case .string(let y) = b,
                      let first = cache.seconds(x), let second = cache.seconds(y) else { throw EvaluationFailure() }
                switch op {
                case .before: return .int(first < second ? 1 : 0)
                case .after: return .int(first > second ? 1 : 0)
                default: return .int(first == second ? 1 : 0)
                }
            case .add, .subtract, .multiply, .divide, .modulo:
                if op != .modulo, try isReal(a, b) {
                    let x = try real(a), y = try real(b)
                    switch op {
                    case .add: return .real(x + y)
                    case .subtract: return .real(x - y)
                    case .multiply: return .real(x * y)
                    default: return .real(x / y)
                    }
                }
                let x = Int32(truncatingIfNeeded: try integer(a)), y = Int32(truncatingIfNeeded: try integer(b))
                switch op {
                case .add: return .int(Int(x &+ y))
                case .subtract: return .int(Int(x &- y))
                case .multiply: return .int(Int(x &* y))
                case .divide:
                    guard y != 0, !(x == .min && y == -1) else { throw EvaluationFailure() }
                    return .int(Int(x / y))
                default:
                    guard y != 0, !(x == .min && y == -1) else { throw EvaluationFailure() }
                    return .int(Int(x % y))
                }
            }
        }

        /// A value as an integer ("" is 0; another string must spell an integer).
        private func integer(_ value: Value) throws -> Int {
            switch value {
            case .int(let number): return number
            case .real(let number):
                guard number.isFinite, abs(number) < 2_147_483_648 else { throw EvaluationFailure() }
                return Int(number)
            case .string(let text):
                if text.isEmpty { return 0 }
                guard let number = RecNumber.int(Self.leadingTrimmed(text)) else { throw EvaluationFailure() }
                return number
            }
        }

        private func real(_ value: Value) throws -> Double {
            switch value {
            case .int(let number): return Double(number)
            case .real(let number): return number
            case .string(let text):
                if text.isEmpty { return 0 }
                guard let number = RecNumber.real(text) else { throw EvaluationFailure() }
                return number
            }
        }

        /// recutils compares as reals when either side is a real, or a string that reads as a
        /// real but not as an integer (and the other side can be read as a number).
        private func isReal(_ a: Value, _ b: Value) throws -> Bool {
            func kind(_ value: Value) -> Int {  // 0 int, 1 real, 2 neither
                switch value {
                case .int: return 0
                case .real: return 1
                case .string(let text):
                    if RecNumber.int(Self.leadingTrimmed(text)) != nil { return 0 }
                    return RecNumber.real(text) != nil ? 1 : 2
                }
            }
            let x = kind(a), y = kind(b)
            return (x == 1 && y != 2) || (y == 1 && x != 2)
        }

        static func leadingTrimmed(_ text: String) -> String {
            guard let first = text.utf8.first, first == 0x20 || first == 0x09 || first == 0x0A else { return text }
            return String(text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }))
        }
    }
}

/// What one check computes once instead of once per record: compiled regular expressions
/// by pattern (a `~` with a literal pattern), the work they may do, and dates outside the
/// ISO forms (`Date << 'tomorrow'`), read against one `now` for the whole check.
final class EvaluationCache {
    private var compiled: [String: PosixRegex?] = [:]
    private var dates: [String: Double?] = [:]
    /// The moment `now`, `today` and `3 days ago` are read against during this check.
    let now = Date().timeIntervalSince1970
    /// The steps matching may take in this check.
    let budget = RegexBudget()

    /// The compiled `pattern`, or nil when it is not a valid regular expression.
    func regex(_ pattern: String) -> PosixRegex? {
        if let found = compiled[pattern] { return found }
        let regex = PosixRegex(pattern)
        if compiled.count < 4_096 { compiled[pattern] = regex }
        return regex
    }

    /// Seconds since 1970 of `text` as the `date` type reads it, or nil when it is no date.
    func seconds(_ text: String) -> Double? {
        if let iso = RecDate.isoSeconds(text) { return iso }
        if let found = dates[text] { return found }
        let value = RecDate.generalSeconds(text, now: now)
        if dates.count < 4_096 { dates[text] = value }
        return value
    }
}
