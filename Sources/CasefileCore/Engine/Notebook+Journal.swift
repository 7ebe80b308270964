import Foundation

extension Notebook {
    /// Appends what the command just run did to the recovery journal, starting one if needed.
    func journalChange(command: String) {
        guard journaling, let path, let recorder = journalRecorder, !recorder.changes.isEmpty else { return }
        do {
            if journal == nil {
                journal = try Journal(casePath: path, baseHash: diskHash, revision: caseFile.header.revision,
                                      started: settings.now())
            }
            try journal?.append(command: command, recorder: recorder, at: settings.now())
        } catch {
            if !journalWarned {
                journalWarned = true
                output.diagnostic(Terminal.visible("warning: \(error.description); unsaved changes are only in memory"))
            }
        }
    }

    /// Removes the journal: after a save, or when unsaved changes are deliberately dropped.
    public func discardJournal() {
        journal?.remove()
        journal = nil
    }

    /// Flushes the journal to disk now (before exiting on a signal).
    public func syncJournal() { journal?.syncNow() }

    /// Whether the journal left by an earlier session fits the file as it is now.
    public func journalMatchesFile(_ pending: PendingJournal) -> Bool {
        pending.base == (diskHash.map { String($0, radix: 16) } ?? "none")
    }
}

extension Notebook {
    /// Deletes the journal an earlier session left behind.
    public func discardPendingJournal() {
        if let pending = pendingJournal, journal == nil { unlink(pending.path) }
        pendingJournal = nil
    }
}

/// What one command did: its changes (rolled back ones excluded) and how it moved the
/// session log, so a recovery rebuilds both exactly, undo included.
struct JournalRecorder {
    var changes: [Change] = []
    var removedLogLines = 0
    var addedLogLines: [String] = []
}

extension Notebook {
    /// Adds lines to the session log.
    func logAppend(_ lines: [String]) {
        sessionLog.append(contentsOf: lines)
        journalRecorder?.addedLogLines.append(contentsOf: lines)
    }

    /// Removes the last `count` lines of the session log.
    func logRemoveLast(_ count: Int) {
        sessionLog.removeLast(min(count, sessionLog.count))
        guard journalRecorder != nil else { return }
        let fromAdded = min(count, journalRecorder?.addedLogLines.count ?? 0)
        journalRecorder?.addedLogLines.removeLast(fromAdded)
        journalRecorder?.removedLogLines += count - fromAdded
    }
}

extension Notebook {
    /// Applies a journal's changes as part of the running command, and restores the
    /// session log the journaled session had.
    func replay(_ pending: PendingJournal) {
        for step in pending.steps {
            for change in step.changes {
                switch change {
                case let .entry(old, new):
                    if let new { put(new) } else if let old { removeEntry(old.id) }
                case let .link(old, new):
                    if let new { put(new) } else if let old { removeLink(old.key) }
                case let .note(old, new):
                    if let new { put(new) } else if let old { removeNote(old.key) }
                case let .header(_, new):
                    setHeader(new)
                }
            }
        }
        self.pending?.log = pending.sessionLog
    }
}
