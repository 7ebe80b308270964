import CasefileCore
import Testing

/// The quick count used at save agrees with the record diff it stands in for.
@Suite struct ChangeSummaryTests {
    func notebook(_ script: String) throws -> Notebook {
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "t", fixedTime: 0))
        notebook.journaling = false
        let report = notebook.runScript(script, name: "t")
        try #require(report.errors.isEmpty, "\(report.errors)")
        return notebook
    }

    @Test(arguments: [
        "add person \"A B\"\nadd person \"C D\" handle=@cd\nlink b mentions d\nannotate b hi at=2025-01-01T00:00:00Z",
        "add person \"A B\"\nadd post b 2014-02-04 lang=ru \"x\"\ntranslate b-2014-02-04 en \"y\"\nset b role=blogger\nnew",
        "add person \"A B\"\nadd source \"S\"\ntag b t\nuntag b t\nlink b supports s\nunlink b supports s",
        "add person \"A B\"\nadd person \"C D\"\nrename d dd\nrm b",
    ])
    func quickCountMatchesTheDiff(_ script: String) throws {
        let notebook = try notebook(script.replacingOccurrences(of: "\nnew", with: ""))
        let changes = notebook.unsavedChanges
        #expect(ChangeSummary(changes).text == CaseDiff(unsaved: changes).summary)
        #expect(!ChangeSummary(changes).text.isEmpty)
    }
}
