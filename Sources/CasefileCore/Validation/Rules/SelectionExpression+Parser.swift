extension SelectionExpression {
    /// Recursive descent over the precedence levels, with every node's depth counted so
    /// that neither parsing nor evaluation can recurse deeper than `maxDepth`.
    struct Parser {
        let tokens: [(token: Token, offset: Int)]
        var position = 0
        var nesting = 0
        var names: Set<String> = []

        init(tokens: [(token: Token, offset: Int)]) { self.tokens = tokens }

        static let levels: [[(String, BinaryOperator)]] = [
            [("&&", .and), ("||", .or), ("=>", .implies)],
            [("=", .equal), ("!=", .notEqual), ("<", .less), (">", .greater), ("<=", .lessOrEqual),
             (">=", .greaterOrEqual)],
            [("==", .sameTime), ("<<", .before), (">>", .after)],
            [("+", .add), ("-", .subtract)],
            [("*", .multiply), ("/", .divide), ("%", .modulo), ("~", .match)],
            [("&", .concat)],
        ]

        mutating func parseExpression() throws -> Node? {
            guard !tokens.isEmpty else { return nil }
            let (node, _) = try parseConditional()
            if position < tokens.count {
                throw SyntaxError(message: "unexpected \(describe(tokens[position].token))", offset: tokens[position].offset)
            }
            return node
        }

        private var offset: Int { position < tokens.count ? tokens[position].offset : (tokens.last?.offset ?? 0) + 1 }

        private mutating func enter() throws {
            nesting += 1
            if nesting > maxDepth { throw SyntaxError(message: "the expression is nested too deeply", offset: offset) }
        }

        private func checked(_ depth: Int) throws -> Int {
            if depth > maxDepth { throw SyntaxError(message: "the expression is nested too deeply", offset: offset) }
            return depth
        }

        private mutating func take(_ symbol: String) -> Bool {
            guard position < tokens.count, tokens[position].token == .symbol(symbol) else { return false }
            position += 1
            return true
        }

        private mutating func parseConditional() throws -> (Node, Int) {
            try enter()
            defer { nesting -= 1 }
            let (condition, depth) = try parseLevel(0)
            guard take("?") else { return (condition, depth) }
            let (then, thenDepth) = try parseConditional()
            guard take(":") else { throw SyntaxError(message: "expected ':' after the '?' branch", offset: offset) }
            let (otherwise, otherDepth) = try parseConditional()
            return (.conditional(condition, then, otherwise), try checked(max(depth, thenDepth, otherDepth) + 1))
        }

        private mutating func parseLevel(_ level: Int) throws -> (Node, Int) {
            if level == Self.levels.count { return try parseUnary() }
            var (left, depth) = try parseLevel(level + 1)
            while position < tokens.count, case .symbol(let symbol) = tokens[position].token,
                  let found = Self.levels[level].first(where: { $0.0 == symbol }) {
                let operatorOffset = tokens[position].offset
                position += 1
                let (right, rightDepth) = try parseLevel(level + 1)
                if found.1 == .match, isIntLiteral(left) || isIntLiteral(right) {
                    throw SyntaxError(message: "'~' matches strings, not integer literals", offset: operatorOffset)
                }
                left = .binary(found.1, left, right)
                depth = try checked(max(depth, rightDepth) + 1)
            }
            return (left, depth)
        }

        private func isIntLiteral(_ node: Node) -> Bool {
            if case .int = node { return true }
            return false
        }

        private mutating func parseUnary() throws -> (Node, Int) {
            try enter()
            defer { nesting -= 1 }
            guard position < tokens.count else { throw SyntaxError(message: "the expression ends too early", offset: offset) }
            let (token, tokenOffset) = tokens[position]
            position += 1
            switch token {
            case .int(let value): return (.int(value), 1)
            case .real(let value): return (.real(value), 1)
            case .string(let value): return (.string(value), 1)
            case .name(let name):
                if name.index == nil { names.insert(name.field) }
                return (.name(name), 1)
            case .symbol("!"):
                let (operand, depth) = try parseUnary()
                return (.not(operand), try checked(depth + 1))
            case .symbol("#"):
                guard position < tokens.count, case .name(let name) = tokens[position].token else {
                    throw SyntaxError(message: "'#' counts a field: write #Name", offset: tokenOffset)
                }
                position += 1
                return (.count(name), 1)
            case .symbol("("):
                let inner = try parseConditional()
                guard take(")") else { throw SyntaxError(message: "expected ')'", offset: offset) }
                return inner
            default:
                throw SyntaxError(message: "unexpected \(describe(token))", offset: tokenOffset)
            }
        }

        private func describe(_ token: Token) -> String {
            switch token {
            case .int(let value): return "number \(value)"
            case .real(let value): return "number \(value)"
            case .string: return "string"
            case .name(let name): return "name '\(name.field)'"
            case .symbol(let symbol): return "'\(symbol)'"
            }
        }
    }
}
