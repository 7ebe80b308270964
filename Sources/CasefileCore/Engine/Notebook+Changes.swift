extension Notebook {
    /// Applies a change to the case as part of the running command. A change that leaves
    /// things as they are is dropped, so it makes no undo step and no session-log line.
    /// `keepingFirst`: how many leading fields of an entry changed in place are known to be
    /// as they were, so undo and the journal compare only from there (a tag added to a
    /// person with ten thousand is not found by comparing ten thousand fields). 0: unknown.
    public func apply(_ change: Change, keepingFirst unchanged: Int = 0) {
        if change.isNoOp { return }
        applyRaw(change, keepingFirst: unchanged)
        undo.pending?.changes.append(StoredChange(change, keepingFirst: unchanged))
    }

    /// Adds or replaces an entry; `keepingFirst` as for `apply`.
    public func put(_ entry: Entry, keepingFirst unchanged: Int = 0) {
        apply(.entry(old: caseFile.entries[entry.id], new: entry), keepingFirst: unchanged)
    }

    /// Removes an entry.
    public func removeEntry(_ id: String) {
        guard let old = caseFile.entries[id] else { return }
        apply(.entry(old: old, new: nil))
    }

    /// Adds or replaces a link.
    public func put(_ link: Link) {
        apply(.link(old: caseFile.links[link.key], new: link))
    }

    /// Removes a link.
    public func removeLink(_ key: LinkKey) {
        guard let old = caseFile.links[key] else { return }
        apply(.link(old: old, new: nil))
    }

    /// Adds or replaces a note.
    public func put(_ note: Note) {
        apply(.note(old: caseFile.notes[note.key], new: note))
    }

    /// Removes a note.
    public func removeNote(_ key: NoteKey) {
        guard let old = caseFile.notes[key] else { return }
        apply(.note(old: old, new: nil))
    }

    /// Changes the header.
    public func setHeader(_ header: CaseHeader) {
        apply(.header(old: caseFile.header, new: header))
    }

    /// Applies a change without recording it: the store, the baseline and the indexes.
    func applyRaw(_ change: Change, keepingFirst unchanged: Int = 0) {
        undo.changeCounter &+= 1
        if journalState.recorder != nil {
            // The journal records what is there after a change (`put`) or gone (`remove`): a
            // rename is both, or a recovery would keep the entry under its old Id too.
            if case let .entry(old?, new?) = change, old.id != new.id {
                journalState.recorder?.add(.entry(old: old, new: nil))
                journalState.recorder?.add(.entry(old: nil, new: new))
            } else {
                journalState.recorder?.add(change, keepingFirst: unchanged)
            }
        }
        recordBaseline(change)
        switch change {
        case let .entry(old, new):
            if let new {
                if let old, old.id != new.id { caseFile.removeEntry(old.id) }
                caseFile.put(new)
            } else if let old {
                caseFile.removeEntry(old.id)
            }
        case let .link(old, new):
            if let old { caseFile.removeLink(old.key) }
            if let new { caseFile.put(new) }
        case let .note(old, new):
            if let old { caseFile.removeNote(old.key) }
            if let new { caseFile.put(new) }
        case let .header(_, new):
            caseFile.header = new
        }
        // The engine's own indexes need only the change; the case is handed (a copy of
        // every table's reference) only to observers registered from outside.
        indexes.caseDidChange(change)
        if !observers.isEmpty {
            for observer in observers { observer.caseDidChange(change, in: caseFile) }
        }
    }

    /// Remembers what each changed thing was at the last save, and forgets it once it is
    /// back to that value, so `hasUnsavedChanges` is exact after undo.
    private func recordBaseline(_ change: Change) {
        switch change {
        case let .entry(old, new):
            if let old, let new, old.id != new.id {
                log.baseline.remember(entry: old.id, before: old, now: nil)
                log.baseline.remember(entry: new.id, before: caseFile.entries[new.id], now: new)
            } else if let id = new?.id ?? old?.id {
                log.baseline.remember(entry: id, before: old, now: new)
            }
        case let .link(old, new):
            if let old, let new, old.key != new.key {
                log.baseline.remember(link: old.key, before: old, now: nil)
                log.baseline.remember(link: new.key, before: caseFile.links[new.key], now: new)
            } else if let key = new?.key ?? old?.key {
                log.baseline.remember(link: key, before: old, now: new)
            }
        case let .note(old, new):
            if let old, let new, old.key != new.key {
                log.baseline.remember(note: old.key, before: old, now: nil)
                log.baseline.remember(note: new.key, before: caseFile.notes[new.key], now: new)
            } else if let key = new?.key ?? old?.key {
                log.baseline.remember(note: key, before: old, now: new)
            }
        case let .header(old, new):
            log.baseline.remember(header: old, now: new)
        }
    }

    /// What changed since the last save: for each thing, its saved value and its value now.
    public var unsavedChanges: [Change] {
        var changes: [Change] = []
        changes.reserveCapacity(log.baseline.entries.count + log.baseline.links.count + log.baseline.notes.count + 1)
        for (id, old) in log.baseline.entries { changes.append(.entry(old: old, new: caseFile.entries[id])) }
        for (key, old) in log.baseline.links { changes.append(.link(old: old, new: caseFile.links[key])) }
        for (key, old) in log.baseline.notes { changes.append(.note(old: old, new: caseFile.notes[key])) }
        if let old = log.baseline.header { changes.append(.header(old: old, new: caseFile.header)) }
        return changes
    }
}
