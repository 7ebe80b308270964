import CasefileCore
import CasefileTestSupport
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
        // What a save writes is counted from the baseline directly: the same line.
        #expect(notebook.unsavedSummary.text == ChangeSummary(changes).text)
        #expect(notebook.unsavedSummary.headerChanged == ChangeSummary(changes).headerChanged)
    }

    @Test("the counts kept as the case changes give the summary of the listed changes, through undo and redo",
          arguments: 1...6)
    func keptCountsMatchTheList(seed: Int) {
        // A case as if opened from disk: changes are added, changed and removed things.
        let session = TranscriptSession(caseFile: Fixture.session().notebook.caseFile)
        session.notebook.showsConfirmations = false
        var generator = RandomCommands(seed: UInt64(seed) + 500)
        var lines: [String] = []
        var countedChanges = 0
        for step in 0..<120 {
            var line = generator.next(for: session.notebook.caseFile)
            // Removed entries send the summary to the record diff (for renames): mostly keep them.
            while step % 20 != 19, ["rm", "rename", "merge"].contains(where: { line.hasPrefix($0 + " ") }) {
                line = generator.next(for: session.notebook.caseFile)
            }
            if step % 9 == 8 { line = "undo 2" } else if step % 13 == 12 { line = "redo" }
            lines.append(line)
            session.notebook.runInteractive(line)
            _ = session.output.take()
            let listed = ChangeSummary(session.notebook.unsavedChanges)
            let kept = session.notebook.unsavedSummary
            let parts = listed.text.components(separatedBy: ", ")
            let removesEntries = parts.contains { part in
                part.hasPrefix("-") && Kind.identified.contains { part.hasSuffix(" " + $0.word) }
            }
            if !removesEntries && parts.contains(where: { $0.hasPrefix("~") }) { countedChanges += 1 }
            if kept.text != listed.text || kept.headerChanged != listed.headerChanged {
                Issue.record("seed \(seed), after \(lines.suffix(3)): \(kept.text) != \(listed.text)")
                return
            }
        }
        #expect(countedChanges > 10, "seed \(seed): the kept counts were hardly used")
        #expect(session.notebook.runInteractive("undo 100000").isEmpty)
        #expect(session.notebook.unsavedSummary.text == "")
        #expect(!session.notebook.hasUnsavedChanges)
    }
}
