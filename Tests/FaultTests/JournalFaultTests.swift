import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The journal's own weak moments, each made to happen on purpose.
@Suite struct JournalFaultTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
    }

    func notebook() throws -> Notebook {
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        try notebook.open(path: path)
        return notebook
    }

    func run(_ notebook: Notebook, _ script: String) throws {
        let report = notebook.runScript(script, name: "test")
        try #require(report.errors.isEmpty, "\(report.errors)")
    }

    /// Leaves a journal of two commands beside a saved case, as a killed session does.
    func leaveAJournal() throws -> Notebook {
        let first = try notebook()
        try run(first, "add person \"Nurali Aitelenov\" handle=@extremkz\nsave")
        try run(first, "add person \"Rinat Kibraev\"\ntag aitelenov detained")
        return first
    }

    @Test func aNewJournalReplacesAnEarlierOneOnlyOnceItsFirstRecordIsWhole() throws {
        let first = try leaveAJournal()
        let second = try notebook()
        let pending = try #require(second.pendingJournal)
        #expect(pending.steps.count == 2)
        // recover starts a new journal: until its first record is written, a kill must
        // find the earlier journal intact.
        let starting = try Journal(casePath: path, baseHash: second.diskHash, revision: 1, started: "now")
        #expect(PendingJournal.find(for: path)?.steps.map(\.command) == pending.steps.map(\.command))
        starting.remove()
        #expect(PendingJournal.find(for: path)?.steps.count == 2, "removing an unfinished journal removed the earlier one's work")
        // And a real recover: the new journal holds the recovery as one step, then the next command.
        try run(second, "recover")
        try run(second, "tag kibraev detained")
        #expect(PendingJournal.find(for: path)?.steps.map(\.command) == ["recover", "tag kibraev detained"])
        let third = try notebook()
        try run(third, "recover")
        #expect(CaseWriter.bytes(of: third.caseFile) == CaseWriter.bytes(of: second.caseFile))
        #expect(third.sessionLog == second.sessionLog)
        _ = first
    }

    @Test func changesWaitUntilTheEarlierWorkIsRecoveredOrDropped() throws {
        _ = try leaveAJournal()
        let journalPath = Journal.path(for: path)
        let before = try FileBytes.read(journalPath)
        let second = try notebook()
        let refused = second.runScript("tag aitelenov blogger", name: "shell")
        #expect(refused.errors.first?.contains("this case has unsaved work from a session that ended without saving (2 commands)") == true)
        #expect(refused.errors.first?.contains("recover --discard") == true)
        #expect(try FileBytes.read(journalPath) == before)
        #expect(second.caseFile["aitelenov"]?.values("Tag").contains("blogger") != true)
        // Looking is allowed.
        #expect(second.runScript("show aitelenov\nrecover --show", name: "shell").errors.isEmpty)
        try run(second, "recover --discard")
        try run(second, "tag aitelenov blogger")
        #expect(PendingJournal.find(for: path)?.steps.map(\.command) == ["tag aitelenov blogger"])
    }

    @Test func aJournalWhoseChangesAreAllSavedIsDroppedOnOpen() throws {
        let first = try leaveAJournal()
        // A save killed after its rename, before it removed the journal.
        let journalPath = Journal.path(for: path)
        let journal = try FileBytes.read(journalPath)
        try run(first, "save")
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        try Data(journal).write(to: URL(fileURLWithPath: journalPath))
        let second = try notebook()
        #expect(second.pendingJournal == nil)
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        #expect(second.caseFile["kibraev"] != nil)
    }

    @Test func aJournalNotInTheFileIsStillOfferedWhenTheFileChanged() throws {
        let first = try leaveAJournal()
        let journalPath = Journal.path(for: path)
        let journal = try FileBytes.read(journalPath)
        // The file is saved with only part of the journal's work (someone else's save).
        try run(first, "undo\nsave")
        try Data(journal).write(to: URL(fileURLWithPath: journalPath))
        let second = try notebook()
        let pending = try #require(second.pendingJournal)
        #expect(!second.journalMatchesFile(pending))
        #expect(pending.isContained(in: second.caseFile) == false)
        #expect(FileManager.default.fileExists(atPath: journalPath))
    }

    @Test func aSaveRemovesTheTemporaryFilesOfSavesThatWereKilled() throws {
        let notebook = try notebook()
        try run(notebook, "add person \"A B\"")
        let dead = try deadProcessID()
        let stale = folder.file(".case.rec.tmp-\(dead)")
        let live = folder.file(".case.rec.tmp-1")  // init never dies: not ours to remove
        try "half a case".write(toFile: stale, atomically: false, encoding: .utf8)
        try "someone else's save".write(toFile: live, atomically: false, encoding: .utf8)
        try run(notebook, "save")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(!FileManager.default.fileExists(atPath: folder.file(".case.rec.tmp-\(getpid())")))
    }

    /// The pid of a process that has exited (and been reaped).
    func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// A journal is never dropped without the user's word: a damaged one is offered like any
