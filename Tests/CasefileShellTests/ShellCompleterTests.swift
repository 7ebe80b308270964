import CasefileCore
import LineEditor
import Testing
@testable import CasefileShell

/// Completion by context, driven by the registry, on a small case.
@Suite struct ShellCompleterTests {
    let notebook: Notebook
    let completer: ShellCompleter

    init() throws {
        notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "tester", fixedTime: 0))
        let script = """
            add person "Nurali Aitelenov" handle=@extremkz alias="Нурали Айтеленов"
            add person "Ахметжан Есимов"
            add person "Rinat Kibraev"
            add post @extremkz 2014-02-04 lang=ru "Завтра у #Есимов‘а"
            """
        let report = notebook.runScript(script, name: "setup")
        try #require(report.errors.isEmpty, "\(report.errors)")
        completer = ShellCompleter(notebook: notebook)
    }

    func values(_ line: String) -> [String] {
        completer.complete(line: line, cursor: line.count).candidates.map(\.value)
    }

    @Test func commandNames() {
        #expect(values("sh") == ["show"])
        #expect(values("un").contains("undo"))
        #expect(values("un").contains("unlink"))
    }

    @Test func addKinds() {
        #expect(values("add p").sorted() == ["person", "post"])
    }

    @Test func idsByPrefix() {
        #expect(values("show ait") == ["aitelenov"])
        #expect(values("show extremkz") == ["extremkz-2014-02-04"])
    }

    @Test func namesInAnyScript() {
        #expect(values("show Айт") == ["aitelenov"])
        #expect(values("show Есим") == ["esimov"])
        #expect(values("show rinat") == ["kibraev"])
    }

    @Test func handles() {
        #expect(values("add post @ext") == ["@extremkz"])
    }

    @Test func personArgumentsOfferOnlyPeople() {
        #expect(values("add post e").contains("esimov"))
        #expect(!values("add post e").contains("extremkz-2014-02-04"))
    }

    @Test func relationsAfterTheFirstEntry() {
        #expect(values("link aitelenov det") == ["detained-with"])
        #expect(values("link aitelenov detained-with kib") == ["kibraev"])
    }

    @Test func optionKeysAndValues() {
        #expect(values("translate extremkz-2014-02-04 en st").contains("status="))
        #expect(values("translate extremkz-2014-02-04 en status=f") == ["final"])
        #expect(values("add post aitelenov 2014-02-05 lang=k") == ["kk", "ky", "ka"])
    }

    @Test func fieldsForSetAndUnset() {
        #expect(values("set aitelenov ro") == ["role="])
        #expect(values("unset aitelenov al") == ["alias"])
    }

    @Test func completionStartsAtTheWord() {
        let completion = completer.complete(line: "show Айт", cursor: 8)
        #expect(completion.start == 5)
    }

    @Test func helpCompletesCommandNames() {
        #expect(values("help li").contains("link"))
        #expect(values("help li").contains("list"))
    }

    /// A case where a person's Id is the start of their posts' Ids and those of the translations.
    static func politrash() throws -> ShellCompleter {
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "tester", fixedTime: 0))
        let report = notebook.runScript("""
            add person "Политраш" id=politrash handle=@politrash
            add person "Ашот Апетян" id=apetyan
            add source "Политраш в суде" id=politrash-source
            add post @politrash 2014-03-24 lang=ru "Дело передано в суд"
            add quote apetyan "Мы будем спорить" lang=ru id=politrash-q1
            translate politrash-2014-03-24 en "The case went to court"
            translate politrash-2014-03-24 de "Der Fall ging vor Gericht"
            """, name: "setup")
        try #require(report.errors.isEmpty, "\(report.errors)")
        return ShellCompleter(notebook: notebook)
    }

    @Test func translateOffersPostsAndQuotesOnly() throws {
        let completer = try Self.politrash()
        let offered = completer.complete(line: "translate politrash", cursor: 19).candidates.map(\.value)
        #expect(offered.sorted() == ["politrash-2014-03-24", "politrash-q1"])
        #expect(completer.complete(line: "translate politrash-2", cursor: 21).candidates.map(\.value) == ["politrash-2014-03-24"])
        #expect(completer.complete(line: "translate @pol", cursor: 14).candidates.isEmpty)
    }

    @Test func pairAndUnpairOfferTranslations() throws {
        let completer = try Self.politrash()
        let pair = completer.complete(line: "pair pol", cursor: 8).candidates.map(\.value)
        #expect(pair == ["politrash-2014-03-24.de", "politrash-2014-03-24.en"])
        let unpair = completer.complete(line: "unpair politrash-2014-03-24.", cursor: 28).candidates.map(\.value)
        #expect(unpair == ["politrash-2014-03-24.de", "politrash-2014-03-24.en"])
        let original = completer.complete(line: "pair politrash-2014-03-24.en pol", cursor: 32).candidates.map(\.value)
        #expect(original.sorted() == ["politrash-2014-03-24", "politrash-q1"])
    }

    @Test func linkAndAnnotateOfferAnyEntry() throws {
        let completer = try Self.politrash()
        let all = ["politrash", "politrash-2014-03-24", "politrash-2014-03-24.de", "politrash-2014-03-24.en", "politrash-q1",
                   "politrash-source"]
        #expect(completer.complete(line: "link pol", cursor: 8).candidates.map(\.value).sorted() == all)
        #expect(completer.complete(line: "link apetyan mentions pol", cursor: 25).candidates.map(\.value).sorted() == all)
        #expect(completer.complete(line: "annotate pol", cursor: 12).candidates.map(\.value).sorted() == all)
        #expect(completer.complete(line: "add post politrash 2014-03-25 source=pol", cursor: 40).candidates.map(\.value)
            == ["politrash-source"])
    }

    @Test func aPrefixOfAnOriginalAndItsTranslationsIsTheOriginal() throws {
        let completer = try Self.politrash()
        let notebook = completer.notebook
        #expect(try notebook.resolve(Word("politrash-2014"), as: [.post, .quote, .translation]).id == "politrash-2014-03-24")
        #expect(try notebook.resolve(Word("politrash-2014")).id == "politrash-2014-03-24")
        // Two originals are still ambiguous.
        #expect(throws: CommandError.self) { try notebook.resolve(Word("politrash-"), as: [.post, .quote]) }
        // Where a translation is wanted, the two translations stay ambiguous.
        #expect(throws: CommandError.self) { try notebook.resolve(Word("politrash-2014"), as: [.translation]) }
    }

    @Test func nothingForFreeText() {
        #expect(values("annotate aitelenov Hel").isEmpty)
        #expect(values("add person No").isEmpty)
    }
}
