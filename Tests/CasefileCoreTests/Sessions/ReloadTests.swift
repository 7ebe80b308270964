import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// `reload`: the file as another writer left it, with this session's unsaved commands run again.
@Suite struct ReloadTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
        let first = try SaveTests.notebook(path)
        SaveTests.run(first, #"new "Bloggers""#)
        SaveTests.run(first, #"add person "Nurali Aitelenov" handle=@extremkz"#)
        SaveTests.run(first, #"add person "Rinat Kibraev""#)
        try first.save(message: nil)
    }

    /// Another researcher opens the file, runs `script` and saves.
    func otherWriterSaves(_ script: String) throws {
        let other = try SaveTests.notebook(path, time: 1_764_075_600)
        other.settings = Settings(userName: "bo", fixedTime: 1_764_075_600)
        // Elsewhere: this machine's recovery journal of the open shell is not theirs.
        other.pendingJournal = nil
        other.journaling = false
        SaveTests.run(other, script)
        try other.save(message: "bo's work")
    }

    @Test func outsideChangesThatDoNotConflictAreKeptUnderThisSessionsWork() throws {
        let output = BufferOutput()
        let mine = try SaveTests.notebook(path, output: output)
        SaveTests.run(mine, "tag kibraev detained")
        SaveTests.run(mine, #"annotate aitelenov "was at the lunch""#)
        try otherWriterSaves(#"add person "Dmitry Shchyolokov""#)
        #expect(mine.runInteractive("save").first?.contains("changed on disk") == true)
        output.reset()
        SaveTests.run(mine, "reload")
        #expect(output.text.hasSuffix("reloaded \(path), revision 2 on disk: 2 of 2 unsaved commands run again\n"), "\(output.text)")
        #expect(mine.caseFile["shchyolokov"] != nil, "their person")
        #expect(mine.caseFile["kibraev"]?.tags == ["detained"], "my tag")
        #expect(mine.caseFile.notes.count == 1, "my note")
        #expect(mine.hasUnsavedChanges)
        try mine.save(message: "mine")
        let saved = try CaseReader.load(path: path).caseFile
        #expect(saved.header.revision == 3)
        #expect(saved.sessions.map(\.by) == ["amina", "bo", "amina"])
        #expect(saved.sessions.last?.commands.count == 2)
        try RevisionReplay(saved).verify()
        #expect(ChainCheck(saved).holds)
    }

    @Test func commandsThatNoLongerApplyAreNamedAndLeftOut() throws {
        let output = BufferOutput()
        let mine = try SaveTests.notebook(path, output: output)
        SaveTests.run(mine, "tag kibraev detained")
        SaveTests.run(mine, "set aitelenov role=blogger")
        SaveTests.run(mine, #"add person "Aidos Sadykov""#)
        try otherWriterSaves("rm kibraev")
        output.reset()
        SaveTests.run(mine, "reload")
        #expect(output.text.contains("no longer applies: tag kibraev detained\n"), "\(output.text)")
        #expect(output.text.contains("kibraev"), "why: the entry is gone")
        #expect(output.text.hasSuffix("2 of 3 unsaved commands run again, 1 no longer apply (above)\n"), "\(output.text)")
        #expect(mine.caseFile["kibraev"] == nil)
        #expect(mine.caseFile["aitelenov"]?["Role"] == "blogger")
        #expect(mine.caseFile["sadykov"] != nil)
        #expect(mine.sessionLog.count == 2)
        // One undo takes back what reload ran again, leaving the file's case.
        SaveTests.run(mine, "undo")
        #expect(mine.caseFile["sadykov"] == nil)
        #expect(!mine.hasUnsavedChanges)
    }

    @Test func aBrokenFileOnDiskLeavesThisSessionAsItWas() throws {
        let output = BufferOutput()
        let mine = try SaveTests.notebook(path, output: output)
        SaveTests.run(mine, "tag kibraev detained")
        try "%rec: Person\n\nId: x\nName X\n".write(toFile: path, atomically: true, encoding: .utf8)
        let errors = mine.runInteractive("reload")
        #expect(errors.first?.contains("cannot reload") == true, "\(errors)")
        #expect(mine.caseFile["kibraev"]?.tags == ["detained"])
        #expect(mine.hasUnsavedChanges)
    }
}
