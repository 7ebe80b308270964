import Foundation

/// BM25 with field weights folded into the term frequency (BM25F, simplified).
///
/// A term frequency is an integer: each occurrence adds its field's weight times the
/// match quality (a name word found exactly adds 6 × 4, a text word found through
/// transliteration 2 × 3). Integers add up the same in any order, so the index and the
/// scan compute bit-identical scores.
enum Scoring {
    /// Saturation: how quickly more occurrences stop helping.
    static let k1 = 1.2
    /// Length normalisation.
    static let b = 0.75
    /// Integer frequency units per plain occurrence (text weight 2 × exact quality 4).
    static let unit = 8.0

    /// Inverse document frequency of a word found in `df` of `n` documents.
    static func idf(df: Int, n: Int) -> Double {
        let df = Double(min(df, n))
        return log(1 + (Double(n) - df + 0.5) / (df + 0.5))
    }

    /// The saturated, length-normalised frequency part of BM25.
    static func saturation(tf: Int, length: Int, averageLength: Double) -> Double {
        let f = Double(tf) / unit
        let norm = averageLength > 0 ? Double(length) / averageLength : 1
        return f * (k1 + 1) / (f + k1 * (1 - b + b * norm))
    }

    /// The number of phrase occurrences, weighted: `occurrences[i]` holds (position,
    /// weight) of the tokens matching part `i`, `offsets[i]` that part's place.
    static func phraseFrequency(offsets: [Int32], occurrences: [[(position: Int32, weight: UInt8)]],
                                parts: Int? = nil) -> Int {
        guard let first = occurrences.first, !first.isEmpty else { return 0 }
        var tf = 0
        for (position, weight) in first {
            var all = true
            for part in 1..<(parts ?? occurrences.count) {
                let wanted = position + offsets[part]
                if !occurrences[part].contains(where: { $0.position == wanted }) {
                    all = false
                    break
                }
            }
            if all { tf += Int(weight) * Int(TermPattern.Quality.exact) }
        }
        return tf
    }
}
