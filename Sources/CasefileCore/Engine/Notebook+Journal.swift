import Foundation

extension Notebook {
    /// Appends what the command just run did to the recovery journal, starting one if needed.
    /// After a failed write (a full disk) the journal may be torn or miss a command, so the
    /// next change writes a fresh journal holding every unsaved change at once, which
    /// replaces the old one only when whole.
    func journalChange(command: String) {
        guard journalState.isEnabled, let path, let recorder = journalState.recorder, !recorder.isEmpty else { return }
        do {
            if journalState.current == nil || journalState.lastWriteFailed {
                let fresh = try Journal(casePath: path, baseHash: diskHash, revision: caseFile.header.revision,
                                        started: settings.now())
                // A journal dropped when the case came back to its saved state (a change
                // removed again) leaves the session log with lines the next command's step
                // alone would lose: then it starts with every unsaved change and the whole log.
                let startsTheLog = recorder.removedLogLines == 0 && recorder.addedLogLines == log.lines
                if journalState.lastWriteFailed || !startsTheLog {
                    var whole = JournalRecorder()
                    whole.changes = unsavedChanges
                    whole.addedLogLines = log.lines
                    try fresh.append(command: journalState.lastWriteFailed
                                        ? "# every unsaved change, rewritten after the journal could not be written" : command,
                                     recorder: whole, at: settings.now())
                } else {
                    try fresh.append(command: command, recorder: recorder, at: settings.now()) { self.caseFile[$0] }
                }
                journalState.current = fresh
                if journalState.lastWriteFailed { output.diagnostic("note: the recovery journal is written again") }
                journalState.lastWriteFailed = false
            } else {
                try journalState.current?.append(command: command, recorder: recorder, at: settings.now()) { self.caseFile[$0] }
            }
        } catch {
            if !journalState.lastWriteFailed {
                output.diagnostic(Terminal.visible("warning: \(error.description); unsaved changes are only in memory until the journal can be written again"))
            }
            journalState.lastWriteFailed = true
        }
    }

    /// Removes the journal: after a save, or when unsaved changes are deliberately dropped.
    public func discardJournal() {
        journalState.current?.remove()
        journalState.current = nil
        // A journal that never got whole (its first write failed) leaves only its temporary file.
        if journalState.lastWriteFailed, let path { unlink(Journal.path(for: path) + ".new") }
        journalState.lastWriteFailed = false
    }

    /// Flushes the journal to disk now (before exiting on a signal).
    public func syncJournal() { journalState.current?.syncNow() }

    /// Whether the journal left by an earlier session fits the file as it is now.
    public func journalMatchesFile(_ pending: PendingJournal) -> Bool {
        pending.base == (diskHash.map { String($0, radix: 16) } ?? "none")
    }
}

extension Notebook {
    /// Moves the journal an earlier session left behind aside (`.NAME.rec.journal.discarded-TIME`):
    /// never deleted, it may hold the only copy of that work. Returns where it went.
    @discardableResult
    public func discardPendingJournal() throws(StorageError) -> String? {
        guard let pending = journalState.pending else { return nil }
        var moved: String?
        if journalState.current == nil { moved = try pending.moveAside(now: settings.now()) }
        journalState.pending = nil
        return moved
    }
}

/// What one command did: its changes (rolled back ones excluded) and how it moved the
/// session log, so a recovery rebuilds both exactly, undo included.
struct JournalRecorder {
    /// One thing the command did.
    enum Step {
        /// A change, whose first `unchanged` fields (of an entry changed) are known to be as
        /// they were (0: unknown).
        case change(Change, unchanged: Int)
        /// Entry `id`'s fields `at..<at + removed` became `added`, in place: the journal
        /// holds the entry whole already (`Notebook.applyFieldEditRaw` sees to that).
        case edit(id: String, at: Int, removed: Int, added: [Field])
    }

    private(set) var steps: [Step] = []
    /// Entries this command removed or renamed away: the journal no longer holds them whole
    /// once it has written this command, so they are not edited in place after it.
    private(set) var notWhole: Set<String> = []

    /// The changes, for a recorder made of whole changes (every unsaved change at once).
    var changes: [Change] {
        get { steps.compactMap { if case let .change(change, _) = $0 { return change } else { return nil } } }
        set { steps = newValue.map { .change($0, unchanged: 0) } }
    }

    /// Whether the command did anything.
    var isEmpty: Bool { steps.isEmpty }

