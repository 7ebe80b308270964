import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// When older revisions cannot be rebuilt, `RevisionReplay` says why.
@Suite struct ReplayProblemTests {
    /// A case saved three times, as text.
    static func threeRevisions() throws -> String {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let notebook = try SaveTests.notebook(path)
        SaveTests.run(notebook, #"new "Bloggers""#)
        SaveTests.run(notebook, #"add person "Nurali Aitelenov" handle=@extremkz"#)
        SaveTests.run(notebook, #"save -m "one""#)
        notebook.settings.fixedTime = 1_764_075_600
        SaveTests.run(notebook, #"add post @extremkz 2014-02-04 "Завтра" lang=ru"#)
        SaveTests.run(notebook, #"annotate extremkz-2014-02-04 "before the lunch""#)
        SaveTests.run(notebook, #"save -m "two""#)
        notebook.settings.userName = "bo"
        notebook.settings.fixedTime = 1_764_079_200
        SaveTests.run(notebook, "undo")
        SaveTests.run(notebook, "tag aitelenov detained")
        SaveTests.run(notebook, #"save -m "three""#)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    static func replay(_ text: String) throws -> RevisionReplay {
        try RevisionReplay(try CaseReader.read(text: text).caseFile)
    }

    @Test func aCompleteLogRebuildsEveryRevision() throws {
        let text = try Self.threeRevisions()
        let replay = try Self.replay(text)
        #expect(replay.latest == 3)
        #expect(try replay.rebuild(revision: 3) == Array(text.utf8))
        let second = try CaseReader.read(bytes: replay.rebuild(revision: 2)).caseFile
        #expect(second.header.revision == 2)
        #expect(second.notes.count == 1)
        #expect(second.sessions.last?.commands.last?.hasPrefix(#"annotate extremkz-2014-02-04 "before the lunch" by=amina at=2025-11-25T13:00:00Z"#) == true)
        let third = try CaseReader.read(text: text).caseFile
        #expect(third.notes.isEmpty, "revision 3 undid the note saved in revision 2")
        #expect(third.sessions.last?.commands == ["undo", "tag aitelenov detained"])
    }

    @Test func aHandEditIsDetected() throws {
        let text = try Self.threeRevisions().replacingOccurrences(of: "Name: Nurali Aitelenov", with: "Name: N. Aitelenov")
        let problem = try #require(throws: ReplayProblem.self) { try Self.replay(text).rebuild(revision: 1) }
        // The chain shows the edit came after the last save (every save hashes as recorded).
        guard case let .editedAfterLastSave(latest, diff) = problem else {
            Issue.record("expected an edit after the last save, got \(problem)")
            return
        }
        #expect(latest == 3)
        #expect(try Self.replay(text).rebuild(revisions: [1], laterEdits: true)[1] != nil)
        #expect(DiffRenderer().lines(diff) == ["~ person aitelenov", "    Name: Nurali Aitelenov → N. Aitelenov"])
        // Trusted, the log still rebuilds revision 1 (with the name as the log made it).
        let first = try CaseReader.read(bytes: Self.replay(text).rebuild(revision: 1, trust: true)).caseFile
        #expect(first["aitelenov"]?.name == "Nurali Aitelenov")
    }

    @Test func anEditedSummaryIsNamedAsTheFirstSign() throws {
        let text = try Self.threeRevisions().replacingOccurrences(of: "Summary: +1 post, +1 note", with: "Summary: +2 post")
        let problem = try #require(throws: ReplayProblem.self) { try Self.replay(text).verify() }
        #expect(problem.description.contains("first sign: revision 2 records '+2 post' but its commands give '+1 post, +1 note'"))
    }

    @Test func aLogThatStartsLaterCannotBeReplayed() throws {
        let text = try Self.threeRevisions()
        var caseFile = try CaseReader.read(text: text).caseFile
        caseFile.sessions.removeFirst()
        let problem = try #require(throws: ReplayProblem.self) { try RevisionReplay(caseFile) }
        #expect(problem.description.contains("starts at revision 2"))
    }

    @Test func gapsAndDuplicatesAreNamed() throws {
        var caseFile = try CaseReader.read(text: try Self.threeRevisions()).caseFile
        var gap = caseFile
        gap.sessions.remove(at: 1)
        let missing = try #require(throws: ReplayProblem.self) { try RevisionReplay(gap) }
        #expect(missing.description.contains("revision 2 has no session record"))
        caseFile.sessions.append(Session(revision: 3, fields: [Field("Saved", "2025-11-25T15:00:00Z")]))
        let twice = try #require(throws: ReplayProblem.self) { try RevisionReplay(caseFile) }
        #expect(twice.description.contains("revision 3 is recorded twice"))
    }

    @Test func aRevisionOutOfRangeOrABadTimeIsRefused() throws {
        let text = try Self.threeRevisions()
        #expect(throws: ReplayProblem.self) { try Self.replay(text).rebuild(revision: 4) }
        let badTime = text.replacingOccurrences(of: "Saved: 2025-11-25T13:00:00Z\nBy", with: "Saved: yesterday\nBy")
        let problem = try #require(throws: ReplayProblem.self) { try Self.replay(badTime).verify() }
        #expect(problem.description.contains("revision 2 was saved at 'yesterday'"))
    }

    @Test func aCommandThatFailsOnReplayIsShown() throws {
        let text = try Self.threeRevisions().replacingOccurrences(of: "Command: tag aitelenov detained",
                                                                   with: "Command: tag nobody detained")
        let problem = try #require(throws: ReplayProblem.self) { try Self.replay(text).verify() }
        #expect(problem.description.contains("a command of revision 3 fails when replayed"))
        #expect(problem.description.contains("nobody"))
    }

    @Test func timestampsReadBackExactly() {
        #expect(RevisionReplay.seconds("2025-11-25T12:00:00Z") == 1_764_072_000)
        #expect(RevisionReplay.seconds("2025-02-30T12:00:00Z") == nil)
        #expect(RevisionReplay.seconds("2025-11-25 12:00:00") == nil)
    }
}

extension CaseReader {
    static func read(bytes: [UInt8]) throws -> LoadResult {
        try read(text: String(decoding: bytes, as: UTF8.self))
    }
}
