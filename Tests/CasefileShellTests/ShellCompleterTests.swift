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

    @Test func nothingForFreeText() {
        #expect(values("annotate aitelenov Hel").isEmpty)
        #expect(values("add person No").isEmpty)
    }
}
