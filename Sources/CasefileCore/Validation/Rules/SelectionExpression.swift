/// A recutils selection expression (manual, "Selection Expressions"), as `%constraint:`
/// declares them: literals, field names (`Name`, `Name[1]`, `Name.sub`), `#Name` counts,
/// arithmetic `+ - * / %`, string concatenation `&`, comparisons `= != < > <= >=`,
/// regular expression matches `~`, date comparisons `<< >> ==`, logic `! && || =>`,
/// `cond ? a : b` and parentheses.
///
/// The grammar and precedence are recutils 1.9's: `&&`, `||` and `=>` share one level and
/// group left to right. Parsing is bounded: an expression nested deeper than `maxDepth`
/// is refused, so no input can exhaust the stack.
struct SelectionExpression: Sendable {
    /// A field reference.
    struct Name: Sendable, Hashable {
        /// The field name (`Name_sub` for `Name.sub`).
        var field: String
        /// The explicit `[N]` index, if any.
        var index: Int?
    }

    indirect enum Node: Sendable {
        case int(Int)
        case real(Double)
        case string(String)
        case name(Name)
        case count(Name)
        case not(Node)
        case binary(BinaryOperator, Node, Node)
        case conditional(Node, Node, Node)
    }

    enum BinaryOperator: Sendable {
        case add, subtract, multiply, divide, modulo, concat
        case equal, notEqual, less, greater, lessOrEqual, greaterOrEqual, match
        case before, after, sameTime
        case and, or, implies
    }

    /// How deep an expression may nest.
    static let maxDepth = 200

    /// The expression tree (nil for an empty expression, which selects nothing).
    let root: Node?
    /// The field names the expression reads without an index (the ones a repeated field
    /// is tried value by value for).
    let names: Set<String>

    /// Parses `text`; throws a `SelectionExpression.SyntaxError` saying where it fails.
    init(_ text: String) throws {
        var parser = Parser(tokens: try Lexer.tokens(of: text))
        root = try parser.parseExpression()
        names = parser.names
    }

    /// A syntax error: what and at which character (1-based) of the expression.
    struct SyntaxError: Error, Sendable, Equatable {
        var message: String
        var offset: Int
    }
}
