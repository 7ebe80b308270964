#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Why an older revision cannot be rebuilt from a file's session records.
public enum ReplayProblem: Error, Sendable, CustomStringConvertible {
    /// The file records no sessions.
    case noSessions
    /// The first session recorded is not revision 1.
    case startsLater(first: Int)
    /// A revision between the first and the last has no session record.
    case missing(revision: Int)
    /// Two session records carry the same revision (two saves merged).
    case duplicate(revision: Int)
    /// The revision asked for is not in the file.
    case noSuchRevision(Int, latest: Int)
    /// A session's Saved is not an ISO date-time, so its timestamps cannot be reproduced.
    case badTimestamp(revision: Int, value: String)
    /// A recorded command fails when replayed.
    case commandFailed(revision: Int, error: String)
    /// Replaying every session does not give the file: it was edited by hand (or by
    /// something other than casefile's commands). `diff` is what the replay misses,
    /// `firstSign` the first revision whose recorded summary or commands the replay
    /// does not reproduce, if any.
    case handEdits(latest: Int, diff: CaseDiff, firstSign: String?)
    /// The file is not what its last save wrote, but every save up to it replays and
    /// hashes as recorded: the edit came after revision `latest`, which still rebuilds.
    case editedAfterLastSave(latest: Int, diff: CaseDiff)

    /// What still rebuilds: the revisions before `revision`, in words.
    static func before(_ revision: Int) -> String {
        revision <= 1 ? "there is no revision before it to rebuild" : revision == 2 ? "revision 1 still rebuilds" : "revisions 1…\(revision - 1) still rebuild"
    }

    public var description: String {
        switch self {
        case .noSessions:
            return "the file records no sessions, so there is no history to replay"
        case let .startsLater(first):
            return "the session log starts at revision \(first): revisions before it were not recorded, so nothing can be rebuilt from an empty case"
        case let .missing(revision):
            return "revision \(revision) has no session record: the log is incomplete"
        case let .duplicate(revision):
            return "revision \(revision) is recorded twice (two saves merged?): renumber one of them"
        case let .noSuchRevision(revision, latest):
            return "there is no revision \(revision): the file is at revision \(latest)"
        case let .badTimestamp(revision, value):
            return "revision \(revision) was saved at '\(value)', which is not an ISO date-time (2025-11-25T12:00:00Z)"
        case let .commandFailed(revision, error):
            return "a command of revision \(revision) fails when replayed, so the log explains the file only up to revision \(revision - 1) (\(Self.before(revision))):\n\(error)"
        case let .editedAfterLastSave(latest, diff):
            return "the file was edited outside casefile after revision \(latest) was saved (\(diff.summary) not explained by the log);"
                + " the session chain vouches for revisions 1…\(latest), which still rebuild"
        case let .handEdits(latest, diff, firstSign):
            guard let firstSign else {
                return "replaying the session log does not give the file at revision \(latest): it was changed by hand"
                    + " (\(diff.summary) not explained by the log); no session record shows when, so no revision can be vouched for"
            }
            return "the session log stops explaining the file at revision \(latest): it was changed by hand"
                + " (\(diff.summary) not explained by the log); \(Self.before(latest))"
                + "\n  first sign: \(firstSign)"
        }
    }
}

/// Rebuilds revisions of a case from the Session records it carries: an empty case,
/// each session's commands replayed with that session's author and time (so every
/// timestamp comes out as it was), saved in memory, and so on up to the revision
/// wanted. Before trusting the log, the whole of it is replayed and compared with the
/// file: if they differ, the file was edited by hand and older revisions cannot be
/// known.
public struct RevisionReplay {
    /// The case whose history is replayed.
    public let caseFile: CaseFile
    /// The sessions by revision, checked to run 1…latest without gaps.
    public let sessions: [Session]
    /// Whether each replayed save's hash is recomputed and compared with the one recorded
    /// (to find where a broken chain breaks); otherwise the recorded chain fields are
    /// copied into the rebuilt records, which costs nothing per session.
    public var verifiesChain: Bool

