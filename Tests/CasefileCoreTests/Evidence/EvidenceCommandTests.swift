import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// The evidence commands inside one notebook: errors, undo, the logged forms.
@Suite("evidence commands")
struct EvidenceCommandTests {
    static func notebook(path: String?) throws -> Notebook {
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "tester", fixedTime: 1_764_072_000))
        notebook.journaling = false
        if let path { _ = try notebook.open(path: path) }
        let report = notebook.runScript("""
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 "Завтра" lang=ru
            """, name: "setup")
        #expect(report.errors.isEmpty, "\(report.errors)")
        return notebook
    }

    @Test("a case never saved has no store: attach says to save first")
    func unsavedCase() throws {
        let folder = try TemporaryFolder()
        let notebook = try Self.notebook(path: nil)
        let report = notebook.runScript("attach extremkz-2014-02-04 \(try folder.write("a.txt", "a"))", name: "t")
        #expect(report.errors.first?.contains("this case has never been saved, so it has no evidence store yet") == true,
                "\(report.errors)")
        #expect(notebook.caseFile.count(of: .evidence) == 0)
    }

    @Test("undo of attach removes the record, keeps the file; evidence of evidence and unknown options are refused")
    func undoAndRefusals() throws {
        let folder = try TemporaryFolder()
        let notebook = try Self.notebook(path: folder.file("case.rec"))
        let file = try folder.write("a.txt", "a capture")
        #expect(notebook.runScript("attach extremkz-2014-02-04 \(file) captured=yesterday", name: "t").errors.first?
            .contains("'yesterday' is not an ISO date-time") == true)
        #expect(notebook.runScript("attach extremkz-2014-02-04 \(file)", name: "t").errors.isEmpty)
        #expect(notebook.caseFile["extremkz-2014-02-04-e1"]?.kind == .evidence)
        #expect(notebook.runScript("attach extremkz-2014-02-04-e1 \(file)", name: "t").errors.first?.contains("is evidence itself") == true)
        #expect(notebook.runScript("undo", name: "t").errors.isEmpty)
        #expect(notebook.caseFile["extremkz-2014-02-04-e1"] == nil)
        #expect(EvidenceStore(casePath: folder.file("case.rec")).storedHashes().count == 1)
        #expect(notebook.runScript("detach extremkz-2014-02-04", name: "t").errors.first?.contains("not evidence") == true)
    }

    @Test("a logged attach replays without the file; custody events read back, a ; in a name kept apart")
    func loggedForms() throws {
        let folder = try TemporaryFolder()
        let notebook = try Self.notebook(path: folder.file("case.rec"))
        let file = try folder.write("a b.txt", "a capture")
        #expect(notebook.runScript("attach extremkz-2014-02-04 '\(file)' url=https://x.example/1 by='Ann; Bo'", name: "t").errors.isEmpty)
        let logged = try #require(notebook.sessionScript.last)
        #expect(logged.hasPrefix("attach extremkz-2014-02-04 sha256="), "\(logged)")
        #expect(logged.contains("name=\"a b.txt\"") && logged.contains("captured-from=file-mtime"), "\(logged)")
        unlink(EvidenceStore(casePath: folder.file("case.rec")).path(of: EvidenceRecord(notebook.caseFile["extremkz-2014-02-04-e1"]!)!.sha256))
        let replay = try Self.notebook(path: nil)
        #expect(replay.runScript(logged, name: "log").errors.isEmpty)
        #expect(replay.caseFile["extremkz-2014-02-04-e1"] == notebook.caseFile["extremkz-2014-02-04-e1"])
        let record = try #require(replay.caseFile["extremkz-2014-02-04-e1"].flatMap(EvidenceRecord.init))
        #expect(record.custody == [CustodyEvent(at: "2025-11-25T12:00:00Z", by: "Ann, Bo", event: "attached a b.txt (copied into the store)")])
        #expect(CustodyEvent(field: record.custody[0].fieldValue) == record.custody[0])
    }
}
