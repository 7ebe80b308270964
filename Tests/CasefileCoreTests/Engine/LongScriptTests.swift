import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Long scripts")
struct LongScriptTests {
    func notebook() -> Notebook {
        let notebook = Notebook(output: TranscriptOutput(), settings: Settings(userName: "t", fixedTime: 0))
        notebook.showsConfirmations = false
        notebook.journaling = false
        return notebook
    }

    @Test("a long script (tables sized before it runs, again after its new) builds what its commands build one by one")
    func sizedTablesChangeNothing() {
        var lines = [#"new "Long""#]
        for index in 0..<700 {
            lines.append(#"add person "P \#(index)" id=p\#(index) handle=@h\#(index)"#)
            if index > 0 { lines.append("link p\(index) mentions p\(index / 2)") }
            if index % 3 == 0 { lines.append(#"annotate @h\#(index) "note \#(index)""#) }
            if index % 7 == 0 { lines.append("link p\(index) mentions nobody\(index)") }  // fails: no room used
        }
        let script = lines.joined(separator: "\n")
        let whole = notebook()
        let report = whole.runScript(script, name: "long.cf", options: ScriptOptions(keepGoing: true))
        #expect(report.errors.count == 100)
        let oneByOne = notebook()
        for line in lines { oneByOne.runInteractive(line) }
        #expect(CaseWriter.bytes(of: whole.caseFile) == CaseWriter.bytes(of: oneByOne.caseFile))
        #expect(whole.caseFile.header.title == "Long")
        #expect(whole.unsavedSummary.text == "+700 person, +699 link, +234 note")
        #expect(whole.runInteractive("undo 100000").isEmpty)
        #expect(whole.caseFile.entries.isEmpty && whole.caseFile.links.isEmpty && whole.caseFile.notes.isEmpty)
    }
}
