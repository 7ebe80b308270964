extension Notebook {
    /// The search index, built on first use and then kept current by every change,
    /// undo and redo; never rebuilt per query.
    /// A case unchanged since it was read from its file uses the index saved for those
    /// bytes (`.NAME.rec.index`) when there is one that fits; otherwise the index is built
    /// and, for such a case, saved on a background thread for the next session.
    public var searchIndex: SearchIndex {
        if let index = indexes.search { return index }
        // Only an index of the case exactly as read may be read or saved for its file.
        let asRead = persistsSearchIndex && undo.undoStack.isEmpty && undo.redoStack.isEmpty && !hasUnsavedChanges
        if asRead, let path, let identity = files.loadedFileIdentity,
           let saved = SearchIndexFile.load(for: path, caseFile: caseFile, identity: identity,
                                            environment: settings.cacheEnvironment).index {
            indexes.search = saved
            return saved
        }
        // A large case takes a second or two: say why the first search waits.
        if caseFile.entries.count >= indexes.searchIndexingRemarkFloor {
            remark("indexing \(caseFile.entries.count) entries for search (once a session)…")
        }
        let index = SearchIndex(caseFile: caseFile)
        indexes.search = index
        if asRead, let path, let identity = files.loadedFileIdentity {
            SearchIndexFile.saveInBackground(index, for: path, identity: identity, environment: settings.cacheEnvironment)
        }
        return index
    }
}

extension Notebook {
    /// After a save to `destination`: when this session searched the case, or an index was
    /// kept for the file, the index of the case as saved is built and saved in the
    /// background for the new bytes (the one in memory was kept current by each change,
    /// but only an index built from the bytes is saved). The save does not wait for it.
    func refreshSavedSearchIndex(for destination: String) {
        guard persistsSearchIndex, refreshesSavedSearchIndex, let identity = SearchIndexFile.CaseIdentity(path: destination),
              indexes.search != nil || SearchIndexFile.exists(for: destination, environment: settings.cacheEnvironment)
        else { return }
        SearchIndexFile.rebuildInBackground(caseFile, for: destination, identity: identity, environment: settings.cacheEnvironment)
    }
}
