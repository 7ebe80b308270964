import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Numbered Ids and the Id index on many entries")
struct IdBookkeepingTests {
    @Test("numbered Ids take the first free number, also after rm, rename and undo free one")
    func numberedIds() {
        let session = TranscriptSession()
        session.setUp(String(repeating: "add person \"Ivan Esimov\"\n", count: 6) + String(repeating: "add quote esimov \"q\" lang=ru\n", count: 4))
        #expect(session.notebook.caseFile.entries.keys.sorted() == [
            "esimov", "esimov-2", "esimov-3", "esimov-4", "esimov-5", "esimov-q1", "esimov-q2", "esimov-q3", "esimov-q4",
            "ivan-esimov",
        ])
        // Six people of one name are, rightly, warned about as possible duplicates: those
        // warnings are not what this test is about.
        let expected = """
            > rm esimov-3
            removed person esimov-3
            > rename esimov-q2 kept
            renamed esimov-q2 to kept
            > add person "Ivan Esimov"
            added person esimov-3: Ivan Esimov
            > add quote esimov "again" lang=ru
            added quote esimov-q2: again
            > undo 2
            undid 2 changes:
              add quote esimov "again" lang=ru
              add person "Ivan Esimov"
            > add quote esimov "and again" lang=ru
            added quote esimov-q2: and again
            > add person "Ivan Esimov"
            added person esimov-3: Ivan Esimov
            > add person "Ivan Esimov"
            added person esimov-6: Ivan Esimov
            """
        let actual = session.replay(expected).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(" may be ") || !$0.hasPrefix("warning: ") }.joined(separator: "\n")
        #expect(actual == TranscriptSession.normalised(expected))
    }

    @Test("the Id index stays sorted and complete through thousands of adds, renames and removals")
    func manyIds() {
        let session = TranscriptSession()
        session.notebook.showsConfirmations = false
        _ = session.notebook.ids(withPrefix: "p")
        var random = TranscriptRandom(seed: 3)
        var script = ""
        var order = Array(0..<3000)
        order.shuffle(using: &random)
        for index in order { script += "add person \"P\" id=p\(index)\n" }
        for index in order.prefix(700) { script += "rm p\(index)\n" }
        for index in order.dropFirst(700).prefix(300) { script += "rename p\(index) q\(index)\n" }
        session.setUp(script)
        let expected = session.notebook.caseFile.entries.keys.filter { $0.hasPrefix("p") }.sorted()
        #expect(expected.count == 2000)
        #expect(session.notebook.ids(withPrefix: "p", limit: 10_000) == expected)
        #expect(session.notebook.ids(withPrefix: "p1", limit: 10_000) == expected.filter { $0.hasPrefix("p1") })
        #expect(session.notebook.ids(withPrefix: "q", limit: 10_000).count == 300)
        #expect(session.notebook.ids(withPrefix: "p", limit: 5) == Array(expected.prefix(5)))
        session.notebook.runInteractive("undo 1000")
        #expect(session.notebook.ids(withPrefix: "q", limit: 10_000).isEmpty)
        #expect(session.notebook.ids(withPrefix: "p", limit: 10_000) == order.map { "p\($0)" }.sorted(by: ByteOrder.less))
    }

    @Test("the references of an entry with many of them stay exact through adds, removals and undo")
    func referencesOfAHub() {
        let session = TranscriptSession()
        session.notebook.showsConfirmations = false
        _ = session.notebook.referencesTo("hub")
        var script = "add person \"Hub\" id=hub handle=@hub\n"
        for index in 0..<60 { script += "add person \"P\" id=p\(index)\nlink p\(index) mentions hub\nannotate hub \"n\(index)\"\n" }
        for index in 0..<40 { script += "add post @hub 2014-02-01 \"x\" lang=en id=t\(index)\n" }
        for index in stride(from: 0, to: 60, by: 2) { script += "unlink p\(index) mentions hub\n" }
        for index in 0..<35 { script += "rm t\(index)\n" }
        session.setUp(script)
        func fresh() -> Set<Reference> {
            Notebook(caseFile: session.notebook.caseFile, output: TranscriptOutput(), settings: session.notebook.settings)
                .referencesTo("hub")
        }
        #expect(session.notebook.referencesTo("hub").count == 30 + 60 + 5)
        #expect(session.notebook.referencesTo("hub") == fresh())
        session.notebook.runInteractive("undo 60")
        #expect(session.notebook.referencesTo("hub") == fresh())
        session.notebook.runInteractive("undo 1000")
        #expect(session.notebook.referencesTo("hub").isEmpty)
        #expect(session.notebook.referencesTo("p1").isEmpty)
    }
}
