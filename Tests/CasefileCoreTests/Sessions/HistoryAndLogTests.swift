import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// `history`, `history --write` and `log` in the shell.
@Suite struct HistoryAndLogTests {
    /// The entries, links, notes and title of a case, canonically.
    static func content(_ caseFile: CaseFile) -> [UInt8] {
        var copy = caseFile
        copy.sessions = []
        copy.header.set("Revision", nil)
        copy.header.set("Saved", nil)
        return RandomCases.bytes(copy)
    }

    @Test(arguments: 0..<20)
    func aWrittenHistoryReplaysToTheSameCase(seed: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        var driver = try SessionDriver(seed: UInt64(seed) + 77, path: path)
        // Some work saved before the session starts, then a session with saves in the middle.
        driver.work(5)
        try driver.save()
        try driver.reopen()
        let start = try FileBytes.read(path)
        for _ in 0..<3 {
            driver.work(driver.random.int(2...8))
            if driver.random.chance(0.5) { try driver.save() }
        }
        let script = folder.file("session.cf")
        let errors = driver.notebook.runInteractive("history --write \(script)")
        guard driver.notebook.sessionScript.isEmpty else {
            #expect(errors.isEmpty, "seed \(seed): \(errors)")
            // Replay onto the file as the session found it, as `casefile run` does.
            let replayPath = folder.file("replay.rec")
            try Data(start).write(to: URL(fileURLWithPath: replayPath))
            let replay = try SaveTests.notebook(replayPath)
            let report = replay.runScript(try String(contentsOfFile: script, encoding: .utf8), name: script)
            #expect(report.errors.isEmpty, "seed \(seed): \(report.errors)")
            #expect(Self.content(replay.caseFile) == Self.content(driver.notebook.caseFile), "seed \(seed)")
            return
        }
        #expect(errors.first?.contains("no command has changed the case") == true)
    }

    @Test func aNewCaseWrittenAsAScriptStartsWithItsTitle() throws {
        let folder = try TemporaryFolder()
        let output = BufferOutput()
        let notebook = try SaveTests.notebook(folder.file("case.rec"), output: output)
        SaveTests.run(notebook, #"new "Kazakh bloggers""#)
        SaveTests.run(notebook, #"add person "Nurali Aitelenov""#)
        SaveTests.run(notebook, "show aitelenov")
        SaveTests.run(notebook, #"add person "Rinat Kibraev""#)
        SaveTests.run(notebook, "undo")
        SaveTests.run(notebook, #"annotate aitelenov "detained""#)
        output.reset()
        SaveTests.run(notebook, "history")
        #expect(output.text == """
            1   new "Kazakh bloggers"
            2 * add person "Nurali Aitelenov"
            3   show aitelenov
            4 * add person "Rinat Kibraev"
            5 * undo
            6 * annotate aitelenov "detained"
            6 commands, 4 changed the case

            """)
        let script = folder.file("s.cf")
        SaveTests.run(notebook, "history --write \(script)")
        let text = try String(contentsOfFile: script, encoding: .utf8)
        #expect(text.hasSuffix("""
            new "Kazakh bloggers"
            add person "Nurali Aitelenov"
            annotate aitelenov detained by=amina at=2025-11-25T12:00:00Z

            """))
        let again = notebook.runInteractive("history --write \(script)")
        #expect(again.first?.contains("already exists") == true)
        SaveTests.run(notebook, "history --write \(script) --force")
    }

    @Test func logListsRevisionsNewestFirst() throws {
        let text = try ReplayProblemTests.threeRevisions()
        let folder = try TemporaryFolder()
        let path = try folder.write("case.rec", text)
        let output = BufferOutput()
        let notebook = try SaveTests.notebook(path, output: output)
        SaveTests.run(notebook, "log -n 2")
        #expect(output.text == """
            revision 3  2025-11-25T14:00:00Z  by bo
                three
                ~1 person, -1 note
                2 commands

            revision 2  2025-11-25T13:00:00Z  by amina
                two
                +1 post, +1 note
                2 commands

            """)
        SaveTests.run(notebook, "tag aitelenov released")
        output.reset()
        SaveTests.run(notebook, "log -v -n 1")
        #expect(output.text == """
            unsaved  ~1 person  (1 command; diff shows them)

            revision 3  2025-11-25T14:00:00Z  by bo
                three
                ~1 person, -1 note
                | undo
                | tag aitelenov detained

            """)
        #expect(!notebook.runInteractive("log -n 0").isEmpty)
    }
}
