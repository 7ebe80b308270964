/// References a rename or a merge rewrote, gathered into one line per rewrite:
/// `~ 47 posts: Author aitelenov → nurali (follow the rename)`.
struct Ripples {
    /// One rewrite and how many records followed it.
    struct Group {
        var key: String
        var kind: Kind
        var what: String
        var count: Int
        var merge: Bool
        var single: RecordChange
    }

    /// Entries merged away (`merge KEEP DROP`), by the Id they had.
    let merged: Set<String>
    private var groups: [String: Group] = [:]

    init(_ diff: CaseDiff) {
        merged = Set(diff.changes.compactMap { change -> String? in
            guard change.action == .removed, change.renamedTo != nil, case let .entry(_, id) = change.subject else { return nil }
            return id
        })
        for change in diff.changes where change.follows {
            guard let (kind, what, old) = Self.describe(change) else { continue }
            let key = kind.word + "|" + what
            groups[key, default: Group(key: key, kind: kind, what: what, count: 0, merge: merged.contains(old), single: change)].count += 1
        }
    }

    /// The group `change` belongs to.
    func group(of change: RecordChange) -> Group? {
        guard let (kind, what, _) = Self.describe(change) else { return nil }
        return groups[kind.word + "|" + what]
    }

    /// The kind, the rewrite in words, and the old Id it follows.
    static func describe(_ change: RecordChange) -> (Kind, String, String)? {
        switch change.subject {
        case let .entry(kind, _):
            var old = ""
            let parts = change.fields.edits.compactMap { edit -> String? in
                guard case let .changed(name, from, to, _) = edit else { return nil }
                old = from
                return "\(name) \(from) → \(to)"
            }
            return (kind, parts.joined(separator: ", "), old)
        case let .link(key):
            guard case let .link(new)? = change.movedTo else { return nil }
            let moved = [(key.from, new.from), (key.to, new.to)].filter { $0.0 != $0.1 }
            return (.link, moved.map { "\($0.0) → \($0.1)" }.joined(separator: ", "), moved.first?.0 ?? "")
        case let .note(key):
            guard case let .note(new)? = change.movedTo else { return nil }
            return (.note, "on \(key.on) → \(new.on)", key.on)
        case .header, .session:
            return nil
        }
    }

    /// The line for `group`.
    func line(_ group: Group, visible: (String) -> String) -> String {
        let cause = group.merge ? "merge" : "rename"
        if group.count == 1, case let .entry(kind, id) = group.single.subject {
            return "~ \(kind.word) \(visible(id)): \(visible(group.what)) (follows the \(cause))"
        }
        return "~ \(Plural.count(group.count, group.kind)): \(visible(group.what)) (follow\(group.count == 1 ? "s" : "") the \(cause))"
    }
}
