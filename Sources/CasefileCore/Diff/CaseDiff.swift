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
    /// Comments at the top of the file (before the header or the first record), before
    /// and after: the reader keeps them, so a change to them is a change a reviewer sees.
    public var leadingComments: (old: [String], new: [String]) = ([], [])

    /// The description of a change to the comments at the top of the file.
    public static let topComments = "comments at the top of the file changed"
    /// The description of a change to the comments after the last record.
    public static let endComments = "comments at the end of the file changed"

    public static func == (a: LayoutChange, b: LayoutChange) -> Bool {
        a.foreign == b.foreign && a.descriptorExtras == b.descriptorExtras
            && a.descriptorComments == b.descriptorComments && a.trailingComments == b.trailingComments
            && a.leadingComments == b.leadingComments
    }

    /// Short descriptions of what changed, for display.
    public var descriptions: [String] {
        var lines: [String] = []
        if leadingComments.old != leadingComments.new { lines.append(Self.topComments) }
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
        if trailingComments.old != trailingComments.new { lines.append(Self.endComments) }
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

    /// What a person did, in the style of the session summaries: `+3 post, ~10 post,
    /// >1 person, 1 person merged, -1 note, 47 records follow` (`>` marks renames). Records
    /// that only follow a rename or a merge (references rewritten, links and notes moved
    /// with their entry) are not counted as edits but as one figure at the end.
    public var summary: String {
        var merged: [Kind: Int] = [:]
        var counts: [Kind?: [RecordChange.Action: Int]] = [:]
        var following = 0
        for change in changes {
            if change.follows {
                following += 1
            } else if change.action == .removed, change.renamedTo != nil, let kind = change.subject.kind {
                merged[kind, default: 0] += 1
            } else {
                counts[change.subject.kind, default: [:]][change.action, default: 0] += 1
            }
        }
        var parts = Self.parts(counts)
        for kind in Kind.allCases { if let count = merged[kind] { parts.append("\(count) \(kind.word) merged") } }
        if counts[nil] != nil { parts.append("~header") }
        if layout != nil { parts.append("~layout") }
        if following > 0 { parts.append(Plural.count(following, "record") + (following == 1 ? " follows" : " follow")) }
        return parts.joined(separator: ", ")
    }

    /// The summary as casefile wrote it before renames' and merges' ripples were told apart
    /// (every changed record counted, merged entries as removed): a save an older casefile
    /// recorded still replays to its own summary (`RevisionReplay`).
    public var summaryCountingEveryRecord: String {
        var parts = Self.parts(counts)
        if counts[nil] != nil { parts.append("~header") }
        if layout != nil { parts.append("~layout") }
        return parts.joined(separator: ", ")
    }

    /// `+1 post, ~2 post, >1 person, -1 note`, in kind order (the header is the caller's).
    private static func parts(_ counts: [Kind?: [RecordChange.Action: Int]]) -> [String] {
        var parts: [String] = []
        for kind in Kind.allCases {
            guard let byAction = counts[kind] else { continue }
            for (action, sign) in [(RecordChange.Action.added, "+"), (.changed, "~"), (.renamed, ">"), (.removed, "-")] {
                if let count = byAction[action], count > 0 { parts.append("\(sign)\(count) \(kind.word)") }
            }
        }
        return parts
    }
}
