extension Notebook {
    /// What refers to each Id (built on first use, then kept current).
    var references: ReferenceIndex {
        if let index = indexes.references { return index }
        let index = ReferenceIndex(caseFile: caseFile)
        indexes.references = index
        return index
    }

    /// Handles to people (built on first use, then kept current).
    var handles: HandleIndex {
        if let index = indexes.handles { return index }
        let index = HandleIndex(caseFile: caseFile)
        indexes.handles = index
        return index
    }

    /// The first free numbers of numbered Ids (kept current from first use).
    var idCounters: IdCounters {
        if let index = indexes.idCounters { return index }
        let index = IdCounters()
        indexes.idCounters = index
        return index
    }

    /// The tags of entries with many (made on first use, then kept current).
    var tagSets: TagIndex {
        if let index = indexes.tags { return index }
        let index = TagIndex()
        indexes.tags = index
        return index
    }

    /// What refers to `id`: entries' fields, links, notes.
    public func referencesTo(_ id: String) -> Set<Reference> { references.referencesTo(id) }

    /// Ids starting with `prefix`, in order (for completion).
    public func ids(withPrefix prefix: String, limit: Int = 50) -> [String] {
        caseFile.ids(withPrefix: prefix, limit: limit)
    }

    /// The people using `handle`.
    public func people(withHandle handle: String) -> [String] {
        let owners = handles.people(with: handle)
        if owners.count < 2 { return Array(owners) }
        return owners.sorted(by: ByteOrder.less)
    }
}
