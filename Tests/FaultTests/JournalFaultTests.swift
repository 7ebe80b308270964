import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The journal's own weak moments, each made to happen on purpose.
@Suite struct JournalFaultTests {
    let fault: JournalCase

    init() throws { fault = try JournalCase() }

    @Test func aNewJournalReplacesAnEarlierOneOnlyOnceItsFirstRecordIsWhole() throws {
        let first = try fault.leaveAJournal()
        let second = try fault.notebook()
        let pending = try #require(second.pendingJournal)
        #expect(pending.steps.count == 2)
        // recover starts a new journal: until its first record is written, a kill must
        // find the earlier journal intact.
        let starting = try Journal(casePath: fault.path, baseHash: second.diskHash, revision: 1, started: "now")
        #expect(PendingJournal.find(for: fault.path)?.steps.map(\.command) == pending.steps.map(\.command))
        starting.remove()
        #expect(PendingJournal.find(for: fault.path)?.steps.count == 2, "removing an unfinished journal removed the earlier one's work")
        // And a real recover: the new journal holds the recovery as one step, then the next command.
        try fault.run(second, "recover")
        try fault.run(second, "tag kibraev detained")
        #expect(PendingJournal.find(for: fault.path)?.steps.map(\.command) == ["recover", "tag kibraev detained"])
        let third = try fault.notebook()
        try fault.run(third, "recover")
        #expect(CaseWriter.bytes(of: third.caseFile) == CaseWriter.bytes(of: second.caseFile))
        #expect(third.sessionLog == second.sessionLog)
        _ = first
    }

    @Test func changesWaitUntilTheEarlierWorkIsRecoveredOrDropped() throws {
        _ = try fault.leaveAJournal()
        let journalPath = Journal.path(for: fault.path)
        let before = try FileBytes.read(journalPath)
        let second = try fault.notebook()
        let refused = second.runScript("tag aitelenov blogger", name: "shell")
        #expect(refused.errors.first?.contains("this case has unsaved work from a session that ended without saving (2 commands)") == true)
        #expect(refused.errors.first?.contains("recover --discard") == true)
        #expect(try FileBytes.read(journalPath) == before)
        #expect(second.caseFile["aitelenov"]?.values("Tag").contains("blogger") != true)
        // Looking is allowed.
        #expect(second.runScript("show aitelenov\nrecover --show", name: "shell").errors.isEmpty)
        try fault.run(second, "recover --discard")
        try fault.run(second, "tag aitelenov blogger")
        #expect(PendingJournal.find(for: fault.path)?.steps.map(\.command) == ["tag aitelenov blogger"])
    }

    @Test func aJournalWhoseChangesAreAllSavedIsDroppedOnOpen() throws {
        let first = try fault.leaveAJournal()
        // A save killed after its rename, before it removed the journal.
        let journalPath = Journal.path(for: fault.path)
        let journal = try FileBytes.read(journalPath)
        try fault.run(first, "save")
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        try Data(journal).write(to: URL(fileURLWithPath: journalPath))
        let second = try fault.notebook()
        #expect(second.pendingJournal == nil)
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        #expect(second.caseFile["kibraev"] != nil)
    }

    @Test func aJournalNotInTheFileIsStillOfferedWhenTheFileChanged() throws {
        let first = try fault.leaveAJournal()
        let journalPath = Journal.path(for: fault.path)
        let journal = try FileBytes.read(journalPath)
        // The file is saved with only part of the journal's work (someone else's save).
        try fault.run(first, "undo\nsave")
        try Data(journal).write(to: URL(fileURLWithPath: journalPath))
        let second = try fault.notebook()
        let pending = try #require(second.pendingJournal)
        #expect(!second.journalMatchesFile(pending))
        #expect(pending.isContained(in: second.caseFile) == false)
        #expect(FileManager.default.fileExists(atPath: journalPath))
    }

