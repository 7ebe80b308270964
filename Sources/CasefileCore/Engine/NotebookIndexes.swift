/// The indexes a notebook keeps over its case: each is built on first use, then kept
/// current by every change, undo and redo (never rebuilt per command), and all are dropped
/// when the whole case is replaced. Part of a `Notebook`.
struct NotebookIndexes {
    /// What refers to each Id.
    var references: ReferenceIndex?
    /// Handles to people.
    var handles: HandleIndex?
    /// People by the words of their names, for completion.
    var names: NameIndex?
    /// People by name, to warn about a possible duplicate.
    var samePerson: SamePersonIndex?
    /// The search index.
    var search: SearchIndex?
    /// The first free numbers of numbered Ids.
    var idCounters: IdCounters?
    /// The tags of entries with many, as sets.
    var tags: TagIndex?
    /// From how many entries the first search says that it is indexing.
    var searchIndexingRemarkFloor = 100_000

    /// Keeps every index built so far current after `change`.
    /// - Complexity: that of each index's update for one change.
    func caseDidChange(_ change: Change) {
        references?.caseDidChange(change)
        handles?.caseDidChange(change)
        names?.caseDidChange(change)
        samePerson?.caseDidChange(change)
        if let search {
            switch change {
            case let .entry(old, new): search.update(old: old, new: new)
            case let .note(old, new): search.update(old: old, new: new)
            case .link, .header: break
            }
        }
        idCounters?.caseDidChange(change)
        tags?.caseDidChange(change)
    }

    /// Keeps every index built so far current after entry `entry`'s fields `at..<at +
    /// removed.count` were replaced by `added` in place. An index that reads none of the
    /// fields that changed has nothing to do (a tag changes no handle, name or reference);
    /// one that does is given the entry as it was, rebuilt from the run.
    /// - Complexity: O(changed fields) when no index reads them; else that of each such
    ///   index's update for one change, plus a copy of the entry.
    func fieldsDidChange(of entry: Entry, at: Int, removed: [Field], added: [Field]) {
        var names: Set<String> = []
        for field in removed { names.insert(field.name) }
        for field in added { names.insert(field.name) }
        var before: Entry?
        func change() -> Change {
            if before == nil {
                var old = entry
                old.fields.replaceSubrange(at..<(at + added.count), with: removed)
                before = old
            }
            return .entry(old: before, new: entry)
        }
        if let references, !names.isDisjoint(with: entry.schema.references) { references.caseDidChange(change()) }
        let person = entry.kind == .person
        if let handles, person, names.contains("Handle") { handles.caseDidChange(change()) }
        let naming = person && (names.contains("Name") || names.contains("Alias"))
        if let names = self.names, naming { names.caseDidChange(change()) }
        if let samePerson, naming { samePerson.caseDidChange(change()) }
        // The search index reads every field, but of the entry it was given only the Id
        // (it keeps its own copy of what it indexed).
        if let search { search.update(old: entry, new: entry) }
        if let tags, names.contains("Tag") { tags.fieldsDidChange(of: entry.id, removed: removed, added: added) }
    }

    /// Drops every index (the whole case was replaced: `open`, `new`).
    mutating func removeAll() {
        references = nil
        handles = nil
        names = nil
        samePerson = nil
        search = nil
        idCounters = nil
        tags = nil
    }
}
