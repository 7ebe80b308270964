extension CaseDiff {
    /// Applies the diff to `caseFile`, the case it was computed from, giving the other
    /// case. Every removed, changed and renamed record is checked against `caseFile`
    /// first, so applying a diff to the wrong case fails instead of guessing.
    public func apply(to caseFile: CaseFile) throws(DiffApplyError) -> CaseFile {
        var result = caseFile
        // Removals first: an entry whose kind changed is removed and added under one Id.
        for change in changes where change.action != .added {
            try applyOldSide(change, to: &result)
        }
        for change in changes where change.action == .added || change.action == .renamed {
            try applyNewSide(change, to: &result)
        }
        if let layout {
            guard result.foreign == layout.foreign.old, result.descriptorExtras == layout.descriptorExtras.old,
                  result.descriptorComments == layout.descriptorComments.old,
                  result.trailingComments == layout.trailingComments.old,
                  result.leadingComments == layout.leadingComments.old else {
                throw DiffApplyError("the hand-added records or comments are not the ones the diff was made from")
            }
            result.foreign = layout.foreign.new
            result.descriptorExtras = layout.descriptorExtras.new
            result.descriptorComments = layout.descriptorComments.new
            result.trailingComments = layout.trailingComments.new
            result.leadingComments = layout.leadingComments.new
        }
        return result
    }

    /// Removes or changes the record a change starts from.
    private func applyOldSide(_ change: RecordChange, to result: inout CaseFile) throws(DiffApplyError) {
        let oldComments = EditScript.oldSide(change.comments)
        let newComments = EditScript.newSide(change.comments)
        switch change.subject {
        case .header:
            guard result.header.comments == oldComments else { throw DiffApplyError("header: comments differ") }
            result.header.fields = try change.fields.apply(to: result.header.fields, in: "header")
            result.header.comments = newComments
        case let .entry(kind, id):
            guard var entry = result[id], entry.kind == kind else { throw DiffApplyError("no \(kind.word) \(id) to change") }
            guard entry.comments == oldComments else { throw DiffApplyError("\(id): comments differ") }
            entry.fields = try change.fields.apply(to: entry.fields, in: id)
            entry.comments = newComments
            if change.action == .changed { result.put(entry) } else { result.removeEntry(id) }
        case let .link(key):
            guard var link = result.links[key], link.comments == oldComments else {
                throw DiffApplyError("no link \(key.from) \(key.rel) \(key.to) as the diff expects")
            }
            link.fields = try change.fields.apply(to: link.fields, in: "link \(key.from) \(key.rel) \(key.to)")
            link.comments = newComments
            if change.action == .changed { result.put(link) } else { result.removeLink(key) }
        case let .note(key):
            guard var note = result.notes[key], note.comments == oldComments else {
                throw DiffApplyError("no note on \(key.on) at \(key.at) as the diff expects")
            }
            note.fields = try change.fields.apply(to: note.fields, in: "note on \(key.on)")
            note.comments = newComments
            if change.action == .changed { result.put(note) } else { result.removeNote(key) }
        case let .session(revision):
            let fields = oldFields(change)
            guard let index = result.sessions.firstIndex(where: { $0.revision == revision && $0.fields == fields
                && $0.comments == oldComments }) else {
                throw DiffApplyError("no session record for revision \(revision) as the diff expects")
            }
            if change.action == .changed {
                result.sessions[index].fields = try change.fields.apply(to: result.sessions[index].fields,
                                                                        in: "session \(revision)")
                result.sessions[index].comments = newComments
            } else {
                result.sessions.remove(at: index)
            }
        }
    }

    /// Adds the record an added or renamed change ends with.
    private func applyNewSide(_ change: RecordChange, to result: inout CaseFile) throws(DiffApplyError) {
        let comments = EditScript.newSide(change.comments)
        let fields = try change.fields.apply(to: oldFields(change), in: "new record")
        switch change.movedTo ?? change.subject {
        case .header:
            break
        case let .entry(kind, id):
            let newId = change.renamedTo ?? id
            guard result[newId] == nil else { throw DiffApplyError("\(newId) is already there") }
            var entry = Entry(kind: kind, id: newId, comments: comments)
            entry.fields = fields
            result.put(entry)
        case let .link(key):
            guard result.links[key] == nil else { throw DiffApplyError("link \(key.from) \(key.rel) \(key.to) is already there") }
            var link = Link(key, comments: comments)
            link.fields = fields
            result.put(link)
        case let .note(key):
            guard result.notes[key] == nil else { throw DiffApplyError("that note on \(key.on) is already there") }
            var note = Note(key, comments: comments)
            note.fields = fields
            result.put(note)
        case let .session(revision):
            var session = Session(revision: revision, comments: comments)
            session.fields = fields
            result.sessions.append(session)
            result.sessions.sort { $0.revision < $1.revision }
        }
    }

    /// The old side of a change's fields (empty for an added record).
    private func oldFields(_ change: RecordChange) -> [Field] {
        change.fields.edits.compactMap { edit in
            switch edit {
            case .same(let field), .removed(let field): return field
            case let .changed(name, old, _, _): return Field(name, old)
            case .added: return nil
            }
        }
    }
}
