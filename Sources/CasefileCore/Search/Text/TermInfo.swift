/// Which sort of token a term is. A query word is matched only against terms of its own
/// namespace: `#Есимов` finds hashtags, `Есимов` finds words (hashtags' words included).
enum Namespace: UInt8, CaseIterable, Sendable {
    /// A word of text, a name, an alias.
    case word = 0
    /// `#hashtag` (its words are also indexed as words).
    case hashtag
    /// `@mention` or a person's handle.
    case mention
    /// A `Tag:` value, whole (for `tag:`).
    case tag
    /// A word of a translator's name (for `by:`).
    case by

    /// The number of namespaces.
    static let count = 5
}

/// The script of a term, which decides whether a typo may be forgiven across it.
enum Script: UInt8, Sendable {
    /// Latin letters (with or without diacritics), perhaps with digits.
    case latin
    /// At least one Cyrillic letter.
    case cyrillic
    /// Letters of another script.
    case other
    /// Digits only: never stemmed, never fuzzy.
    case number
}

/// What search knows about one distinct token: its normal form and its folding keys.
/// Computed once per distinct token and cached, never per occurrence.
struct TermInfo: Sendable, Hashable {
    /// NFKC, case-folded, invisible characters removed; no `#`/`@` sigil. Exact search
    /// compares this.
    var surface: String
    /// The namespace.
    var namespace: Namespace
    /// The script.
    var script: Script
    /// The number of Unicode scalars in `surface` (its letters, near enough).
    var length: Int
    /// The folding keys of the whole word (`FoldKey`), one per reading of an ambiguity.
    var fullKeys: [String]
    /// The folding keys of its inflection stems (Cyrillic words only), minus `fullKeys`.
    var stemKeys: [String]
    /// The folding keys of a Latin word's other readings (`CrossReading`: French
    /// transcription), minus `fullKeys`: compared with Cyrillic words only.
    var crossKeys: [String] = []
    /// The keys of those readings' inflection stems, minus the keys above.
    var crossStemKeys: [String] = []

    /// Every key, full ones first.
    var allKeys: [String] { stemKeys.isEmpty ? fullKeys : fullKeys + stemKeys }
}
