/// Something that refers to an entry.
public enum Reference: Hashable, Sendable {
    /// Entry `id`'s field `field` holds the Id.
    case field(id: String, field: String)
    /// A link starts or ends at the Id.
    case link(LinkKey)
    /// A note is on the Id.
    case note(NoteKey)
}

/// For each Id, what refers to it: backlinks for `show`, the refusal of `rm`, and the
/// rewriting of `rename` and `merge`, each without scanning the case.
final class ReferenceIndex: CaseObserver {
    private(set) var references: [String: Set<Reference>] = [:]

    init(caseFile: CaseFile) {
        references.reserveCapacity(caseFile.entries.count)
        for entry in caseFile.entries.values { add(entry) }
        for key in caseFile.links.keys { add(key) }
        for key in caseFile.notes.keys { references[key.on, default: []].insert(.note(key)) }
    }

    /// What refers to `id`.
    func referencesTo(_ id: String) -> Set<Reference> { references[id] ?? [] }

    func caseDidChange(_ change: Change, in caseFile: CaseFile) {
        switch change {
        case let .entry(old, new):
            if let old { remove(old) }
            if let new { add(new) }
        case let .link(old, new):
            if let old { remove(old.key) }
            if let new { add(new.key) }
        case let .note(old, new):
            if let old { drop(.note(old.key), from: old.key.on) }
            if let new { references[new.key.on, default: []].insert(.note(new.key)) }
        case .header:
            break
        }
    }

    private func add(_ entry: Entry) {
        let references = entry.schema.references
        for field in entry.fields where references.contains(field.name) {
            self.references[field.value, default: []].insert(.field(id: entry.id, field: field.name))
        }
    }

    private func remove(_ entry: Entry) {
        let references = entry.schema.references
        for field in entry.fields where references.contains(field.name) {
            drop(.field(id: entry.id, field: field.name), from: field.value)
        }
    }

    private func add(_ key: LinkKey) {
        references[key.from, default: []].insert(.link(key))
        references[key.to, default: []].insert(.link(key))
    }

    private func remove(_ key: LinkKey) {
        drop(.link(key), from: key.from)
        drop(.link(key), from: key.to)
    }

    private func drop(_ reference: Reference, from id: String) {
        references[id]?.remove(reference)
        if references[id]?.isEmpty == true { references[id] = nil }
    }
}