    @Test func aSaveRemovesTheTemporaryFilesOfSavesThatWereKilled() throws {
        let notebook = try fault.notebook()
        try fault.run(notebook, "add person \"A B\"")
        let dead = try deadProcessID()
        let stale = fault.folder.file(".case.rec.tmp-\(dead)")
        let live = fault.folder.file(".case.rec.tmp-1")  // init never dies: not ours to remove
        try "half a case".write(toFile: stale, atomically: false, encoding: .utf8)
        try "someone else's save".write(toFile: live, atomically: false, encoding: .utf8)
        try fault.run(notebook, "save")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(!FileManager.default.fileExists(atPath: fault.folder.file(".case.rec.tmp-\(getpid())")))
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
    let fault: JournalCase

    init() throws { fault = try JournalCase() }

    /// A saved case and a journal of two commands beside it, damaged by `damage`.
    func leaveADamagedJournal(_ damage: (String) -> String) throws -> [UInt8] {
        try fault.leaveAJournal()
        let journalPath = Journal.path(for: fault.path)
        let text = damage(try String(contentsOfFile: journalPath, encoding: .utf8))
        try text.write(toFile: journalPath, atomically: false, encoding: .utf8)
        return Array(text.utf8)
    }

    @Test func aJournalThatCannotBeReadWholeIsStillUnsavedWork() throws {
        let bytes = try leaveADamagedJournal { $0.replacingOccurrences(of: "%rec: Journal\n", with: "%rec: Journal \n") }
        let journalPath = Journal.path(for: fault.path)
        let script = try fault.folder.write("more.cf", "add person \"Someone Else\"\n")
        let refused = try CasefileBinary.run(["run", fault.path, script], timeout: 60)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("has unsaved work from an earlier session"), "\(refused.stderr)")
        #expect(try FileBytes.read(journalPath) == bytes, "run touched the journal")

        let second = try fault.notebook()
        let pending = try #require(second.pendingJournal, "a damaged journal was taken for no unsaved work")
        #expect(pending.steps.map(\.command) == ["add person \"Rinat Kibraev\"", "tag aitelenov detained"])
        #expect(!pending.isWhole)
        let output = BufferOutput()
        let looking = Notebook(output: output, settings: FaultCase.settings)
        try looking.open(path: fault.path)
        try fault.run(looking, "recover --show")
        #expect(output.text.contains("cannot read: the journal is damaged"), "\(output.text)")
        #expect(output.text.contains("tag aitelenov detained"))
        try fault.run(looking, "recover --discard")
        #expect(!FileManager.default.fileExists(atPath: journalPath))
        let aside = try FileManager.default.contentsOfDirectory(atPath: fault.folder.path)
            .filter { $0.hasPrefix(".case.rec.journal.discarded-") }
        #expect(aside.count == 1)
        #expect(try FileBytes.read(fault.folder.file(aside[0])) == bytes)
    }

    @Test func aDamagedJournalIsRecoveredAsFarAsItCanBeReadAndKept() throws {
        _ = try leaveADamagedJournal { $0 + "At: 2025\nCommand: tag aitel" }
        let second = try fault.notebook()
        let pending = try #require(second.pendingJournal)
        #expect(pending.steps.count == 2)
        #expect(pending.problems.contains { $0.contains("cut short") })
        try fault.run(second, "recover")
        #expect(second.caseFile["kibraev"] != nil)
        let kept = try FileManager.default.contentsOfDirectory(atPath: fault.folder.path)
            .filter { $0.hasPrefix(".case.rec.journal.discarded-") }
        #expect(kept.count == 1, "the part that could not be read was not kept")
    }

    @Test func recoverForceReplaysTheCommandsOnTheFileAsItIsNow() throws {
        _ = try fault.leaveAJournal()
        let journalPath = Journal.path(for: fault.path)
        let journal = try FileBytes.read(journalPath)
        // Someone else saves a change to the same person meanwhile.
        let other = try fault.notebook()
        try fault.run(other, "recover --discard")
        try fault.run(other, "tag aitelenov blogger\nset aitelenov handle=@extremkz2\nsave")
        try Data(journal).write(to: URL(fileURLWithPath: journalPath))
        let third = try fault.notebook()
        #expect(third.runScript("recover", name: "t").errors.first?.contains("changed since this journal was written") == true)
        try fault.run(third, "recover --force")
        let person = try #require(third.caseFile["aitelenov"])
        #expect(person.values("Tag").sorted() == ["blogger", "detained"], "the other writer's tag was reverted")
        #expect(person["Handle"] == "@extremkz2", "the other writer's handle was reverted")
        #expect(third.caseFile["kibraev"] != nil)
        #expect(third.sessionLog == ["add person \"Rinat Kibraev\"", "tag aitelenov detained"])
    }
}
