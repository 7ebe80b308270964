/// A parsed search query. See `parse(_:)` for the language.
public struct SearchQuery: Sendable, CustomStringConvertible {
    /// The text the query was parsed from.
    public let text: String
    /// The query as a tree.
    let root: QueryNode

    /// Parses `text`:
    /// - words must all match (`esimov lunch`); `a OR b` either; `( … )` groups;
    /// - `"exact phrase"`: the words next to each other (still folded);
    /// - `-word`, `-"phrase"`, `-kind:quote`: exclude;
    /// - `prefix*`: words starting so (`Есим*`);
    /// - `#hashtag`, `@mention`: those tokens only;
    /// - `=word`, `="phrase"`: no folding for that part (case is still ignored);
    /// - filters: `kind:post`, `lang:ru`, `author:@extremkz` (or an Id), `tag:detained`,
    ///   `by:"Global Voices"`, `date:2014-02-01..2014-02-10` (`date:2014-02`, `date:..2014`,
    ///   `date:2014-02-05..`), `has:translation`, `missing:translation`.
    ///
    /// A control character (NUL, ESC, …) separates words, as it does in the text searched:
    /// read as part of a word it made the index and the scan disagree.
    public static func parse(_ text: String) throws(QueryError) -> SearchQuery {
        var parser = QueryParser(separatingControls(text))
        return SearchQuery(text: text, root: try parser.parseQuery())
    }

    /// `text` with each control character (other than the whitespace ones) replaced by a
    /// space, so that columns stay where they were.
    static func separatingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) ? " " : scalar) }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && !scalar.properties.isWhitespace
    }

    /// A normalised rendering of the tree, for tests and debugging (`AND(esimov, OR(a, b))`).
    public var description: String { root.description }

    /// Whether the query has a part that scores (a word or phrase outside an exclusion);
    /// a query of filters only lists its hits by kind and Id.
    var isScored: Bool { root.hasPositiveTerm }
}

/// A node of a parsed query.
indirect enum QueryNode: Sendable, CustomStringConvertible {
    /// All must match.
    case all([QueryNode])
    /// Any must match.
    case any([QueryNode])
    /// Must not match.
    case not(QueryNode)
    /// A word, prefix or phrase.
    case term(QueryTerm)
    /// A field filter.
    case filter(QueryFilter)

    var description: String {
        switch self {
        case .all(let nodes): return "AND(" + nodes.map(\.description).joined(separator: ", ") + ")"
        case .any(let nodes): return "OR(" + nodes.map(\.description).joined(separator: ", ") + ")"
        case .not(let node): return "NOT(" + node.description + ")"
        case .term(let term): return term.description
        case .filter(let filter): return filter.description
        }
    }

    var hasPositiveTerm: Bool {
        switch self {
        case .all(let nodes), .any(let nodes): return nodes.contains { $0.hasPositiveTerm }
        case .not: return false
        case .term: return true
        case .filter: return false
        }
    }
}

/// A word, prefix, hashtag, mention or phrase as the user typed it.
struct QueryTerm: Sendable, CustomStringConvertible {
    /// The text (without quotes, sigil-less only for phrases).
    var text: String
    /// Whether it was quoted.
    var isPhrase: Bool
    /// Whether it ended in `*`.
    var isPrefix: Bool
    /// Whether it was marked `=` (no folding).
    var isExact: Bool
    /// Its 1-based column in the query.
    var column: Int

    var description: String {
        (isExact ? "=" : "") + (isPhrase ? "\"\(text)\"" : text) + (isPrefix ? "*" : "")
    }
}
