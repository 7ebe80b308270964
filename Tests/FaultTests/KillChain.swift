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
///   drops it without asking when a save that finished its rename made it stale) to the
///   state the kill-free run had after the last command the journal holds (a fingerprint
///   of every record the schedule touches, the counts and the session log), and its own
///   saves must again match the kill-free outputs byte for byte.
struct KillChain {
    let casePath: String
    let candidates: [Int: [UInt8]]
    /// Their content hashes, as a journal's Base names the file it started from.
    let hashes: [Int: UInt64]
    /// The kill-free run's fingerprint after each command (FaultSchedule.fingerprint).
    let states: [Int: String]
    let entries: Int
    /// Revisions the server has open (a trial can start from these).
    let revisions: Int
    /// The last command index of a child (see ForkServer.end).
    let end: Int

    /// The revision on disk, where the next trial starts.
    var revision = 1
    /// The next schedule command that is neither in the file nor in the journal.
    var next = 0
    /// The journal's commands as last judged (what the next process must recover).
    var journalCommands: [String] = []
    /// Whether the journal on disk is stale (its save finished the rename), and its commands.
    var staleJournal = false
    var staleCommands: [String] = []
    /// Children whose killed save left a temporary file, not yet followed by a save.
    var leftTemporaries: Set<Int32> = []
    /// How long a save's temporary file lives (seconds, a running average).
    private var temporaryLife = 0.02
    /// Where the kills landed, and other counts for the closing report.
    var tally: [String: Int] = [:]

    init(casePath: String, candidates: [Int: [UInt8]], states: [Int: String], entries: Int, revisions: Int) {
        self.casePath = casePath
        self.candidates = candidates
        self.states = states
        hashes = candidates.mapValues { bytes in bytes.withUnsafeBufferPointer { ContentHash.of($0) } }
        self.entries = entries
        self.revisions = revisions
        end = FaultSchedule.firstIndex(of: revisions + 2) + 2
    }

    /// Puts revision 1 back on disk with no journal (at the start, and when a chain has run
    /// past the revisions the server holds).
    mutating func reset() throws {
        guard let base = candidates[1] else { throw ChainFailure("no revision 1") }
        // Replaced as casefile and editors replace a file: the server's notebooks read their
        // values from the files they opened, which a rewrite in place would change under them.
        try Data(base).write(to: URL(fileURLWithPath: casePath), options: .atomic)
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
        // recover is one undo step by design, so after a recovery the schedule's undo would
        // take more back than the killed process's did: the child stops there, and the
        // chain starts again from revision 1.
        if lines.contains("stopped before undo") { count("recoveries followed by undo (chain restarted)") }
        if revision > revisions || next >= end || lines.contains("stopped before undo") { try reset() }
    }

    /// Temporary files beside the case, by the process that made them.
    func temporaryFiles() throws -> [(pid: Int32, name: String)] {
        let folder = (casePath as NSString).deletingLastPathComponent
        let prefix = "." + (casePath as NSString).lastPathComponent + ".tmp-"
        return try FileManager.default.contentsOfDirectory(atPath: folder).compactMap { name in
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)) else { return nil }
            return (pid, name)
        }
    }

    /// The aim of the trial being judged, to count where each kind of aim landed.
    var currentAim: Aim?

    mutating func count(_ what: String) {
        tally[what, default: 0] += 1
        if let currentAim, what.hasPrefix("killed") { tally["  \(currentAim): \(what)", default: 0] += 1 }
    }

    static func short(_ command: String) -> String { String(command.prefix(24)) }

    /// Byte equality with memcmp (a debug build compares arrays element by element).
    static func same(_ a: [UInt8], _ b: [UInt8]?) -> Bool {
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
