extension Notebook {
    /// The case as it was last saved (or opened): the case now with every unsaved change
    /// taken back. Costs a copy of the case, so only explicit comparisons use it.
    public var savedCase: CaseFile {
        var saved = caseFile
        for change in unsavedChanges {
            switch change {
            case let .entry(old, new):
                if let new { saved.removeEntry(new.id) }
                if let old { saved.put(old) }
            case let .link(old, new):
                if let new { saved.removeLink(new.key) }
                if let old { saved.put(old) }
            case let .note(old, new):
                if let new { saved.removeNote(new.key) }
                if let old { saved.put(old) }
            case let .header(old, _):
                saved.header = old
            }
        }
        return saved
    }
}
