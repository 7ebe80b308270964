/// The old and new values of the records that may differ, gathered by whoever knows
/// where to look: a full comparison, a file comparison that skipped identical
/// records, or the notebook's list of unsaved changes.
struct DiffPairs {
    var entries: [String: (old: Entry?, new: Entry?)] = [:]
    var links: [LinkKey: (old: Link?, new: Link?)] = [:]
    var notes: [NoteKey: (old: Note?, new: Note?)] = [:]
    var sessions: [Int: (old: [Session], new: [Session])] = [:]
    var header: (old: CaseHeader, new: CaseHeader)?
    var layout: LayoutChange?
}

extension CaseDiff {
    /// Compares two whole cases.
    public static func between(_ old: CaseFile, _ new: CaseFile) -> CaseDiff {
        var pairs = DiffPairs()
        for (id, entry) in old.entries where new[id] != entry { pairs.entries[id] = (entry, new[id]) }
        for (id, entry) in new.entries where old[id] == nil { pairs.entries[id] = (nil, entry) }
        for (key, link) in old.links where new.links[key] != link { pairs.links[key] = (link, new.links[key]) }
        for (key, link) in new.links where old.links[key] == nil { pairs.links[key] = (nil, link) }
        for (key, note) in old.notes where new.notes[key] != note { pairs.notes[key] = (note, new.notes[key]) }
        for (key, note) in new.notes where old.notes[key] == nil { pairs.notes[key] = (nil, note) }
        var sessions: [Int: (old: [Session], new: [Session])] = [:]
        for session in old.sessions { sessions[session.revision, default: ([], [])].old.append(session) }
        for session in new.sessions { sessions[session.revision, default: ([], [])].new.append(session) }
        pairs.sessions = sessions.filter { $0.value.old != $0.value.new }
        if old.header != new.header { pairs.header = (old.header, new.header) }
        pairs.layout = layoutChange(old, new)
        return CaseDiff(pairs)
    }

    /// The changes a notebook has not saved yet (each thing's saved value against its value now).
    public init(unsaved changes: [Change]) {
        var pairs = DiffPairs()
        for change in changes {
            switch change {
            case let .entry(old, new):
                if old != new, let id = old?.id ?? new?.id { pairs.entries[id] = (old, new) }
            case let .link(old, new):
                if old != new, let key = old?.key ?? new?.key { pairs.links[key] = (old, new) }
            case let .note(old, new):
                if old != new, let key = old?.key ?? new?.key { pairs.notes[key] = (old, new) }
            case let .header(old, new):
                if old != new { pairs.header = (old, new) }
            }
        }
        self.init(pairs)
    }

    static func layoutChange(_ old: CaseFile, _ new: CaseFile) -> LayoutChange? {
        let change = LayoutChange(
            foreign: (old.foreign, new.foreign),
            descriptorExtras: (old.descriptorExtras, new.descriptorExtras),
            descriptorComments: (old.descriptorComments, new.descriptorComments),
            trailingComments: (old.trailingComments, new.trailingComments),
            leadingComments: (old.leadingComments, new.leadingComments))
        // The reader notes an empty list for every record type it meets; a case built by
        // commands has none. Both mean "nothing added by hand".
        func significant<T>(_ map: [Kind: [T]]) -> [Kind: [T]] { map.filter { !$0.value.isEmpty } }
        let same = change.foreign.old == change.foreign.new
            && significant(change.descriptorExtras.old) == significant(change.descriptorExtras.new)
            && significant(change.descriptorComments.old) == significant(change.descriptorComments.new)
            && change.trailingComments.old == change.trailingComments.new
            && change.leadingComments.old == change.leadingComments.new
        return same ? nil : change
    }

