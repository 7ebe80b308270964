/// What a change is about.
public enum DiffSubject: Hashable, Sendable {
    /// The `Casefile` header record.
    case header
    /// A person, post, quote, translation or source, by kind and Id (the old Id for a rename).
    case entry(Kind, String)
    /// A link, by From/Rel/To.
    case link(LinkKey)
    /// A note, by its content.
    case note(NoteKey)
    /// A session record, by revision.
    case session(Int)

    /// The kind of record (nil for the header).
    public var kind: Kind? {
        switch self {
        case .header: return nil
        case .entry(let kind, _): return kind
        case .link: return .link
        case .note: return .note
        case .session: return .session
        }
    }

    /// Position in canonical file order: header, entries by kind and Id, links, notes, sessions.
    static func less(_ a: DiffSubject, _ b: DiffSubject) -> Bool {
        func rank(_ subject: DiffSubject) -> Int {
            subject.kind.map { Kind.allCases.firstIndex(of: $0).map { $0 + 1 } ?? 0 } ?? 0
        }
        let ra = rank(a)
        let rb = rank(b)
        if ra != rb { return ra < rb }
        switch (a, b) {
        case let (.entry(_, x), .entry(_, y)): return ByteOrder.less(x, y)
        case let (.link(x), .link(y)): return x < y
        case let (.note(x), .note(y)): return x < y
        case let (.session(x), .session(y)): return x < y
        default: return false
        }
    }
}

/// One record added, removed, changed or renamed.
public struct RecordChange: Sendable, Equatable {
    /// What happened to the record.
    public enum Action: String, Sendable, CaseIterable {
        case added, removed, changed, renamed
    }

    /// What happened.
    public var action: Action
    /// Which record.
    public var subject: DiffSubject
    /// For a renamed entry, the new Id.
    public var renamedTo: String?
    /// For a link or note that only followed renamed entries, where it is now.
    public var movedTo: DiffSubject?
    /// The record's fields beyond those that name it (for entries all but Id; for links
    /// all but From/Rel/To; for notes all but On/At/By/Text), edit by edit. An added
    /// record has only `added` edits, a removed one only `removed` ones.
    public var fields: FieldsDiff
    /// The record's comment lines, edit by edit.
    public var comments: [Edit<String>]
    /// Whether the change only follows a rename or a merge (references rewritten to the
    /// new Id, a link or note moved with its entry): shown collapsed, not counted as work.
    public var follows = false

    /// Creates a change.
    public init(action: Action, subject: DiffSubject, renamedTo: String? = nil, movedTo: DiffSubject? = nil,
                fields: FieldsDiff, comments: [Edit<String>]) {
        self.action = action
        self.subject = subject
        self.renamedTo = renamedTo
        self.movedTo = movedTo
        self.fields = fields
        self.comments = comments
    }

    /// Whether the comments before the record changed.
    public var commentsChanged: Bool {
        comments.contains { if case .same = $0 { return false } else { return true } }
    }
}

/// What changed in the parts of a file casefile keeps but does not model: record types
/// added by hand, extra descriptor lines, comments. Given whole, old and new.
public struct LayoutChange: Sendable, Equatable {
    /// Record types added by hand, before and after.
    public var foreign: (old: [ForeignSection], new: [ForeignSection])
    /// Extra descriptor lines of known types, before and after.
    public var descriptorExtras: (old: [Kind: [Field]], new: [Kind: [Field]])
    /// Comments before known types' descriptors, before and after.
    public var descriptorComments: (old: [Kind: [String]], new: [Kind: [String]])
    /// Comments after the last record, before and after.
    public var trailingComments: (old: [String], new: [String])

    public static func == (a: LayoutChange, b: LayoutChange) -> Bool {
        a.foreign == b.foreign && a.descriptorExtras == b.descriptorExtras
            && a.descriptorComments == b.descriptorComments && a.trailingComments == b.trailingComments
    }

    /// Short descriptions of what changed, for display.
    public var descriptions: [String] {
        var lines: [String] = []
        let oldTypes = foreign.old.map(\.recordType)
        let newTypes = foreign.new.map(\.recordType)
        for type in newTypes where !oldTypes.contains(type) { lines.append("record type \(type) added") }
        for type in oldTypes where !newTypes.contains(type) { lines.append("record type \(type) removed") }
        for section in foreign.new {
            guard let before = foreign.old.first(where: { $0.recordType == section.recordType }), before != section else {
                continue
            }
            let added = section.records.filter { !before.records.contains($0) }.count
            let removed = before.records.filter { !section.records.contains($0) }.count
            var parts: [String] = []
            if added > 0 { parts.append("\(added) added") }
            if removed > 0 { parts.append("\(removed) removed") }
            if parts.isEmpty { parts.append("descriptor or order changed") }
            lines.append("\(section.recordType) records: " + parts.joined(separator: ", "))
        }
        for kind in Kind.allCases where descriptorExtras.old[kind] ?? [] != descriptorExtras.new[kind] ?? [] {
            lines.append("descriptor of \(kind.recordType) changed")
        }
        for kind in Kind.allCases where descriptorComments.old[kind] ?? [] != descriptorComments.new[kind] ?? [] {
            lines.append("comments before %rec: \(kind.recordType) changed")
        }
        if trailingComments.old != trailingComments.new { lines.append("comments at the end of the file changed") }
        return lines
    }
}

/// The difference between two cases, as records: added, removed, changed field by
/// field, renamed (same content under a new Id), in canonical file order.
public struct CaseDiff: Sendable, Equatable {
    /// The record changes, header first, then entries, links, notes and sessions.
    public var changes: [RecordChange]
    /// Changes to hand-added record types and comments, if any.
    public var layout: LayoutChange?

    /// A diff from its parts.
    public init(changes: [RecordChange], layout: LayoutChange? = nil) {
        self.changes = changes
        self.layout = layout
    }

    /// Whether the two cases are the same.
    public var isEmpty: Bool { changes.isEmpty && layout == nil }

    /// How many records of each kind (nil: the header) had each action.
    public var counts: [Kind?: [RecordChange.Action: Int]] {
        var result: [Kind?: [RecordChange.Action: Int]] = [:]
        for change in changes { result[change.subject.kind, default: [:]][change.action, default: 0] += 1 }
        return result
    }

    /// `counts` without the changes that only follow a rename or a merge: what a person
    /// did, as `diff --stat` shows it.
    public var workCounts: [Kind?: [RecordChange.Action: Int]] {
        var result: [Kind?: [RecordChange.Action: Int]] = [:]
        for change in changes where !change.follows { result[change.subject.kind, default: [:]][change.action, default: 0] += 1 }
        return result
    }

    /// How many records only followed a rename or a merge.
    public var followingCount: Int { changes.filter(\.follows).count }

    /// `+3 post, ~1 person, >1 person, -1 note`, in the style of the session summaries
    /// (`>` marks renames).
    public var summary: String {
        let counts = self.counts
        var parts: [String] = []
        for kind in Kind.allCases {
            guard let byAction = counts[kind] else { continue }
            for (action, sign) in [(RecordChange.Action.added, "+"), (.changed, "~"), (.renamed, ">"), (.removed, "-")] {
                if let count = byAction[action], count > 0 { parts.append("\(sign)\(count) \(kind.word)") }
            }
        }
        if counts[nil] != nil { parts.append("~header") }
        if layout != nil { parts.append("~layout") }
        return parts.joined(separator: ", ")
    }
}
