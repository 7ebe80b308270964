import Foundation

extension Notebook {
    /// Appends the lines of a change to the recovery journal, starting one if needed.
    func journalChange(_ lines: [String]) {
        guard journaling, let path, !lines.isEmpty else { return }
        do {
            if journal == nil {
                journal = try Journal(casePath: path, baseHash: diskHash, revision: caseFile.header.revision,
                                      started: settings.now())
            }
            try journal?.append(lines, at: settings.now())
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
