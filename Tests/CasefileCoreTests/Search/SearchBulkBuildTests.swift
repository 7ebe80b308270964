import CasefileTestSupport
import Testing
@testable import CasefileCore

/// A large case is indexed in parallel parts whose token tables are merged and whose
/// distinct tokens are analysed on several threads (ICU included, for scripts our own
/// tables do not cover). Whatever the cut, the index must be the same.
@Suite("Search index bulk build")
struct SearchBulkBuildTests {
    typealias F = SearchFixtures

    /// Syllables of several scripts, so that many distinct words need ICU's romanisation
    /// and Unicode normalisation, besides Cyrillic, Kazakh and accented Latin ones.
    static let syllables = [
        "ка", "ғы", "ше", "құ", "ів", "ba", "ře", "çi", "ñu", "ØL", "λα", "Σω", "مر", "سا", "नम", "स्", "ქა", "თი",
        "中", "文", "ｶﾀ", "ｶﾅ", "ﬁ", "ǅe", "Ɛv", "ü", "ß", "İs", "ŉa", "ǰo",
    ]

    static func caseFile(entries: Int, seed: UInt64) -> CaseFile {
        var rng = SeededGenerator(seed: seed)
        func word() -> String {
            (0..<(2 + Int(rng.next() % 4))).map { _ in syllables[Int(rng.next() % UInt64(syllables.count))] }.joined()
        }
        var list: [Entry] = []
        for n in 0..<entries / 10 {
            list.append(F.person("p\(n)", word() + " " + word(), handles: ["@h\(n)"], aliases: [word()], tags: [word()]))
        }
        for n in 0..<(entries - list.count) {
            let author = "p\(Int(rng.next() % UInt64(max(1, entries / 10))))"
            let text = (0..<12).map { _ in word() }.joined(separator: rng.next() % 5 == 0 ? " #" : " ")
            let post = F.post("t\(n)", author: author, date: "2014-0\(1 + n % 9)-1\(n % 10)", lang: n % 3 == 0 ? "kk" : "el", text)
            list.append(post)
            if n % 4 == 0 { list.append(F.translation(of: post.id, lang: "en", by: word(), word() + " " + word())) }
        }
        let notes = (0..<entries / 50).map { F.note(on: "t\($0 * 3)", word() + " " + word()) }
        return F.caseFile(list, notes: notes)
    }

    static func describe(_ results: SearchResults) -> [String] {
        ["total \(results.total)"] + results.hits.map { hit in
            "\(hit.id) \(hit.score) \(hit.translations) \(hit.snippet.text) \(hit.snippet.highlightedWords)"
        }
    }

    @Test("one part, several parts and the scan agree on a case of many scripts")
    func partsAgree() throws {
        let caseFile = Self.caseFile(entries: 2_500, seed: 5)
        let one = SearchIndex(caseFile: caseFile, compactionFloor: 50_000, bulkParts: 1)
        let four = SearchIndex(caseFile: caseFile, compactionFloor: 50_000, bulkParts: 4)
        let automatic = SearchIndex(caseFile: caseFile)
        #expect(one.termCount == four.termCount && one.postingCount == four.postingCount)
        #expect(one.termCount > 10_000, "enough distinct words for the analysis to run in parallel")
        var rng = SeededGenerator(seed: 9)
        let entries = Array(caseFile.entries.values)
        for round in 0..<12 {
            let entry = entries[Int(rng.next() % UInt64(entries.count))]
            let words = (entry["Text"] ?? entry["Name"] ?? "").split(separator: " ").prefix(2).map(String.init)
            for text in words + [words.joined(separator: " ") + " lang:el", "\"\(words.joined(separator: " "))\""] {
                let query = try SearchQuery.parse(text)
                let expected = Self.describe(one.search(query, in: caseFile, limit: 10))
                #expect(Self.describe(four.search(query, in: caseFile, limit: 10)) == expected, "four parts: \(text)")
                #expect(Self.describe(automatic.search(query, in: caseFile, limit: 10)) == expected, "default: \(text)")
                // The scan analyses the whole case per query: a few suffice.
                if round < 2 && text == words.first {
                    #expect(Self.describe(SearchScan.search(query, in: caseFile, limit: 10)) == expected, "scan: \(text)")
                }
            }
        }
    }
}
