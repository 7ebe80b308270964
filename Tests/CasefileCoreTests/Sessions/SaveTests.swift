import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// Saving: no change, hand edits on disk, diff --disk.
@Suite struct SaveTests {
    static func notebook(_ path: String, output: BufferOutput = BufferOutput(), time: Int = 1_764_072_000) throws -> Notebook {
        let notebook = Notebook(output: output, settings: Settings(userName: "amina", fixedTime: time))
        try notebook.open(path: path)
        return notebook
    }

    static func run(_ notebook: Notebook, _ lines: String) {
        let errors = notebook.runInteractive(lines)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func aSaveWithNoChangeDoesNothingAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let output = BufferOutput()
        let notebook = try Self.notebook(path, output: output)
        Self.run(notebook, #"add person "Nurali Aitelenov" handle=@extremkz"#)
        Self.run(notebook, #"save -m "first""#)
        let bytes = try FileBytes.read(path)
        output.reset()
        notebook.settings.fixedTime = 1_764_080_000
        Self.run(notebook, "save")
        #expect(output.text == "nothing to save: no changes since revision 1\n")
        #expect(try FileBytes.read(path) == bytes)
        // A change taken back is no change either.
        Self.run(notebook, "tag aitelenov detained")
        Self.run(notebook, "untag aitelenov detained")
        output.reset()
        Self.run(notebook, "save")
        #expect(output.text.hasPrefix("nothing to save"))
        #expect(try FileBytes.read(path) == bytes)
    }

    @Test func handEditsOnDiskAreRefusedUnlessForcedAndShownByDiffDisk() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let output = BufferOutput()
        let notebook = try Self.notebook(path, output: output)
        Self.run(notebook, #"add person "Nurali Aitelenov" role=blogger"#)
        Self.run(notebook, #"add person "Rinat Kibraev""#)
        Self.run(notebook, "save")
        // Someone edits the file while it is open, and the researcher goes on working.
        let edited = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "Role: blogger", with: "Role: journalist")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        Self.run(notebook, "tag kibraev detained")
        let errors = notebook.runInteractive("save")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("was changed on disk since it was opened") == true)
        #expect(errors.first?.contains("diff --disk") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited, "the refused save wrote nothing")

        output.reset()
        Self.run(notebook, "diff --disk")
        #expect(output.text == "~ person aitelenov\n    Role: blogger → journalist\n")
        output.reset()
        Self.run(notebook, "diff")
        #expect(output.text == "~ person kibraev\n  + Tag: detained\n")

        Self.run(notebook, "save --force")
        let saved = try CaseReader.load(path: path).caseFile
        #expect(saved.header.revision == 2)
        #expect(saved["aitelenov"]?["Role"] == "blogger")
        #expect(saved["kibraev"]?.tags == ["detained"])
        output.reset()
        Self.run(notebook, "diff --disk")
        #expect(output.text == "the file on disk holds the case as it was opened or last saved\n")
    }

    @Test func diffShowsUnsavedChangesAndNothingOnceSaved() throws {
        let folder = try TemporaryFolder()
        let output = BufferOutput()
        let notebook = try Self.notebook(folder.file("case.rec"), output: output)
        Self.run(notebook, #"add person "Nurali Aitelenov""#)
        Self.run(notebook, "save")
        Self.run(notebook, "rename aitelenov nurali")
        Self.run(notebook, #"add post nurali 2014-02-04 "Завтра" lang=ru"#)
        output.reset()
        Self.run(notebook, "diff")
        #expect(output.text == """
            > person aitelenov → nurali (renamed)
            + post nurali-2014-02-04
                Author: nurali
                Date: 2014-02-04
                Lang: ru
                Text: Завтра

            """)
        output.reset()
        Self.run(notebook, "diff --stat")
        #expect(output.text.hasSuffix("1 added, 1 renamed\n"))
        Self.run(notebook, "save")
        output.reset()
        Self.run(notebook, "diff")
        #expect(output.text == "no unsaved changes\n")
    }

    @Test func theFirstSaveOfANewCaseRecordsItsTitle() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let notebook = try Self.notebook(path)
        Self.run(notebook, #"new "Kazakh bloggers""#)
        Self.run(notebook, #"add person "Nurali Aitelenov""#)
        Self.run(notebook, "save")
        Self.run(notebook, #"add person "Rinat Kibraev""#)
        Self.run(notebook, "save")
        let saved = try CaseReader.load(path: path).caseFile
        #expect(saved.sessions.map(\.commands) == [
            [#"new "Kazakh bloggers""#, #"add person "Nurali Aitelenov""#],
            [#"add person "Rinat Kibraev""#],
        ])
        try RevisionReplay(saved).verify()
    }

    @Test func undoingASourcedScriptSavedEarlierReplays() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let script = try folder.write("s.cf", "add person \"A One\"\nadd person \"B Two\"\n")
        let notebook = try Self.notebook(path)
        Self.run(notebook, "source \(script)")
        Self.run(notebook, "save")
        Self.run(notebook, "undo")
        #expect(notebook.sessionLog == ["undo", "undo"], "one undo per command the replay runs")
        Self.run(notebook, "redo")
        #expect(notebook.sessionLog.isEmpty, "the redo takes both back")
        Self.run(notebook, "undo")
        Self.run(notebook, "save")
        let saved = try CaseReader.load(path: path).caseFile
        #expect(saved.entries.isEmpty)
        try RevisionReplay(saved).verify()
    }
}
