import CasefileCore
import CasefileTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kill -9 trials, one after another on the same files: each trial's process starts
/// where the last one was killed (recovering its journal), runs on, and is killed at a
/// random moment. After each kill the files are judged against what the process said
/// it had done (its report lines, each written after the fact):
///
/// - the case file is byte for byte one of the outputs of the same schedule run without
///   kills (each of which passed `check`): the revision last reported saved, or the one
///   being saved when the kill came;
/// - the journal holds exactly the commands reported run since the last save, in order,
///   plus at most the one running when the kill came, and is based on the file on disk.
///   A kill -9 loses nothing that write(2) accepted (the page cache survives the process),
///   so no reported command may be missing; fdatasync only matters for power loss;
/// - no temporary file of a save is left once a later save has completed;
/// - the next process takes over the dead one's lock, recovers exactly that journal (or
///   drops it without asking when a save that finished its rename made it stale), and its
///   own saves must again match the kill-free outputs, so a recovery that brought back
///   the wrong thing is caught at the next save.
struct KillChain {
    let casePath: String
    let candidates: [Int: [UInt8]]
    /// Their content hashes, as a journal's Base names the file it started from.
    let hashes: [Int: UInt64]
    let entries: Int
    /// Revisions the server has open (a trial can start from these).
    let revisions: Int
    /// The last command index of a child (see ForkServer.end).
    let end: Int

    /// The revision on disk, where the next trial starts.
    private(set) var revision = 1
    /// The next schedule command that is neither in the file nor in the journal.
    private(set) var next = 0
    /// The journal's commands as last judged (what the next process must recover).
    private var journalCommands: [String] = []
    /// Whether the journal on disk is stale (its save finished the rename), and its commands.
    private var staleJournal = false
    private var staleCommands: [String] = []
    /// Children whose killed save left a temporary file, not yet followed by a save.
    private var leftTemporaries: Set<Int32> = []
    /// How long a save's temporary file lives (seconds, a running average).
    private var temporaryLife = 0.02
    /// Where the kills landed, and other counts for the closing report.
    private(set) var tally: [String: Int] = [:]

    init(casePath: String, candidates: [Int: [UInt8]], entries: Int, revisions: Int) {
        self.casePath = casePath
        self.candidates = candidates
        hashes = candidates.mapValues { bytes in bytes.withUnsafeBufferPointer { ContentHash.of($0) } }
        self.entries = entries
        self.revisions = revisions
        end = FaultSchedule.firstIndex(of: revisions + 2) + 2
    }

    /// Puts revision 1 back on disk with no journal (at the start, and when a chain has run
    /// past the revisions the server holds).
    mutating func reset() throws {
        guard let base = candidates[1] else { throw ChainFailure("no revision 1") }
        try Data(base).write(to: URL(fileURLWithPath: casePath))
        unlink(Journal.path(for: casePath))
        unlink(Journal.path(for: casePath) + ".new")
        revision = 1
        next = 0
        journalCommands = []
        staleJournal = false
        count("resets")
    }

    /// When a trial's kill comes.
    enum Aim: CaseIterable {
        /// Anywhere in the child's run: recovery, commands, saves, idle after them.
        case anywhere
        /// Anywhere in a save, from the moment the child says it is saving.
        case save
        /// In the last part of a save: once its temporary file exists (writing, fsync, rename,
        /// removing the journal).
        case temporaryFile
    }

