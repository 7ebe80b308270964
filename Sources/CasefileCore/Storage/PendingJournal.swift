#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A journal left behind by a session that did not save. Any journal that is there and
/// not clearly finished is unsaved work: one that cannot be read whole is still offered,
/// with what could be read and what could not, and is never deleted unread.
public struct PendingJournal: Sendable {
    /// One command of the journaled session.
    public struct Step: Sendable {
        /// When it ran.
        public var at: String
        /// What was typed.
        public var command: String
        /// Session log lines it removed (an undo) and added.
        public var unlog: Int
        /// Session log lines it added.
        public var log: [String]
        /// Its changes, in order.
        public var changes: [Change]
    }

    /// Where it is.
    public var path: String
    /// The hash of the case file when the journal started ("none" for a new file).
    public var base: String
    /// The case's revision then.
    public var revision: Int
    /// When it started.
    public var started: String
    /// The commands that could be read, in order.
    public var steps: [Step]
    /// What could not be read (empty for a journal read whole).
    public var problems: [String] = []

    /// Whether every byte of the journal was read.
    public var isWhole: Bool { problems.isEmpty }

    /// Reads the journal for `casePath`, if there is one; nil when there is none, or it is
    /// whole and holds no command (a session killed before its first change).
    public static func find(for casePath: String) -> PendingJournal? {
        let path = Journal.path(for: casePath)
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path, followLinks: false) } catch {
            return PendingJournal(path: path, base: "unknown", revision: 0, started: "unknown", steps: [],
                                  problems: [error.description])
        }
        var journal = read(bytes, path: path)
        if bytes.last != 0x0A, !bytes.isEmpty {
            // A crash while a record was written: the part after the last line is not read.
            journal.problems.append("the last record was cut short (\(bytes.count - (bytes.lastIndex(of: 0x0A) ?? -1) - 1) bytes not read)")
        }
        return journal.steps.isEmpty && journal.isWhole ? nil : journal
    }

    /// The journal in `bytes`: strictly as the recfile it is; when that fails, record by
    /// record, keeping the commands before the first that cannot be read.
    static func read(_ bytes: [UInt8], path: String) -> PendingJournal {
        let whole = bytes.lastIndex(of: 0x0A).map { Array(bytes[...$0]) } ?? []
        let text = String(decoding: whole, as: UTF8.self)
        if let loaded = try? CaseReader.read(text: text, file: path).caseFile,
           let header = loaded.foreign.first(where: { $0.recordType == "Journal" })?.records.first {
            let records = loaded.foreign.first(where: { $0.recordType == "Command" })?.records ?? []
            return make(path: path, header: header, records: records, problems: [])
        }
        // Damaged: each blank-line-separated chunk read on its own (values never hold a
        // blank line: continuation lines start with `+`).
        var header: ForeignRecord?
        var records: [ForeignRecord] = []
        var problems = ["the journal is damaged (it is not a recfile casefile can read whole)"]
        for chunk in text.components(separatedBy: "\n\n") {
            let lines = chunk.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("%") }
            guard let first = lines.first else { continue }
            let body = lines.joined(separator: "\n") + "\n"
            let record = (try? CaseReader.read(text: "%rec: Chunk\n\n" + body, file: path).caseFile)?
                .foreign.first { $0.recordType == "Chunk" }?.records.first
            if first.hasPrefix("Case:") || first.hasPrefix("Base:") {
                header = record
            } else if first.hasPrefix("At:") {
                guard let record else {
                    problems.append("command \(records.count + 1) could not be read")
                    break
                }
                records.append(record)
            }
        }
        if header == nil { problems.append("its header (Case, Base, Revision) could not be read") }
        return make(path: path, header: header, records: records, problems: problems)
    }

    static func make(path: String, header: ForeignRecord?, records: [ForeignRecord], problems: [String]) -> PendingJournal {
        var problems = problems
        var steps: [Step] = []
        for (index, record) in records.enumerated() {
            let changes = record.values("Change").compactMap(JournalCoding.decode)
            guard changes.count == record.values("Change").count, !changes.isEmpty,
                  record["Done"] == String(changes.count) else {
                let rest = records.count - index
                problems.append("command \(index + 1) is incomplete or cannot be read"
                                + (rest > 1 ? "; it and the \(rest - 1) after it are not replayed" : ""))
                break
            }
            steps.append(Step(at: record["At"] ?? "", command: record["Command"] ?? "",
                              unlog: Int(record["Unlog"] ?? "") ?? 0, log: record.values("Log"), changes: changes))
        }
        return PendingJournal(path: path, base: header?["Base"] ?? "unknown",
                              revision: Int(header?["Revision"] ?? "") ?? 0, started: header?["Started"] ?? "unknown",
                              steps: steps, problems: problems)
    }

    /// The session log the journaled session had when it stopped.
    public var sessionLog: [String] {
        var log: [String] = []
        for step in steps {
            log.removeLast(min(step.unlog, log.count))
            log.append(contentsOf: step.log)
        }
        return log
    }

    /// Moves the journal aside to `PATH.discarded-TIME` (never deleted: it may hold the
    /// only copy of someone's work); returns the new path.
    public func moveAside(now: String) throws(StorageError) -> String {
        let stamp = now.filter { $0.isNumber || $0 == "T" || $0 == "Z" }
        var target = path + ".discarded-" + stamp
        var counter = 2
        while access(target, F_OK) == 0 {
            target = path + ".discarded-" + stamp + "-\(counter)"
            counter += 1
        }
        guard rename(path, target) == 0 else { throw .cannotWrite(path: path, step: "move aside", errno: errno) }
        return target
    }
}
