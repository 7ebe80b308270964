import CasefileCore
import CasefileTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The judgement after each kill (what is checked is listed on `KillChain`).
extension KillChain {
    /// The child took the lock and recovered exactly what the last judgement expected.
    mutating func judgeStart(_ lines: [String], trial: Int) throws {
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
                // The replayed journal gives exactly the state the kill-free run had after the
                // last command the journal holds.
                if let state = lines.first(where: { $0.hasPrefix("state ") }) {
                    guard let expected = states[next - 1], state == "state \(expected)" else {
                        throw ChainFailure("trial \(trial): recovered to \(state), but the kill-free run had \(states[next - 1] ?? "?") after command \(next - 1)")
                    }
                    count("recoveries equal to the kill-free state")
                }
            }
        }
        if let error = lines.first(where: { $0.contains("error") }) { throw ChainFailure("trial \(trial): \(error)") }
    }

    mutating func judgeFiles(_ lines: [String], trial: Int, pid: Int32, startedAt: Int, startRevision: Int) throws {
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
}
