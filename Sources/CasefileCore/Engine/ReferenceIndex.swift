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
///
/// Most Ids have a handful of references, kept in a small list; an Id with many (a
/// blogger with thousands of posts) gets a set, so that a change costs O(1) either way.
/// Building lists hashes no reference, which makes the first use on a million entries
/// several times cheaper than a set per Id.
final class ReferenceIndex {
    private enum Bucket {
        case few([Reference])
        case many(Set<Reference>)

        var isEmpty: Bool {
            switch self {
            case let .few(list): return list.isEmpty
            case let .many(set): return set.isEmpty
            }
        }

        /// Adds `reference`, in place (the payload is taken out first so it is unique).
        mutating func insert(_ reference: Reference, limit: Int) {
            switch self {
            case var .few(list):
                self = .few([])
                list.append(reference)
                self = list.count > limit ? .many(Set(list)) : .few(list)
            case var .many(set):
                self = .few([])
                set.insert(reference)
                self = .many(set)
            }
        }

        /// Removes one `reference`, in place.
        mutating func remove(_ reference: Reference) {
            switch self {
            case var .few(list):
                self = .few([])
                if let index = list.firstIndex(of: reference) { list.remove(at: index) }
                self = .few(list)
            case var .many(set):
                self = .few([])
                set.remove(reference)
                self = .many(set)
            }
        }
    }

    /// Above this many references an Id's list becomes a set.
    private static let listLimit = 32
    private var references: [String: Bucket] = [:]

    init(caseFile: CaseFile) {
        references.reserveCapacity(caseFile.entries.count)
        for entry in caseFile.entries.values { add(entry) }
        for key in caseFile.links.keys { add(key) }
        for key in caseFile.notes.keys { insert(.note(key), for: key.on) }
    }

    /// What refers to `id`.
    func referencesTo(_ id: String) -> Set<Reference> {
        switch references[id] {
        case nil: return []
        case let .few(list)?: return Set(list)
        case let .many(set)?: return set
        }
    }

    /// Keeps the index current after `change` was applied to the case (it needs nothing else).
    func caseDidChange(_ change: Change) {
        switch change {
        case let .entry(old, new):
            if let old { remove(old) }
            if let new { add(new) }
        case let .link(old, new):
            if let old { remove(old.key) }
            if let new { add(new.key) }
        case let .note(old, new):
            if let old { drop(.note(old.key), from: old.key.on) }
            if let new { insert(.note(new.key), for: new.key.on) }
        case .header:
            break
        }
    }

    private func add(_ entry: Entry) {
        let names = entry.schema.references
        for field in entry.fields where names.contains(field.name) {
            insert(.field(id: entry.id, field: field.name), for: field.value)
        }
    }

    private func remove(_ entry: Entry) {
        let names = entry.schema.references
        for field in entry.fields where names.contains(field.name) {
            drop(.field(id: entry.id, field: field.name), from: field.value)
        }
    }

    private func add(_ key: LinkKey) {
        insert(.link(key), for: key.from)
        insert(.link(key), for: key.to)
    }

    private func remove(_ key: LinkKey) {
        drop(.link(key), from: key.from)
        drop(.link(key), from: key.to)
    }

    private func insert(_ reference: Reference, for id: String) {
        references[id, default: .few([])].insert(reference, limit: Self.listLimit)
    }

    private func drop(_ reference: Reference, from id: String) {
        references[id]?.remove(reference)
        if references[id]?.isEmpty == true { references[id] = nil }
    }
}