    /// One trial: start a child, kill it at a random moment chosen by `aim` (`saveTime` is
    /// how long a save takes), then judge the files.
    mutating func trial(_ number: Int, helper: HelperProcess, aim: Aim, saveTime: Double,
                        random: inout SeededGenerator) throws {
        let startedAt = next
        let startRevision = revision
        try helper.send("trial \(revision) \(next) kill")
        let first = try helper.lines(until: { $0.hasPrefix("child ") || $0.hasPrefix("refused") })
        guard let last = first.last, last.hasPrefix("child "), let pid = Int32(last.dropFirst(6)) else {
            throw ChainFailure("trial \(number): the server refused: \(first)")
        }
        // The child may speak before the server has said its pid.
        var lines = first.filter { !$0.hasPrefix("child ") }
        switch aim {
        case .anywhere:
            let savesLeft = Double(revisions + 1 - revision)
            usleep(useconds_t(Double.random(in: 0..<(saveTime * savesLeft + 0.01), using: &random) * 1_000_000))
        case .save:
            lines += try helper.lines(until: { $0.hasPrefix("saving") || $0 == "idle" || $0.hasPrefix("ended") })
            usleep(useconds_t(Double.random(in: 0..<saveTime, using: &random) * 1_000_000))
        case .temporaryFile:
            lines += try helper.lines(until: { $0.hasPrefix("saving") || $0 == "idle" || $0.hasPrefix("ended") })
            guard lines.last?.hasPrefix("saving") == true else { break }
            let temporary = (casePath as NSString).deletingLastPathComponent + "/."
                + (casePath as NSString).lastPathComponent + ".tmp-\(pid)"
            let deadline = Date().addingTimeInterval(saveTime * 3 + 1)
            while access(temporary, F_OK) != 0 && Date() < deadline { usleep(50) }
            // Kill within about twice the time the temporary file usually lives (learnt as the
            // trials go), so the kills spread over writing, fsync, rename and removing the journal.
            let appeared = Date()
            let delay = Double.random(in: 0..<max(0.004, 2.5 * temporaryLife), using: &random)
            var seenGone = false
            while Date().timeIntervalSince(appeared) < delay {
                if !seenGone && access(temporary, F_OK) != 0 {
                    seenGone = true
                    temporaryLife = 0.8 * temporaryLife + 0.2 * Date().timeIntervalSince(appeared)
                }
                usleep(50)
            }
        }
        if lines.last?.hasPrefix("ended") != true { kill(pid, SIGKILL) }
        lines += try helper.lines(until: { $0.hasPrefix("ended \(pid) ") })
        guard lines.last == "ended \(pid) signal 9" else {
            throw ChainFailure("trial \(number): the child did not die of the kill: \(lines)")
        }
        currentAim = aim
        let judging = Date()
        try judgeStart(lines, trial: number)
        try judgeFiles(lines, trial: number, pid: pid, startedAt: startedAt, startRevision: startRevision)
        tally["milliseconds judging", default: 0] += Int(Date().timeIntervalSince(judging) * 1000)
        count("aimed \(aim)")
        currentAim = nil
        if revision > revisions || next >= end { try reset() }
    }

    /// The child took the lock and recovered exactly what the last judgement expected.
    private mutating func judgeStart(_ lines: [String], trial: Int) throws {
        guard let firstLine = lines.first(where: { !$0.hasPrefix("child") }) else { return }
        if lines.first(where: { $0.hasPrefix("lock") }) == nil { count("killed before taking the lock"); return }
        guard firstLine == "lock ok" else { throw ChainFailure("trial \(trial): \(firstLine) (the dead process's lock was not taken over)") }
        guard let found = lines.first(where: { $0.hasPrefix("pending") || $0 == "no-pending" }) else { return }
        if journalCommands.isEmpty || staleJournal {
            guard found == "no-pending" else {
                throw ChainFailure("trial \(trial): expected nothing to recover\(staleJournal ? " (the journal was stale)" : ""), got \(found)")
            }
            if staleJournal { count("stale journals dropped on open") }
        } else {
            guard found == "pending \(journalCommands.count) matches" else {
                throw ChainFailure("trial \(trial): expected 'pending \(journalCommands.count) matches', got \(found)")
            }
            if let recovered = lines.first(where: { $0.hasPrefix("recovered") }) {
                guard recovered == "recovered \(journalCommands.count)" else { throw ChainFailure("trial \(trial): \(recovered)") }
                count("journals recovered")
            }
        }
        if let error = lines.first(where: { $0.contains("error") }) { throw ChainFailure("trial \(trial): \(error)") }
    }