    /// Records `change`, whose first `unchanged` fields are known to be as they were.
    mutating func add(_ change: Change, keepingFirst unchanged: Int = 0) {
        if case let .entry(old?, new) = change, new?.id != old.id { notWhole.insert(old.id) }
        steps.append(.change(change, unchanged: unchanged))
    }

    /// Records an edit of entry `id` made in place.
    mutating func addEdit(id: String, at: Int, removed: Int, added: [Field]) {
        steps.append(.edit(id: id, at: at, removed: removed, added: added))
    }
    var removedLogLines = 0
    var addedLogLines: [String] = []
}

extension Notebook {
    /// Adds lines to the session log.
    func logAppend(_ lines: [String]) {
        log.lines.append(contentsOf: lines)
        journalState.recorder?.addedLogLines.append(contentsOf: lines)
    }

    /// Removes the last `count` lines of the session log.
    func logRemoveLast(_ count: Int) {
        log.lines.removeLast(min(count, log.lines.count))
        guard journalState.recorder != nil else { return }
        let fromAdded = min(count, journalState.recorder?.addedLogLines.count ?? 0)
        journalState.recorder?.addedLogLines.removeLast(fromAdded)
        journalState.recorder?.removedLogLines += count - fromAdded
    }
}

extension Notebook {
    /// Applies a journal's changes as part of the running command, and restores the
    /// session log the journaled session had.
    func replay(_ pending: PendingJournal) {
        for step in pending.steps {
            for journaled in step.changes {
                // An edit is made in place, as the command that journaled it made it.
                if case let .edit(id, at, removed, added) = journaled {
                    replaceFields(of: id, at: at, removing: removed, with: added)
                    continue
                }
                guard let change = journaled.resolved(current: nil) else { continue }
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
        undo.pending?.log = pending.sessionLog
    }
}

extension Notebook {
    /// Looks for a journal an earlier session left beside the case (as `open` does). A
    /// journal whose every change is already in the file holds nothing to recover - a
    /// save killed after its rename, before it removed the journal, leaves one - and is
    /// deleted, so the next session is not told about work that is not lost.
    public func lookForPendingJournal() {
        // A journal beside a case another casefile holds is that session's, live.
        guard let path, ownsFilesBeside else {
            journalState.pending = nil
            return
        }
        journalState.pending = PendingJournal.find(for: path)
        if let pending = journalState.pending, pending.isWhole, !journalMatchesFile(pending), pending.isContained(in: caseFile) {
            unlink(pending.path)
            journalState.pending = nil
        }
    }
}

extension PendingJournal {
    /// Whether replaying the journal on `caseFile` would change nothing: each thing it
    /// touches already has the value the journal ends with (the header apart from
    /// Revision and Saved, which a save bumps).
    public func isContained(in caseFile: CaseFile) -> Bool {
        var entries: [String: Entry?] = [:]
        var links: [LinkKey: Link?] = [:]
        var notes: [NoteKey: Note?] = [:]
        var header: CaseHeader?
        for step in steps {
            for journaled in step.changes {
                var change: Change
                switch journaled {
                case let .whole(whole): change = whole
                case let .edit(id, at, removed, added):
                    // The journal holds the entry whole before its first edit; taken out of
                    // the table, it is edited where it is, not copied per edit.
                    guard case var known?? = entries.removeValue(forKey: id), at <= known.fields.count,
                          removed <= known.fields.count - at else { return false }
                    known.fields.replaceSubrange(at..<(at + removed), with: added)
                    entries[id] = .some(known)
                    continue
                }
                switch change {
                case let .entry(old, new): if let id = (new ?? old)?.id { entries[id] = .some(new) }
                case let .link(old, new): if let key = (new ?? old)?.key { links[key] = .some(new) }
                case let .note(old, new): if let key = (new ?? old)?.key { notes[key] = .some(new) }
                case let .header(_, new): header = new
                }
            }
        }
        func content(_ header: CaseHeader) -> [Field] { header.fields.filter { $0.name != "Revision" && $0.name != "Saved" } }
        if let header, content(header) != content(caseFile.header) || header.comments != caseFile.header.comments {
            return false
        }
        return entries.allSatisfy { caseFile[$0.key] == $0.value }
            && links.allSatisfy { caseFile.links[$0.key] == $0.value }
            && notes.allSatisfy { caseFile.notes[$0.key] == $0.value }
    }
}
