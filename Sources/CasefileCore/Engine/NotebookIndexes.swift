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
    }

    /// Drops every index (the whole case was replaced: `open`, `new`).
    mutating func removeAll() {
        references = nil
        handles = nil
        names = nil
        samePerson = nil
        search = nil
        idCounters = nil
    }
}
