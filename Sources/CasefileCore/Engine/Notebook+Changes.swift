extension Notebook {
    /// Applies a change to the case as part of the running command. A change that leaves
    /// things as they are is dropped, so it makes no undo step and no session-log line.
    public func apply(_ change: Change) {
        if change.isNoOp { return }
        applyRaw(change)
        pending?.changes.append(change)
    }

    /// Adds or replaces an entry.
    public func put(_ entry: Entry) {
        apply(.entry(old: caseFile[entry.id], new: entry))
    }

    /// Removes an entry.
    public func removeEntry(_ id: String) {
        guard let old = caseFile[id] else { return }
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
    func applyRaw(_ change: Change) {
        changeCounter &+= 1
        journalRecorder?.changes.append(change)
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
        referenceIndex?.caseDidChange(change, in: caseFile)
        handleIndex?.caseDidChange(change, in: caseFile)
        nameIndex?.caseDidChange(change, in: caseFile)
        updateSearchIndex(change)
        idCounterIndex?.caseDidChange(change, in: caseFile)
        for observer in observers { observer.caseDidChange(change, in: caseFile) }
    }

    /// Remembers what each changed thing was at the last save, and forgets it once it is
    /// back to that value, so `hasUnsavedChanges` is exact after undo.
    private func recordBaseline(_ change: Change) {
        switch change {
        case let .entry(old, new):
            if let old, let new, old.id != new.id {
                remember(.entry(old.id), saved: .entry(old), now: .entry(nil))
                remember(.entry(new.id), saved: .entry(caseFile[new.id]), now: .entry(new))
            } else if let id = new?.id ?? old?.id {
                remember(.entry(id), saved: .entry(old), now: .entry(new))
            }
        case let .link(old, new):
            if let old, let new, old.key != new.key {
                remember(.link(old.key), saved: .link(old), now: .link(nil))
                remember(.link(new.key), saved: .link(caseFile.links[new.key]), now: .link(new))
            } else if let key = new?.key ?? old?.key {
                remember(.link(key), saved: .link(old), now: .link(new))
            }
        case let .note(old, new):
            if let old, let new, old.key != new.key {
                remember(.note(old.key), saved: .note(old), now: .note(nil))
                remember(.note(new.key), saved: .note(caseFile.notes[new.key]), now: .note(new))
            } else if let key = new?.key ?? old?.key {
                remember(.note(key), saved: .note(old), now: .note(new))
            }
        case let .header(old, new):
            remember(.header, saved: .header(old), now: .header(new))
        }
    }

    private func remember(_ key: ChangeKey, saved: SavedValue, now: SavedValue) {
        if let original = baseline[key] {
            if original == now { baseline[key] = nil }
        } else if saved != now {
            baseline[key] = saved
        }
    }

    /// What changed since the last save: for each thing, its saved value and its value now.
    public var unsavedChanges: [Change] {
        baseline.map { key, saved -> Change in
            switch (key, saved) {
            case let (.entry(id), .entry(old)): return .entry(old: old, new: caseFile[id])
            case let (.link(linkKey), .link(old)): return .link(old: old, new: caseFile.links[linkKey])
            case let (.note(noteKey), .note(old)): return .note(old: old, new: caseFile.notes[noteKey])
            case let (.header, .header(old)): return .header(old: old, new: caseFile.header)
            default: return .header(old: caseFile.header, new: caseFile.header)
            }
        }
    }
}

/// A thing's value at the last save.
enum SavedValue: Equatable {
    case entry(Entry?)
    case link(Link?)
    case note(Note?)
    case header(CaseHeader)
}