    /// Turns gathered pairs into record changes: renames are found among removed and
    /// added entries of the same kind and content, and everything is put in file order.
    init(_ pairs: DiffPairs) {
        var changes: [RecordChange] = []
        if let header = pairs.header {
            changes.append(RecordChange(action: .changed, subject: .header,
                                        fields: FieldsDiff(old: header.old.fields, new: header.new.fields),
                                        comments: EditScript.diff(header.old.comments, header.new.comments)))
        }
        var removed: [Entry] = []
        var added: [Entry] = []
        for (_, pair) in pairs.entries {
            if let old = pair.old, let new = pair.new, old.kind == new.kind {
                changes.append(Self.change(.changed, .entry(old.kind, old.id), old.fields, new.fields,
                                           old.comments, new.comments))
            } else {
                if let old = pair.old { removed.append(old) }
                if let new = pair.new { added.append(new) }
            }
        }
        var renamed = Self.renames(removed: removed, added: added)
        // Links and notes that only followed a renamed entry read as moved, not as one
        // removed and one added.
        var newIds: [String: String] = [:]
        for change in renamed {
            if case let .entry(_, old) = change.subject, let new = change.renamedTo { newIds[old] = new }
        }
        // A removed entry whose references now name another entry was merged into it
        // (`merge KEEP DROP`): it reads as a merge, and what moved follows it.
        let merges = Self.merges(removed: renamed, changed: changes, pairs: pairs)
        for (index, change) in renamed.enumerated() {
            guard change.action == .removed, case let .entry(_, id) = change.subject, let keep = merges[id] else { continue }
            renamed[index].renamedTo = keep
            newIds[id] = keep
        }
        changes += renamed
        changes += Self.follow(pairs.links, subject: { .link($0) }, fields: \.fields, comments: \.comments) { key in
            LinkKey(from: newIds[key.from] ?? key.from, rel: key.rel, to: newIds[key.to] ?? key.to)
        }
        changes += Self.follow(pairs.notes, subject: { .note($0) }, fields: \.fields, comments: \.comments) { key in
            NoteKey(on: newIds[key.on] ?? key.on, at: key.at, by: key.by, text: key.text)
        }
        for (revision, pair) in pairs.sessions {
            if pair.old.count == 1, pair.new.count == 1 {
                changes.append(Self.change((pair.old.first, pair.new.first), .session(revision),
                                           fields: \.fields, comments: \.comments))
            } else {
                for old in pair.old where !pair.new.contains(old) {
                    changes.append(Self.change((old, nil), .session(revision), fields: \.fields, comments: \.comments))
                }
                for new in pair.new where !pair.old.contains(new) {
                    changes.append(Self.change((nil, new), .session(revision), fields: \.fields, comments: \.comments))
                }
            }
        }
        changes.sort { a, b in
            if a.subject != b.subject { return DiffSubject.less(a.subject, b.subject) }
            return a.action == .removed && b.action != .removed
        }
        for index in changes.indices { changes[index].follows = Self.onlyFollows(changes[index], newIds) }
        self.init(changes: changes, layout: pairs.layout)
    }

    /// The changes of links or notes: a removed one whose key, with renamed Ids put in,
    /// is an added one with the same fields and comments has moved with the rename.
    private static func follow<Key: Hashable, T: Equatable>(
        _ pairs: [Key: (old: T?, new: T?)], subject: (Key) -> DiffSubject, fields: KeyPath<T, [Field]>,
        comments: KeyPath<T, [String]>, renamed: (Key) -> Key
    ) -> [RecordChange] {
        var changes: [RecordChange] = []
        var moved: Set<Key> = []
        for (key, pair) in pairs {
            guard let old = pair.old, pair.new == nil else { continue }
            let target = renamed(key)
            guard target != key, let arrived = pairs[target], arrived.old == nil, let new = arrived.new,
                  new[keyPath: fields] == old[keyPath: fields], new[keyPath: comments] == old[keyPath: comments],
                  !moved.contains(target) else { continue }
            moved.insert(key)
            moved.insert(target)
            changes.append(RecordChange(action: .renamed, subject: subject(key), movedTo: subject(target),
                                        fields: FieldsDiff(old: old[keyPath: fields], new: new[keyPath: fields]),
                                        comments: EditScript.diff(old[keyPath: comments], new[keyPath: comments])))
        }
        for (key, pair) in pairs where !moved.contains(key) {
            changes.append(change(pair, subject(key), fields: fields, comments: comments))
        }
        return changes
    }

