import CasefileCore
import CasefileTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Loads the case once per revision, then forks a child per trial, so each trial starts
/// in a fraction of a second with a 100k-entry case open, instead of loading it again.
/// fork copies only the calling thread, so the server forks only when no other thread is
/// at work (no journal, no Dispatch, and the chain hash a case opened without a chain
/// works out on a thread of its own is waited for before the first fork).
///
/// Protocol, one line each way:
/// - `load DIR N`: opens DIR/rev-R.rec for R in 1...N (N at most REVISIONS) as the case
///   at CASE (copied there first), keeps each open; answers `loaded`.
/// - `trial R K kill`: forks a child on revision R's notebook that recovers what the
///   journal holds, then runs the schedule from command K to the end, saving after each
///   revision, and idles until killed. Answers `child PID`, then `ended PID STATUS`
///   (`signal N` or `exit N`) when it is gone; the child's own lines come in between.
/// - `trial 1 0 candidates DIR`: the same run without kills, copying each saved revision to
///   DIR/rev-R.rec: the outputs a killed run must match.
/// - `quit`.
final class ForkServer {
    let casePath: String
    let entries: Int
    let revisions: Int
    private var notebooks: [Int: Notebook] = [:]

    init(casePath: String, entries: Int, revisions: Int) {
        self.casePath = casePath
        self.entries = entries
        self.revisions = revisions
    }

    /// The last command a child runs: the schedule up to revision REVISIONS + 1 and its
    /// save, then two changes that stay in the journal.
    var end: Int { FaultSchedule.firstIndex(of: revisions + 2) + 2 }

    func run() {
        Report.line("server ready")
        while let request = readLine() {
            let words = request.split(separator: " ").map(String.init)
            switch words.first {
            case "load" where words.count == 3: load(from: words[1], upTo: min(revisions, Int(words[2]) ?? 1))
            case "trial" where words.count >= 4:
                guard let revision = Int(words[1]), let start = Int(words[2]), let notebook = notebooks[revision] else {
                    Report.line("refused \(request)")
                    continue
                }
                trial(notebook, start: start, candidates: words[3] == "candidates" && words.count == 5 ? words[4] : nil)
            case "quit": return
            default: Report.line("refused \(request)")
            }
        }
    }

    private func load(from folder: String, upTo last: Int) {
        for revision in 1...max(1, last) where notebooks[revision] == nil {
            guard let bytes = FileManager.default.contents(atPath: "\(folder)/rev-\(revision).rec"),
                  FileManager.default.createFile(atPath: casePath, contents: bytes) else {
                Report.fail("no \(folder)/rev-\(revision).rec")
            }
            let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
            notebook.showsConfirmations = false
            do { try notebook.open(path: casePath) } catch { Report.fail("cannot open revision \(revision): \(error)") }
            // Build the indexes now, once, rather than in every child.
            _ = notebook.runScript("show \(FaultCase.personId(0))\nshow @h1", name: "warm-up")
            // A child forked while the hash is still being worked out would wait for a
            // thread it does not have, for ever (CI hung on exactly that).
            _ = notebook.loadedDigest
            notebooks[revision] = notebook
        }
        Report.line("loaded")
    }

    private func trial(_ notebook: Notebook, start: Int, candidates: String?) {
        let pid = fork()
        if pid == 0 {
            // A candidates run ends with the last save; a killed one goes on into the journal.
            FaultChild(notebook: notebook, casePath: casePath, entries: entries, start: start,
                       end: candidates == nil ? end : FaultSchedule.firstIndex(of: revisions + 2),
                       candidates: candidates).run()
        }
        guard pid > 0 else { Report.fail("fork: \(String(cString: strerror(errno)))") }
        Report.line("child \(pid)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        Report.line(signal != 0 ? "ended \(pid) signal \(signal)" : "ended \(pid) exit \((status >> 8) & 0xFF)")
    }
}

/// One trial's process: takes the lock, recovers the journal, runs and saves.
struct FaultChild {
    let notebook: Notebook
    let casePath: String
    let entries: Int
    let start: Int
    let end: Int
    let candidates: String?

    func run() -> Never {
        // Exactly what `casefile run` and the shell do on open: the lock, then the journal.
        guard case .success(let lock) = CaseLock.acquire(for: casePath, now: notebook.settings.now()) else {
            Report.line("lock held")
            _exit(3)
        }
        Report.line("lock ok")
        notebook.lookForPendingJournal()
        var recoveredJournal = false
        if let pending = notebook.pendingJournal {
            Report.line("pending \(pending.steps.count) \(notebook.journalMatchesFile(pending) ? "matches" : "differs")")
            Report.line("recovering")
            let report = notebook.runScript("recover", name: "child")
            if let error = report.errors.first { Report.line("recover-error " + Report.oneLine(error)); _exit(4) }
            Report.line("recovered \(pending.steps.count)")
            Report.line("state \(fingerprint)")
            recoveredJournal = true
        } else {
            Report.line("no-pending")
        }
        Report.line("ready")
        // recover is one undo step (one undo takes the whole recovery back), so a schedule
        // whose next command is undo cannot go on as the killed process would have.
        if recoveredJournal, FaultSchedule.command(start, entries: entries) == "undo" {
            Report.line("stopped before undo")
            idle()
        }
        // The recovered journal may hold a whole revision whose save the kill stopped: save it now.
        if start > 0, FaultSchedule.endsRevision(start - 1), notebook.hasUnsavedChanges {
            save(FaultSchedule.revision(of: start - 1))
        }
        for index in start..<end {
            Report.line("run \(index)")
            let began = Report.milliseconds()
            let report = notebook.runScript(FaultSchedule.command(index, entries: entries), name: "schedule")
            if let error = report.errors.first { Report.line("command-error \(index) " + Report.oneLine(error)); _exit(5) }
            Report.line("ran \(index) \(Report.milliseconds() - began)")
            // The kill-free run says where it stands after each command, for judging recoveries.
            if candidates != nil { Report.line("state-after \(index) \(fingerprint)") }
            if FaultSchedule.endsRevision(index) { save(FaultSchedule.revision(of: index)) }
        }
        if candidates != nil {
            lock.release()
            _exit(0)
        }
        idle()
    }

    /// Says so, then waits for the kill; if the server goes first (a test that stopped
    /// early), goes too.
    private func idle() -> Never {
        Report.line("idle")
        let server = getppid()
        while getppid() == server { usleep(100_000) }
        _exit(0)
    }

    /// What the schedule has changed so far (see FaultSchedule.fingerprint).
    private var fingerprint: String {
        FaultSchedule.fingerprint(notebook, entries: entries, lastRevision: FaultSchedule.revision(of: end))
    }

    private func save(_ revision: Int) {
        Report.line("saving \(revision)")
        let saving = Report.milliseconds()
        do { try notebook.save(message: "revision \(revision)") } catch {
            Report.line("save-error " + Report.oneLine(error.message))
            _exit(6)
        }
        Report.line("saved \(revision) \(Report.milliseconds() - saving)")
        if let candidates {
            guard let bytes = FileManager.default.contents(atPath: casePath),
                  FileManager.default.createFile(atPath: "\(candidates)/rev-\(revision).rec", contents: bytes) else {
                Report.line("copy-error \(revision)")
                _exit(7)
            }
        }
    }
}