/// other, `--discard` moves it aside, and `recover --force` keeps the other writer's work.
@Suite struct JournalKeptTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
    }

    func notebook() throws -> Notebook {
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        try notebook.open(path: path)
        return notebook
    }

    func run(_ notebook: Notebook, _ script: String) throws {
        let report = notebook.runScript(script, name: "test")
        try #require(report.errors.isEmpty, "\(report.errors)")
    }

    /// A saved case and a journal of two commands beside it, damaged by `damage`.
    func leaveAJournal(damage: (String) -> String = { $0 }) throws -> [UInt8] {
        let first = try notebook()
        try run(first, "add person \"Nurali Aitelenov\" handle=@extremkz\nsave")
        try run(first, "add person \"Rinat Kibraev\"\ntag aitelenov detained")
        let journalPath = Journal.path(for: path)
        let text = damage(try String(contentsOfFile: journalPath, encoding: .utf8))
        try text.write(toFile: journalPath, atomically: false, encoding: .utf8)
        return Array(text.utf8)
    }

    @Test func aJournalThatCannotBeReadWholeIsStillUnsavedWork() throws {
        let bytes = try leaveAJournal { $0.replacingOccurrences(of: "%rec: Journal\n", with: "%rec: Journal \n") }
        let journalPath = Journal.path(for: path)
        let script = try folder.write("more.cf", "add person \"Someone Else\"\n")
        let refused = try CasefileBinary.run(["run", path, script], timeout: 60)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("has unsaved work from an earlier session"), "\(refused.stderr)")
        #expect(try FileBytes.read(journalPath) == bytes, "run touched the journal")

        let second = try notebook()
        let pending = try #require(second.pendingJournal, "a damaged journal was taken for no unsaved work")
        #expect(pending.steps.map(\.command) == ["add person \"Rinat Kibraev\"", "tag aitelenov detained"])
        #expect(!pending.isWhole)
        let output = BufferOutput()
        let looking = Notebook(output: output, settings: FaultCase.settings)
        try looking.open(path: path)
        try run(looking, "recover --show")
        #expect(output.text.contains("cannot read: the journal is damaged"), "\(output.text)")
        #expect(output.text.contains("tag aitelenov detained"))
        try run(looking, "recover --discard")
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(".case.rec.journal.discarded-") }
        #expect(aside.count == 1)
        #expect(try FileBytes.read(folder.file(aside[0])) == bytes)
    }

    @Test func aDamagedJournalIsRecoveredAsFarAsItCanBeReadAndKept() throws {
        _ = try leaveAJournal { $0 + "At: 2025\nCommand: tag aitel" }
        let second = try notebook()
        let pending = try #require(second.pendingJournal)
        #expect(pending.steps.count == 2)
        #expect(pending.problems.contains { $0.contains("cut short") })
        try run(second, "recover")
        #expect(second.caseFile["kibraev"] != nil)
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(".case.rec.journal.discarded-") }
        #expect(kept.count == 1, "the part that could not be read was not kept")
    }

    @Test func recoverForceReplaysTheCommandsOnTheFileAsItIsNow() throws {
        _ = try leaveAJournal()
        let journalPath = Journal.path(for: path)
        let journal = try FileBytes.read(journalPath)
        // Someone else saves a change to the same person meanwhile.
        let other = try notebook()
        try run(other, "recover --discard")
        try run(other, "tag aitelenov blogger\nset aitelenov handle=@extremkz2\nsave")
        try Data(journal).write(to: URL(fileURLWithPath: journalPath))
        let third = try notebook()
        #expect(third.runScript("recover", name: "t").errors.first?.contains("changed since this journal was written") == true)
        try run(third, "recover --force")
        let person = try #require(third.caseFile["aitelenov"])
        #expect(person.values("Tag").sorted() == ["blogger", "detained"], "the other writer's tag was reverted")
        #expect(person["Handle"] == "@extremkz2", "the other writer's handle was reverted")
        #expect(third.caseFile["kibraev"] != nil)
        #expect(third.sessionLog == ["add person \"Rinat Kibraev\"", "tag aitelenov detained"])
    }
}