    /// Checks that `caseFile`'s log is complete. The chain's hashes are recomputed for
    /// every session unless `chain` says the chain holds.
    public init(_ caseFile: CaseFile, chain: ChainCheck? = nil) throws(ReplayProblem) {
        verifiesChain = caseFile.sessions.contains { $0.chainHash != nil } && chain?.holds != true
        let sessions = caseFile.sessions.sorted { $0.revision < $1.revision }
        guard let first = sessions.first else { throw .noSessions }
        guard first.revision == 1 else { throw .startsLater(first: first.revision) }
        for (index, session) in sessions.enumerated() where session.revision != index + 1 {
            if session.revision == index { throw .duplicate(revision: index) }
            throw .missing(revision: index + 1)
        }
        self.caseFile = caseFile
        self.sessions = sessions
    }

    /// The latest revision recorded.
    public var latest: Int { sessions.count }

    /// The canonical bytes of revision `revision`. With `trust` false (the default) the
    /// log is checked first: a revision before the first one whose command fails or whose
    /// session record its replay does not reproduce still rebuilds; from that one on
    /// nothing can be known, and the problem says from which revision.
    public func rebuild(revision: Int, trust: Bool = false) throws(ReplayProblem) -> [UInt8] {
        try rebuild(revisions: [revision], trust: trust)[revision] ?? []
    }

    /// With `laterEdits`, a file edited outside casefile after its last save (which the
    /// chain shows, every earlier save hashing as recorded) still gives its revisions:
    /// they are what the saves wrote (a reviewer's `diff CASE@3 CASE`).

    /// The canonical bytes of each of `revisions`, from one replay of the log (checked as
    /// `rebuild(revision:trust:)` checks it).
    public func rebuild(revisions: Set<Int>, trust: Bool = false, laterEdits: Bool = false) throws(ReplayProblem) -> [Int: [UInt8]] {
        for revision in revisions.sorted() where revision < 1 || revision > latest {
            throw .noSuchRevision(revision, latest: latest)
        }
        let highest = revisions.max() ?? 0
        var wanted: [Int: [UInt8]] = [:]
        let outcome = replay(through: trust ? highest : latest, checkingRecords: !trust) { number, rebuilt in
            if revisions.contains(number) { wanted[number] = CaseWriter.bytes(of: rebuilt) }
        }
        if let problem = outcome.problem, outcome.firstUnexplained <= highest { throw problem }
        // The file differs from the whole log's replay, and no session record says from
        // when: no revision can be vouched for.
        if !trust, outcome.problem == nil, let problem = problem(of: outcome) {
            if laterEdits, case .editedAfterLastSave = problem { return wanted }
            throw problem
        }
        return wanted
    }

    /// Replays the whole log and checks that it gives the file.
    public func verify() throws(ReplayProblem) {
        if let problem = problem(of: replay(through: latest) { _, _ in }) { throw problem }
    }

    /// What a replay of the whole log found wrong, if anything.
    private func problem(of outcome: Outcome) -> ReplayProblem? {
        if let problem = outcome.problem { return problem }
        guard CaseWriter.bytes(of: outcome.caseFile) != CaseWriter.bytes(of: caseFile) else { return nil }
        let diff = CaseDiff.between(outcome.caseFile, caseFile)
        // Every save's hash was recomputed and matched: each revision is what it wrote.
        if verifiesChain, sessions.last?.chainHash != nil { return .editedAfterLastSave(latest: latest, diff: diff) }
        return .handEdits(latest: latest, diff: diff, firstSign: nil)
    }

    /// How far a replay got: the case it made, and the first revision it could not
    /// explain (`latest + 1` when it explained every session record) with why.
    struct Outcome {
        var caseFile: CaseFile
        var firstUnexplained: Int
        var problem: ReplayProblem?
    }

