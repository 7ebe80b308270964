/// Supplies tab completions. The shell's command registry implements it; the line editor
/// only applies the answer (insert, list, common prefix).
public protocol Completer: AnyObject {
    /// The completions for the word before `cursor` in `line`. `cursor` counts Characters
    /// (grapheme clusters) from the start of `line`.
    func complete(line: String, cursor: Int) -> Completion
}

/// The answer of a `Completer`: where the word being completed starts and what may replace it.
public struct Completion: Sendable, Equatable {
    /// One possible replacement for the word.
    public struct Candidate: Sendable, Equatable, ExpressibleByStringLiteral {
        /// The text inserted in place of the word, e.g. `aitelenov`.
        public var value: String
        /// The text shown in the list of candidates, e.g. `aitelenov (Nurali Aitelenov)`.
        public var display: String
        /// Whether a space follows when this candidate is inserted alone (false for a
        /// directory such as `Examples/`, where the user goes on typing).
        public var appendsSpace: Bool

        /// A candidate inserting `value`, listed as `display` (default: `value`).
        public init(_ value: String, display: String? = nil, appendsSpace: Bool = true) {
            self.value = value
            self.display = display ?? value
            self.appendsSpace = appendsSpace
        }

        /// A candidate inserting and showing `value`.
        public init(stringLiteral value: String) { self.init(value) }
    }

    /// Character offset in the line where the word being completed starts (at most the cursor).
    public var start: Int
    /// The candidates, in the order they are listed. Empty when nothing completes.
    public var candidates: [Candidate]

    /// A completion of the word starting at character `start`.
    public init(start: Int, candidates: [Candidate]) {
        self.start = start
        self.candidates = candidates
    }

    /// No completion: TAB rings the bell.
    public static let none = Completion(start: 0, candidates: [])
}
