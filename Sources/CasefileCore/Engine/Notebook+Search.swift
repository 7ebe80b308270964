extension Notebook {
    /// The search index, built on first use and then kept current by every change,
    /// undo and redo; never rebuilt per query.
    public var searchIndex: SearchIndex {
        if let index = indexes.search { return index }
        // A large case takes a second or two: say why the first search waits.
        if caseFile.entries.count >= indexes.searchIndexingRemarkFloor {
            remark("indexing \(caseFile.entries.count) entries for search (once a session)…")
        }
        let index = SearchIndex(caseFile: caseFile)
        indexes.search = index
        return index
    }
}