    /// Replays sessions 1…`last`, calling `saved` after each in-memory save, and stops at
    /// the first session whose commands fail or whose record the replay does not give.
    /// `observe`, when given, sees each session's notebook after its commands ran and
    /// before its save (what the session changed is still in the notebook's baseline).
    func replay(through last: Int, checkingRecords: Bool = true, observe: ((Session, Notebook) -> Void)? = nil,
                saved: (Int, CaseFile) -> Void) -> Outcome {
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: ""))
        notebook.showsConfirmations = false
        notebook.journaling = false
        notebook.sealsSessions = false
        var rebuiltDigest: String?
        for session in sessions.prefix(last) {
            func stop(_ problem: ReplayProblem) -> Outcome {
                Outcome(caseFile: notebook.caseFile, firstUnexplained: session.revision, problem: problem)
            }
            let savedAt = session.saved ?? ""
            guard let seconds = Self.seconds(savedAt) else {
                return stop(.badTimestamp(revision: session.revision, value: savedAt))
            }
            notebook.settings = Settings(userName: session.by ?? "", fixedTime: seconds)
            // The case this save started from, hashed only when the record names one and
            // the save before it left no hash (an older casefile's save, or none).
            if verifiesChain, !session.chainParents.isEmpty, rebuiltDigest == nil {
                rebuiltDigest = SessionChain.digest(of: notebook.caseFile)
            }
            let script = session.commands.joined(separator: "\n")
            let report = notebook.runScript(script, name: "revision \(session.revision)")
            if let error = report.errors.first { return stop(.commandFailed(revision: session.revision, error: error)) }
            observe?(session, notebook)
            // A save by an older casefile counted ripples of renames as edits: its summary
            // is what that rule gives, and the replay takes it as recorded.
            let summary = notebook.unsavedSummary
            var text = summary.text
            if let recorded = session.summary, recorded != text, recorded == summary.textCountingEveryRecord { text = recorded }
            var prepared = notebook.prepareSave(message: session.message, summary: text)
            seal(&prepared.caseFile, like: session, previous: &rebuiltDigest)
            notebook.commitSave(prepared, path: nil, hash: nil)
            if checkingRecords, let rebuilt = notebook.caseFile.sessions.last, rebuilt != session {
                let sign: String
                if rebuilt.summary != session.summary {
                    sign = "revision \(session.revision) records '\(session.summary ?? "")' but its commands give '\(rebuilt.summary ?? "")'"
                } else if rebuilt.withoutChain != session.withoutChain {
                    sign = "revision \(session.revision)'s session record was modified: it differs from its replay"
                } else if rebuilt.chainParents.first != session.chainParents.first {
                    sign = "revision \(session.revision) was saved from a file edited outside casefile after revision \(session.revision - 1)"
                } else {
                    sign = "revision \(session.revision)'s session record was modified after the save: its replay does not hash to what the save wrote (its message, author, time or commands were changed, and what they made with them)"
                }
                var expected = caseFile
                expected.sessions = caseFile.sessions.filter { $0.revision <= session.revision }
                return stop(.handEdits(latest: session.revision, diff: CaseDiff.between(notebook.caseFile, expected),
                                       firstSign: sign))
            }
            saved(session.revision, notebook.caseFile)
        }
        return Outcome(caseFile: notebook.caseFile, firstUnexplained: last + 1, problem: nil)
    }

    /// Gives the rebuilt newest session of `rebuilt` the chain fields `recorded` has: its
    /// hashes recomputed (`verifiesChain`) or copied. `previous` is the chain's hash of the
    /// rebuilt case before this save, and becomes the one after it.
    private func seal(_ rebuilt: inout CaseFile, like recorded: Session, previous: inout String?) {
        defer { previous = rebuilt.sessions.last?.chainHash }
        let parents = recorded.chainParents
        guard recorded.chainHash != nil || !parents.isEmpty, let newest = rebuilt.sessions.indices.last else { return }
        guard verifiesChain else {
            rebuilt.sessions[newest].fields += recorded.fields.filter {
                $0.name == SessionChain.previousField || $0.name == SessionChain.hashField
            }
            return
        }
        // The first parent is the case this save started from, which the replay knows; a
        // merge's second (theirs) is not in this file's log, and is taken as recorded.
        let before = parents.isEmpty ? [] : [previous ?? ""]
        SessionChain.seal(&rebuilt, parents: before + parents.dropFirst())
        if recorded.chainHash == nil { rebuilt.sessions[newest].fields.removeAll { $0.name == SessionChain.hashField } }
    }

    /// Seconds since the epoch of an ISO 8601 UTC date-time (`2025-11-25T12:00:00Z`).
    static func seconds(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
              bytes[16] == 0x3A, bytes[19] == 0x5A else { return nil }
        func number(_ from: Int, _ count: Int) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int32(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let result = Int(timegm(&parts))
        return Settings.iso(result) == text ? result : nil
    }
}
