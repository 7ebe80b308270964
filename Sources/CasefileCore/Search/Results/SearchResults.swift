/// A piece of an entry shown with a hit, and where in it the query matched.
public struct Snippet: Sendable, Equatable {
    /// The field it comes from ("Text", "Name", "Note"; "Name" also for a person's
    /// composed name, handles and aliases).
    public let field: String
    /// The text, as stored (newlines included; renderers flatten them).
    public let text: String
    /// The matched words, in order, not overlapping; matches found through
    /// transliteration or inflection are highlighted like any other.
    public let highlights: [Range<String.Index>]

    /// Creates a snippet.
    public init(field: String, text: String, highlights: [Range<String.Index>]) {
        self.field = field
        self.text = text
        self.highlights = highlights
    }

    /// The highlighted words, for tests and summaries.
    public var highlightedWords: [String] { highlights.map { String(text[$0]) } }
}

/// One entry that matched.
public struct SearchHit: Sendable {
    /// The entry's Id.
    public let id: String
    /// Its kind.
    public let kind: Kind
    /// Its BM25 score (0 for a query of filters only).
    public let score: Double
    /// Its Lang, if it has one.
    public let lang: String?
    /// What to show.
    public let snippet: Snippet
    /// For a translation: the Id of its original.
    public let original: String?
    /// For an original: the Ids of its translations, in byte order.
    public let translations: [String]
}

/// The hits of a search, best first, and how many there were in all.
public struct SearchResults: Sendable {
    /// The hits shown (at most the limit asked for).
    public let hits: [SearchHit]
    /// How many entries matched in all.
    public let total: Int

    /// Creates results.
    public init(hits: [SearchHit], total: Int) {
        self.hits = hits
        self.total = total
    }

    /// The Ids of the hits, in order.
    public var ids: [String] { hits.map(\.id) }

    /// "3 hits", "no hits", or "showing 10 of 1,234 hits".
    public var summary: String {
        func count(_ n: Int) -> String { n == 1 ? "1 hit" : "\(n) hits" }
        if total == 0 { return "no hits" }
        if hits.count < total { return "showing \(hits.count) of \(count(total))" }
        return count(total)
    }
}