    /// Removed and added entries that are the same but for their Id become renames.
    private static func renames(removed: [Entry], added: [Entry]) -> [RecordChange] {
        var changes: [RecordChange] = []
        var byContent: [Entry: [Entry]] = [:]
        for entry in removed.sorted(by: { ByteOrder.less($0.id, $1.id) }) {
            var content = entry
            content.id = ""
            byContent[content, default: []].append(entry)
        }
        for entry in added.sorted(by: { ByteOrder.less($0.id, $1.id) }) {
            var content = entry
            content.id = ""
            if var bucket = byContent[content], !bucket.isEmpty {
                let old = bucket.removeFirst()
                byContent[content] = bucket
                changes.append(RecordChange(action: .renamed, subject: .entry(old.kind, old.id), renamedTo: entry.id,
                                            fields: FieldsDiff(old: old.fields, new: entry.fields),
                                            comments: EditScript.diff(old.comments, entry.comments)))
            } else {
                changes.append(change(.added, .entry(entry.kind, entry.id), [], entry.fields, [], entry.comments))
            }
        }
        for bucket in byContent.values {
            for old in bucket { changes.append(change(.removed, .entry(old.kind, old.id), old.fields, [], old.comments, [])) }
        }
        return changes
    }

    /// For each removed entry, the entry its references were rewritten to, when the changed
    /// entries (or the links) point there instead: `merge KEEP DROP` did that.
    private static func merges(removed: [RecordChange], changed: [RecordChange], pairs: DiffPairs) -> [String: String] {
        var gone: Set<String> = []
        for change in removed where change.action == .removed {
            if case let .entry(_, id) = change.subject { gone.insert(id) }
        }
        guard !gone.isEmpty else { return [:] }
        var votes: [String: [String: Int]] = [:]
        for change in changed {
            for case let .changed(_, old, new, nil) in change.fields.edits where gone.contains(old) && !gone.contains(new) {
                votes[old, default: [:]][new, default: 0] += 1
            }
        }
        var linksGone: [LinkKey] = []
        var linksCome: Set<LinkKey> = []
        for (key, pair) in pairs.links {
            if pair.new == nil { linksGone.append(key) } else if pair.old == nil { linksCome.insert(key) }
        }
        for key in linksGone {
            for keep in linksCome where keep.rel == key.rel {
                if gone.contains(key.from), keep.to == key.to, !gone.contains(keep.from) { votes[key.from, default: [:]][keep.from, default: 0] += 1 }
                if gone.contains(key.to), keep.from == key.from, !gone.contains(keep.to) { votes[key.to, default: [:]][keep.to, default: 0] += 1 }
            }
        }
        return votes.compactMapValues { counts in counts.max { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }?.key }
    }

    /// Whether a change only carries references along to renamed or merged entries: an
    /// entry whose every changed field went from an old Id to its new one, or a link or
    /// note moved with its entry.
    static func onlyFollows(_ change: RecordChange, _ newIds: [String: String]) -> Bool {
        guard !newIds.isEmpty, change.action == .changed || change.movedTo != nil, !change.commentsChanged else { return false }
        if change.movedTo != nil { return !change.fields.edits.contains { if case .same = $0 { return false } else { return true } } }
        guard case .entry = change.subject else { return false }
        var any = false
        for edit in change.fields.edits {
            switch edit {
            case .same: continue
            case let .changed(_, old, new, nil) where newIds[old] == new: any = true
            default: return false
            }
        }
        return any
    }

    private static func change(_ action: RecordChange.Action, _ subject: DiffSubject, _ oldFields: [Field],
                               _ newFields: [Field], _ oldComments: [String], _ newComments: [String]) -> RecordChange {
        RecordChange(action: action, subject: subject, fields: FieldsDiff(old: oldFields, new: newFields),
                     comments: EditScript.diff(oldComments, newComments))
    }

    private static func change<T>(_ pair: (old: T?, new: T?), _ subject: DiffSubject, fields: KeyPath<T, [Field]>,
                                  comments: KeyPath<T, [String]>) -> RecordChange {
        let action: RecordChange.Action = pair.old == nil ? .added : (pair.new == nil ? .removed : .changed)
        return change(action, subject, pair.old?[keyPath: fields] ?? [], pair.new?[keyPath: fields] ?? [],
                      pair.old?[keyPath: comments] ?? [], pair.new?[keyPath: comments] ?? [])
    }
}
