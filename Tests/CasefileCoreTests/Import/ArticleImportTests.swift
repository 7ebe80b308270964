import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

@Suite("import article")
struct ArticleImportTests {
    static let example = SharedFixtures.packageRoot + "/Examples/kazakh-bloggers/kazakh-bloggers.rec"

    @Test("the seed article gives the hand-built example's posts, texts, dates, languages and translation pairs")
    func seedMatchesExample() throws {
        guard let article = try SharedFixtures.path("seed/global-voices-kazakh-bloggers.txt") else { return }
        let example = try CaseReader.load(path: Self.example).caseFile
        let harness = try ImportHarness()
        let printed = harness.expectSuccess(#"import article \#(article) by="Global Voices" status=final"#)
        #expect(printed.contains("+6 person, +7 post, +7 translation, +1 source"), "\(printed)")
        let posts = harness.entries(.post)
        #expect(posts.map(\.id) == example.orderedIds(of: .post))
        for post in posts {
            let hand = try #require(example.entries[post.id])
            #expect(post.text == hand.text && post["Date"] == hand["Date"] && post.lang == hand.lang, "\(post.id)")
            let author = harness.notebook.caseFile.entries[post["Author"] ?? ""]
            let handAuthor = example.entries[hand["Author"] ?? ""]
            #expect(author?.handles == handAuthor?.handles, "\(post.id)")
        }
        let pairs = harness.entries(.translation).map { [$0.id, $0["Of"] ?? "", $0.text ?? "", $0["By"] ?? "", $0["Status"] ?? ""] }
        let handPairs = example.orderedIds(of: .translation).compactMap { example.entries[$0] }
            .filter { example.entries[$0["Of"] ?? ""]?.kind == .post }
            .map { [$0.id, $0["Of"] ?? "", $0.text ?? "", $0["By"] ?? "", $0["Status"] ?? ""] }
        #expect(pairs == handPairs)
        let source = try #require(harness.entries(.source).first)
        #expect(source.name == "Some Kazakh Bloggers Dine With Mayor, Some Get Jail Terms")
        #expect(source["Published"] == "2014-02-08")
    }

    @Test("imported into the example itself, the article finds every person, post and translation already there")
    func seedIntoExample() throws {
        guard let article = try SharedFixtures.path("seed/global-voices-kazakh-bloggers.txt") else { return }
        let harness = try ImportHarness(caseFile: try CaseReader.load(path: Self.example).caseFile)
        let before = harness.notebook.caseFile.count
        let printed = harness.expectSuccess("import article \(article)")
        #expect(printed.hasPrefix("~1 source, 14 already present"), "\(printed)")
        #expect(harness.notebook.caseFile.count == before)
        let source = harness.notebook.caseFile.entries["some-kazakh-bloggers-dine-with-mayor-some-get-jail-terms"]
        #expect(source?["Sha256"]?.count == 64)
    }

    @Test("a dash line that is not a byline is located; an article without bylines is refused")
    func badByline() throws {
        let harness = try ImportHarness()
        let file = try harness.folder.write("a.txt", "Title Of The Piece Here\n\nПривет всем\n\n— Someone (@who) sometime\n\nHello all\n")
        let result = harness.run("import article \(file)")
        #expect(result.errors.first?.contains("a.txt:5:1: error: a dash line that is not") == true, "\(result.errors)")
        let none = try harness.folder.write("b.txt", "Just prose.\n\nMore prose.\n")
        #expect(harness.run("import article \(none)").errors.first?.contains("no quoted posts found") == true)
    }
}
