/// A reproducible random source for the engine's property tests (a `SeededGenerator`
/// with helpers for transcripts), so that a failing sequence can be replayed from the
/// seed the test prints.
public struct TranscriptRandom: RandomNumberGenerator, Sendable {
    private var base: SeededGenerator

    /// A generator that yields the same sequence for the same `seed`.
    public init(seed: UInt64) { base = SeededGenerator(seed: seed) }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 { base.next() }

    /// A random element of `items`, or nil when it is empty.
    public mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// A random integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// A short random text mixing Latin, Russian and Kazakh letters, digits, punctuation,
    /// quotes, `#`, `=`, backslashes, newlines and an emoji.
    public mutating func text(maxWords: Int = 6) -> String {
        let pieces = ["Есимов", "ланче", "Қазақ", "өте", "lunch", "mayor", "#KAZ", "a=b", "\"quoted\"", "it's", "\\",
                      "2014", "…", "👍", "<<END", "-x", "line\nbreak", "  spaced ", "tab\there", "@extremkz", "ü"]
        var words: [String] = []
        for _ in 0..<int(1...maxWords) { words.append(pick(pieces) ?? "x") }
        return words.joined(separator: " ")
    }
}