    private mutating func judgeFiles(_ lines: [String], trial: Int, pid: Int32, startedAt: Int, startRevision: Int) throws {
        // What the child said it did, in order.
        var lastSaved = startRevision
        var saving: Int?
        var recovering = false
        var recovered = false
        var savedInTrial = false
        var ran: [Int] = []
        var running: Int?
        var idle = false
        for line in lines {
            let words = line.split(separator: " ")
            switch words.first {
            case "recovering": recovering = true
            case "recovered": recovered = true
            case "run": running = Int(words[1])
            case "ran":
                if let index = Int(words[1]) { ran.append(index) }
                running = nil
            case "saving": saving = Int(words[1])
            case "saved":
                lastSaved = Int(words[1]) ?? lastSaved
                saving = nil
                savedInTrial = true
                ran = []
                if !leftTemporaries.isEmpty { leftTemporaries = [] }
            case "idle": idle = true
            default: break
            }
        }
        let everRan = lines.compactMap { line -> Int? in
            let words = line.split(separator: " ")
            return words.first == "ran" ? Int(words[1]) : nil
        }

        // The case file: the last saved revision, or the one being saved.
        let disk = try FileBytes.read(casePath)
        var renamed = false
        if Self.same(disk, candidates[lastSaved]) {
            revision = lastSaved
        } else if let saving, Self.same(disk, candidates[saving]) {
            revision = saving
            renamed = true
        } else {
            // Keep the evidence: the file found and the one expected.
            let kept = NSTemporaryDirectory() + "casefile-fault-trial-\(trial)"
            try? Data(disk).write(to: URL(fileURLWithPath: kept + "-found.rec"))
            try? Data(candidates[lastSaved] ?? []).write(to: URL(fileURLWithPath: kept + "-expected.rec"))
            throw ChainFailure("trial \(trial): the case file (\(disk.count) bytes) is neither revision \(lastSaved)\(saving.map { " nor \($0)" } ?? "") (kept as \(kept)-found.rec and -expected.rec); the child said: \(lines)")
        }

        // Temporary files of saves: only the save the kill interrupted may have left one.
        let temporaries = try temporaryFiles()
        for (owner, _) in temporaries where owner != pid && !leftTemporaries.contains(owner) {
            throw ChainFailure("trial \(trial): a temporary file of process \(owner) survived a later save")
        }
        if temporaries.contains(where: { $0.pid == pid }) {
            guard saving != nil, !renamed else { throw ChainFailure("trial \(trial): a temporary file outside a save") }
            leftTemporaries.insert(pid)
        }

        // The journal: the commands since the last save, in order, based on that file.
        let schedule = { (index: Int) in FaultSchedule.command(index, entries: self.entries) }
        let base = recovered && !savedInTrial ? ["recover"] : []
        var allowed = [base + ran.map(schedule)]
        if let running { allowed.append(base + (ran + [running]).map(schedule)) }
        let hadPending = !journalCommands.isEmpty && !staleJournal
        if recovering && !recovered {
            // Killed while recovering: the old journal, or the new one holding the recovery whole.
            allowed = [journalCommands, ["recover"]]
        } else if hadPending && !recovering {
            // Killed before it began to recover: the old journal untouched.
            allowed = [journalCommands]
        } else if staleJournal && !lines.contains("no-pending") {
            // Killed before it dropped the stale journal, or after.
            allowed.append(staleCommands)
        }
        let pending = PendingJournal.find(for: casePath)
        let found = pending?.steps.map(\.command) ?? []
        if renamed {
            // The rename happened; the journal was removed or is the one just saved.
            guard pending == nil || allowed.contains(found) else {
                throw ChainFailure("trial \(trial): after the rename the journal holds \(found)")
            }
        } else {
            guard allowed.contains(found) else {
                throw ChainFailure("trial \(trial): the journal holds \(found.map(Self.short)), expected \(allowed.map { $0.map(Self.short) })")
            }
            let isOldStale = staleJournal && found == staleCommands
            if let pending, !isOldStale, let hash = hashes[revision] {
                guard pending.base == String(hash, radix: 16) else {
                    throw ChainFailure("trial \(trial): the journal is based on another file than revision \(revision)")
                }
            }
        }
        let stillStale = staleJournal && !lines.contains("no-pending") && found == staleCommands && !found.isEmpty
        staleJournal = (renamed && pending != nil) || stillStale
        staleCommands = staleJournal ? found : []
        journalCommands = staleJournal ? [] : found

        // Where the next process goes on: after the last command that is in the file or the journal.
        var durable = everRan.last
        let withRunning = base.count + ran.count + 1
        if running != nil, !renamed, found.count == withRunning { durable = running }
        next = durable.map { $0 + 1 } ?? startedAt
        if renamed { next = max(next, FaultSchedule.firstIndex(of: revision + 1)) }

        // Where the kill landed.
        if recovering && !recovered {
            count("killed while recovering")
        } else if idle {
            count("killed idle after the last save")
        } else if let saving {
            if renamed {
                count(pending == nil ? "killed after the rename, journal removed" : "killed after the rename, before the journal was removed")
            } else if temporaries.contains(where: { $0.pid == pid }) {
                count("killed while writing the temporary file")
            } else {
                count("killed while building the text (saving \(saving))")
            }
        } else {
            count(savedInTrial ? "killed in commands after a save" : "killed in commands before any save")
        }
        if running != nil && !renamed && found.count == withRunning { count("killed after the journal write, before the report") }
        count("trials")
    }

    /// Temporary files beside the case, by the process that made them.
    private func temporaryFiles() throws -> [(pid: Int32, name: String)] {
        let folder = (casePath as NSString).deletingLastPathComponent
        let prefix = "." + (casePath as NSString).lastPathComponent + ".tmp-"
        return try FileManager.default.contentsOfDirectory(atPath: folder).compactMap { name in
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)) else { return nil }
            return (pid, name)
        }
    }

    /// The aim of the trial being judged, to count where each kind of aim landed.
    private var currentAim: Aim?

    private mutating func count(_ what: String) {
        tally[what, default: 0] += 1
        if let currentAim, what.hasPrefix("killed") { tally["  \(currentAim): \(what)", default: 0] += 1 }
    }

    private static func short(_ command: String) -> String { String(command.prefix(24)) }

    /// Byte equality with memcmp (a debug build compares arrays element by element).
    private static func same(_ a: [UInt8], _ b: [UInt8]?) -> Bool {
        guard let b, a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in
            guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
            return memcmp(p, q, x.count) == 0
        } }
    }

    /// The counts, one per line.
    var summary: String {
        tally.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }.joined(separator: "\n")
    }
}

/// A judgement failed: what was found against what was expected.
struct ChainFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
