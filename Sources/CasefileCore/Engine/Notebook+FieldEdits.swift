extension Notebook {
    /// Replaces entry `id`'s fields `at..<at + count` by `fields` as part of the running command: the
    /// way a command changes part of a large entry (one tag among forty thousand) at the
    /// cost of the change, not of the entry. Undo, redo, the journal and the indexes are
    /// given the run that changed, and the entry's field list is changed where it is, not
    /// copied (once per save it is, for the baseline's saved copy). The caller keeps the
    /// fields in canonical order. Nothing happens when the run does not fit the entry.
    /// - Complexity: O(`count` + `fields`) plus the move of the fields after the run.
    public func replaceFields(of id: String, at: Int, removing count: Int, with fields: [Field]) {
        guard let removed = applyFieldEditRaw(id, at: at, removing: count, adding: fields) else { return }
        undo.pending?.changes.append(.fields(id: id, at: at, removed: removed, added: fields))
    }

    /// Replaces entry `id`'s fields `at..<at + count` by `added` without recording it for
    /// undo: the store, the journal, the baseline and the indexes. Returns the fields taken
    /// out, or nil when nothing changed (or the run does not fit the entry).
    @discardableResult
    func applyFieldEditRaw(_ id: String, at: Int, removing count: Int, adding added: [Field]) -> [Field]? {
        // Read in a function of its own, so that no copy of the entry outlives the read
        // and the edit below finds the field list held once.
        func removedFields() -> [Field]? {
            guard let fields = caseFile.entries[id]?.fields, at >= 0, count >= 0, at <= fields.count,
                  count <= fields.count - at else { return nil }
            return Array(fields[at..<(at + count)])
        }
        guard let removed = removedFields(), removed != added else { return nil }
        guard editsInPlace(id) else {
            guard let current = caseFile.entries[id] else { return nil }
            var changed = current
            changed.fields.replaceSubrange(at..<(at + count), with: added)
            applyRaw(.entry(old: current, new: changed), keepingFirst: at)
            return removed
        }
        undo.changeCounter &+= 1
        journalState.recorder?.addEdit(id: id, at: at, removed: count, added: added)
        // The first change since the save: the baseline keeps the entry as saved (the one
        // copy of it this makes). Later ones find it kept and compare only.
        let saved = log.baseline.entries[id] == nil ? caseFile.entries[id] : nil
        caseFile.editFields(of: id) { $0.replaceSubrange(at..<(at + count), with: added) }
        guard let now = caseFile.entries[id] else { return removed }
        // An entry changed in place existed before: `before` matters to the baseline only
        // when it holds nothing for the entry yet.
        log.baseline.remember(entry: id, before: saved ?? now, now: now)
        indexes.fieldsDidChange(of: now, at: at, removed: removed, added: added)
        return removed
    }

    /// Applies a kept change again (`forward`: redo) or takes it back (undo, a rollback),
    /// without recording it: a run of fields changed in place is changed back in place.
    func applyRaw(_ change: StoredChange, forward: Bool) {
        switch change {
        case let .whole(whole):
            applyRaw(forward ? whole : whole.inverse)
        case let .fields(id, at, removed, added):
            applyFieldEditRaw(id, at: at, removing: forward ? removed.count : added.count, adding: forward ? added : removed)
        }
    }

    /// Whether an edit of entry `id` can be made in place: no observer from outside wants
    /// the entry before and after, and the journal, if one is kept, already holds the entry
    /// whole (its `edit` steps say what changed in an entry it has). A case without a file
    /// keeps no journal until it is saved (what it writes then is the entry whole).
    private func editsInPlace(_ id: String) -> Bool {
        guard observers.isEmpty else { return false }
        guard let recorder = journalState.recorder, path != nil else { return true }
        return !journalState.lastWriteFailed && !recorder.notWhole.contains(id) && journalState.current?.holdsWhole(id) == true
    }
}
