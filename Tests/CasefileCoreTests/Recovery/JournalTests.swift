import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// The recovery journal: every change lands beside the file until a save, and a new
/// session can replay it.
@Suite struct JournalTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
    }

    func notebook() -> (Notebook, BufferOutput) {
        let output = BufferOutput()
        let notebook = Notebook(output: output, settings: Settings(userName: "tester", fixedTime: 1_764_072_000))
        return (notebook, output)
    }

    func run(_ notebook: Notebook, _ script: String) throws {
        let report = notebook.runScript(script, name: "test")
        try #require(report.errors.isEmpty, "\(report.errors)")
    }

    @Test func changesAreJournaledAndRecovered() throws {
        let (first, _) = notebook()
        try first.open(path: path)
        try run(first, "add person \"Nurali Aitelenov\" handle=@extremkz\nsave")
        try run(first, """
            add person "Rinat Kibraev"
            link aitelenov detained-with kibraev
            add post @extremkz 2014-02-04 lang=ru <<END
            Завтра у #Есимов‘а
            на ланче
            END
            annotate aitelenov "detained"
            undo
            tag kibraev detained
            """)
        let journalPath = Journal.path(for: path)
        #expect(FileManager.default.fileExists(atPath: journalPath))
        let expected = CaseWriter.bytes(of: first.caseFile)

        // A second session, as after a crash: the journal is found and replayed.
        let (second, _) = notebook()
        try second.open(path: path)
        let pending = try #require(second.pendingJournal)
        #expect(pending.steps.count == 6)
        #expect(pending.steps.first?.command == "add person \"Rinat Kibraev\"")
        #expect(pending.sessionLog == first.sessionLog)
        #expect(second.journalMatchesFile(pending))
        try run(second, "recover")
        #expect(CaseWriter.bytes(of: second.caseFile) == expected)
        #expect(second.hasUnsavedChanges)
        #expect(second.sessionLog == first.sessionLog)
        try run(second, "save")
        #expect(!FileManager.default.fileExists(atPath: journalPath))
    }

    @Test func aSaveRemovesTheJournal() throws {
        let (notebook, _) = notebook()
        try notebook.open(path: path)
        try run(notebook, "add person \"A B\"")
        #expect(FileManager.default.fileExists(atPath: Journal.path(for: path)))
        try run(notebook, "save")
        #expect(!FileManager.default.fileExists(atPath: Journal.path(for: path)))
    }

    @Test func recoverRefusesWhenTheFileWasSavedSince() throws {
        let (first, _) = notebook()
        try first.open(path: path)
        try run(first, "add person \"A B\"\nsave\nadd person \"C D\"")
        // Someone else saves a different change to the file meanwhile.
        let (other, _) = notebook()
        other.journaling = false
        try other.open(path: path)
        try run(other, "add person \"E F\"\nsave")

        let (second, _) = notebook()
        try second.open(path: path)
        let pending = try #require(second.pendingJournal)
        #expect(!second.journalMatchesFile(pending))
        let report = second.runScript("recover", name: "shell")
        #expect(report.errors.first?.contains("changed since this journal was written") == true)
        #expect(second.caseFile["d"] == nil)
        try run(second, "recover --force")
        #expect(second.caseFile["d"] != nil)
    }

    @Test func discardDeletesIt() throws {
        let (first, _) = notebook()
        try first.open(path: path)
        try run(first, "add person \"A B\"")
        let (second, _) = notebook()
        try second.open(path: path)
        try run(second, "recover --discard")
        #expect(!FileManager.default.fileExists(atPath: Journal.path(for: path)))
        #expect(second.runScript("recover", name: "shell").errors.first?.contains("no unsaved work") == true)
    }

    @Test func aJournalWithNoneInItsWayStartsInPlaceAndHoldsNothingUntilItsFirstCommand() throws {
        let journal = try Journal(casePath: path, baseHash: nil, revision: 0, started: "2025-11-25T12:00:00Z")
        #expect(journal.path == Journal.path(for: path))
        #expect(FileManager.default.fileExists(atPath: journal.path))
        #expect(!FileManager.default.fileExists(atPath: journal.path + ".new"))
        // Killed before its first command: there is nothing to recover.
        #expect(PendingJournal.find(for: path) == nil)
        journal.remove()
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }

    @Test func aJournalCutShortKeepsItsWholeRecords() throws {
        let (first, _) = notebook()
        try first.open(path: path)
        try run(first, "add person \"A B\"\nadd person \"C D\"")
        let journalPath = Journal.path(for: path)
        var bytes = try #require(FileManager.default.contents(atPath: journalPath))
        bytes.append(contentsOf: Array("\nAt: 2025-11-25T12:00:00Z\nCommand: add person \"Half\"\nChange: put\n+ # casefile format 1\n+ %rec: Casefile\n".utf8))
        bytes.append(contentsOf: [0xD0])  // half of a Cyrillic letter, as a torn write leaves it
        try bytes.write(to: URL(fileURLWithPath: journalPath))
        let pending = try #require(PendingJournal.find(for: path))
        #expect(pending.steps.map(\.command) == ["add person \"A B\"", "add person \"C D\""])
    }

    @Test func theLockAllowsOneWriter() throws {
        let first = CaseLock.acquire(for: path, now: "now")
        guard case .success(let lock) = first else {
            Issue.record("the first lock failed: \(first)")
            return
        }
        let second = CaseLock.acquire(for: path, now: "later")
        guard case .failure(.held(let holder)) = second else {
            Issue.record("a second lock was granted: \(second)")
            return
        }
        #expect(holder.pid == getpid())
        #expect(holder.since == "now")
        lock.release()
        guard case .success(let again) = CaseLock.acquire(for: path, now: "again") else {
            Issue.record("the lock was not free after release")
            return
        }
        again.release()
    }

    @Test func aReadOnlyNotebookRefusesChanges() throws {
        let (notebook, _) = notebook()
        try notebook.open(path: path)
        notebook.readOnlyReason = "held by pid 1"
        let report = notebook.runScript("add person \"A B\"", name: "shell")
        #expect(report.errors.first?.contains("the case is read-only: held by pid 1") == true)
        #expect(notebook.caseFile.entries.isEmpty)
        #expect(notebook.runScript("help", name: "shell").errors.isEmpty)
    }
}
