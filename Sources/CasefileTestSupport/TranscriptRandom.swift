/// A reproducible random number generator (SplitMix64) for the engine's property tests,
/// so that a failing sequence can be replayed from the seed the test prints.
public struct TranscriptRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that yields the same sequence for the same `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
