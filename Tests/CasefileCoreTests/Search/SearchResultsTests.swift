import Testing
@testable import CasefileCore

@Suite("Search results and their lines")
struct SearchResultsTests {
    typealias F = SearchFixtures

    static func search(_ text: String, _ caseFile: CaseFile, limit: Int? = nil) throws -> SearchResults {
        SearchIndex(caseFile: caseFile).search(try SearchQuery.parse(text), in: caseFile, limit: limit)
    }

    @Test("names, aliases and handles rank above text")
    func nameWeight() throws {
        let caseFile = F.caseFile([
            F.post("a-post", author: "x", lang: "en", "Kibraev was detained; the police held Kibraev for hours."),
            F.person("kibraev", "Rinat Kibraev"),
            F.person("other", "Someone Else", aliases: ["Кибраев"]),
            F.person("handle", "Third Person", handles: ["@kibraev"]),
        ])
        let results = try Self.search("Kibraev", caseFile)
        // The name as written, then the handle's word as written, then the alias in
        // another script, and only then the post that says it twice.
        #expect(results.ids == ["kibraev", "handle", "other", "a-post"])
        let mention = try Self.search("@kibraev", caseFile)
        #expect(mention.ids == ["handle"])
    }

    @Test("an exact spelling outranks a folded one, which outranks an inflected one")
    func qualityOrder() throws {
        let caseFile = F.caseFile([
            F.post("inflected", author: "x", lang: "ru", "Встреча с Есимовым прошла"),
            F.post("folded", author: "x", lang: "en", "Meeting with Esimov went"),
            F.post("exact", author: "x", lang: "ru", "Встреча: Есимов пришёл"),
        ])
        #expect(try Self.search("Есимов", caseFile).ids == ["exact", "folded", "inflected"])
    }

    @Test("a translation names its original; an original its translations")
    func linkage() throws {
        let results = try Self.search("esimov", F.bloggers)
        let translation = try #require(results.hits.first { $0.id == "extremkz-2014-02-04.en" })
        #expect(translation.original == "extremkz-2014-02-04")
        #expect(translation.kind == .translation)
        let original = try #require(results.hits.first { $0.id == "extremkz-2014-02-04" })
        #expect(original.translations == ["extremkz-2014-02-04.en"])
        #expect(original.original == nil)
        let lines = results.lines(width: 200) { "[\($0)]" }
        #expect(lines.contains { $0.hasPrefix("transl extremkz-2014-02-04.en en ← extremkz-2014-02-04  ") })
        #expect(lines.contains { $0.hasPrefix("post   extremkz-2014-02-04 ru → extremkz-2014-02-04.en  ") })
    }

    @Test("limit and count")
    func limitAndCount() throws {
        let results = try Self.search("esimov", F.bloggers, limit: 2)
        #expect(results.hits.count == 2)
        #expect(results.total == 6)
        #expect(results.summary == "showing 2 of 6 hits")
        #expect(try Self.search("nothingatall", F.bloggers).summary == "no hits")
        #expect(try Self.search("Cinemaholic", F.bloggers).summary == "1 hit")
    }

    @Test("a query of filters only lists hits by kind, then Id")
    func filterOnlyOrder() throws {
        let results = try Self.search("tag:detained OR kind:source", F.bloggers)
        #expect(results.ids == ["aitelenov", "kibraev", "shchyolokov", "global-voices"])
        #expect(results.hits.allSatisfy { $0.score == 0 })
    }

    @Test("lines fit the width, flatten newlines and show control characters")
    func lineLayout() throws {
        let long = String(repeating: "слово ", count: 40) + "Есимову \u{1B}[31mred\nnext line " + String(repeating: "word ", count: 40)
        let caseFile = F.caseFile([F.post("p1", author: "x", lang: "ru", long)])
        let results = try Self.search("esimov", caseFile)
        let plain = results.lines(width: 80) { $0 }
        #expect(plain.count == 1)
        #expect(DisplayWidth.of(plain[0]) <= 80)
        #expect(plain[0].contains("Есимову ^[[31mred next line"))
        #expect(plain[0].contains("…"))
        let marked = results.lines(width: 80) { "<\($0)>" }
        #expect(marked[0].contains("<Есимову>"))
        #expect(!marked[0].contains("\u{1B}"))
    }

    @Test("a phrase highlights its occurrence, not every copy of its words")
    func phraseHighlight() throws {
        let caseFile = F.caseFile([F.post("p1", author: "x", lang: "ru", "на столе, на ланче, на улице")])
        let hit = try #require(try Self.search("\"на ланче\"", caseFile).hits.first)
        #expect(hit.snippet.highlightedWords == ["на", "ланче"])
        #expect(hit.snippet.text[hit.snippet.highlights[0].lowerBound...].hasPrefix("на ланче"))
    }

    @Test("people show their names, handles and aliases together")
    func personSnippet() throws {
        let hit = try #require(try Self.search("Нурали", F.bloggers).hits.first)
        #expect(hit.snippet.text == "Nurali Aitelenov · @extremkz · IT-len-off Нурали")
        #expect(hit.snippet.highlightedWords == ["Nurali", "Нурали"])
    }
}
