import CasefileCore
import CasefileTestSupport
import Testing

/// The language guess measured on a labelled set of posts (Fixtures/language-posts.tsv).
@Suite("Language guess accuracy on labelled posts")
struct LanguageGuessAccuracyTests {
    /// The accuracy each language must reach (the bar).
    static let required: [String: Double] = ["ru": 0.95, "uk": 0.95, "kk": 0.95, "en": 0.95, "be": 0.90, "ky": 0.90,
                                             "tg": 0.90, "mn": 0.90, "und": 0.90]

    @Test("each language is guessed right in at least 95% of its posts (90% for be, ky, tg, mn)")
    func accuracyPerLanguage() throws {
        let rows = try ProjectFixtures.rows("language-posts.tsv")
        #expect(rows.count >= 300)
        var right: [String: Int] = [:]
        var total: [String: Int] = [:]
        var wrong: [String] = []
        for row in rows {
            try #require(row.count == 2, "a row is LANG<TAB>TEXT: \(row)")
            let (label, text) = (row[0], row[1])
            let guess = LanguageGuess.guess(text) ?? "und"
            total[label, default: 0] += 1
            if guess == label { right[label, default: 0] += 1 } else { wrong.append("\(label) → \(guess): \(text)") }
        }
        var report: [String] = []
        for (label, count) in total.sorted(by: { $0.key < $1.key }) {
            let accuracy = Double(right[label] ?? 0) / Double(count)
            report.append("\(label) \(right[label] ?? 0)/\(count)")
            #expect(accuracy >= Self.required[label] ?? 0.95, "\(label): \(right[label] ?? 0)/\(count)")
        }
        print("language guess accuracy: " + report.joined(separator: ", "))
        if !wrong.isEmpty { print("wrong guesses:\n" + wrong.joined(separator: "\n")) }
    }
}
