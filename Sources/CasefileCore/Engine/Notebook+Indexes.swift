extension Notebook {
    /// What refers to each Id (built on first use, then kept current).
    var references: ReferenceIndex {
        if let referenceIndex { return referenceIndex }
        let index = ReferenceIndex(caseFile: caseFile)
        referenceIndex = index
        return index
    }

    /// Handles to people (built on first use, then kept current).
    var handles: HandleIndex {
        if let handleIndex { return handleIndex }
        let index = HandleIndex(caseFile: caseFile)
        handleIndex = index
        return index
    }

    /// The first free numbers of numbered Ids (kept current from first use).
    var idCounters: IdCounters {
        if let idCounterIndex { return idCounterIndex }
        let index = IdCounters()
        idCounterIndex = index
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

    /// Drops every index after the whole case was replaced (`open`, `new`).
    func resetIndexes() {
        referenceIndex = nil
        handleIndex = nil
        nameIndex = nil
        samePersonIndex = nil
        searchIndexStorage = nil
        idCounterIndex = nil
    }
}
