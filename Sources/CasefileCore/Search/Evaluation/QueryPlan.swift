/// A query made ready to run: each word analysed into `TermPattern`s, each filter kept
/// as a predicate, `--exact` applied. The index and the scan run the same plan.
struct QueryPlan: Sendable {
    /// A node of the plan; `atom` indexes `atoms`.
    indirect enum Node: Sendable {
        case all([Node])
        case any([Node])
        case not(Node)
        case atom(Int)
        /// A field filter: an index into `filters`.
        case predicate(Int)
    }

    /// A word, prefix, hashtag, mention or phrase (or a `tag:`/`by:` filter, which is
    /// matched like one but does not score).
    struct Atom: Sendable {
        /// The words, each with its position relative to the first.
        var parts: [(offset: Int32, pattern: TermPattern)]
        /// Whether it adds to the score (not excluded, not a filter).
        var isScored: Bool
        /// Whether its words must stand next to each other.
        var isPhrase: Bool { parts.count > 1 }
    }

    /// The tree.
    var root: Node
    /// The atoms, in query order (scores are summed in this order).
    var atoms: [Atom] = []
    /// The filters that are predicates (all but `tag:` and `by:`).
    var filters: [QueryFilter] = []
    /// Whether any atom scores; if not, hits are listed by kind and Id.
    var isScored: Bool { atoms.contains(where: \.isScored) }

    /// Compiles `query`; with `exact`, folding is off for every word.
    init(_ query: SearchQuery, exact: Bool) {
        root = .all([])
        var atoms: [Atom] = []
        var filters: [QueryFilter] = []
        root = Self.compile(query.root, exact: exact, negated: false, atoms: &atoms, filters: &filters)
        self.atoms = atoms
        self.filters = filters
    }

    private static func compile(_ node: QueryNode, exact: Bool, negated: Bool, atoms: inout [Atom],
                                filters: inout [QueryFilter]) -> Node {
        switch node {
        case .all(let nodes): return .all(nodes.map { compile($0, exact: exact, negated: negated, atoms: &atoms, filters: &filters) })
        case .any(let nodes): return .any(nodes.map { compile($0, exact: exact, negated: negated, atoms: &atoms, filters: &filters) })
        case .not(let inner): return .not(compile(inner, exact: exact, negated: !negated, atoms: &atoms, filters: &filters))
        case .term(let term):
            let parts = patterns(term.text, exact: exact || term.isExact, prefix: term.isPrefix, override: nil)
            atoms.append(Atom(parts: parts, isScored: !negated))
            return .atom(atoms.count - 1)
        case .filter(.tag(let value)):
            var text = value
            let info = text.withUTF8 { TermAnalyzer.analyze($0, namespace: .tag) }
            atoms.append(Atom(parts: [(0, TermPattern(info: info, isPrefix: false, isExact: true))], isScored: false))
            return .atom(atoms.count - 1)
        case .filter(.by(let value)):
            atoms.append(Atom(parts: patterns(value, exact: exact, prefix: false, override: .by), isScored: false))
            return .atom(atoms.count - 1)
        case .filter(let filter):
            filters.append(filter)
            return .predicate(filters.count - 1)
        }
    }

    /// The patterns of a query word or phrase, tokenised as documents are.
    static func patterns(_ text: String, exact: Bool, prefix: Bool, override: Namespace?) -> [(offset: Int32, pattern: TermPattern)] {
        var copy = text
        return copy.withUTF8 { bytes in
            var tokens: [Token] = []
            var position: Int32 = 0
            Tokenizer.tokenize(bytes, position: &position, into: &tokens)
            var kept: [Token] = []
            var tagEnd: Int32 = -1
            for token in tokens {
                if token.namespace != .word {
                    if override == nil { kept.append(token); tagEnd = token.end }
                } else if token.start >= tagEnd {
                    kept.append(token)
                }
            }
            guard let base = kept.first?.position else { return [] }
            var parts: [(offset: Int32, pattern: TermPattern)] = []
            for (index, token) in kept.enumerated() {
                let body = UnsafeBufferPointer(rebasing: bytes[Int(token.bodyStart)..<Int(token.end)])
                let info = TermAnalyzer.analyze(body, namespace: override ?? token.namespace)
                let pattern = TermPattern(info: info, isPrefix: prefix && index == kept.count - 1, isExact: exact)
                parts.append((token.position - base, pattern))
            }
            return parts
        }
    }
}
