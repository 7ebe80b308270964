extension Notebook {
    /// The search index, built on first use and then kept current by every change,
    /// undo and redo; never rebuilt per query.
    public var searchIndex: SearchIndex {
        if let index = searchIndexStorage { return index }
        // A large case takes a second or two: say why the first search waits.
        if caseFile.entries.count >= searchIndexingRemarkFloor {
            remark("indexing \(caseFile.entries.count) entries for search (once a session)…")
        }
        let index = SearchIndex(caseFile: caseFile)
        searchIndexStorage = index
        return index
    }

    /// Keeps the search index current after `change` (only once it exists).
    func updateSearchIndex(_ change: Change) {
        guard let index = searchIndexStorage else { return }
        switch change {
        case let .entry(old, new): index.update(old: old, new: new)
        case let .note(old, new): index.update(old: old, new: new)
        case .link, .header: break
        }
    }
}
