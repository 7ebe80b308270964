/// For each field, link and note of one entry, the save that last changed it, found by
/// replaying the case's session log from an empty case and noting, session by session,
/// which fields the session's commands changed (read off the engine's record of what
/// each session touched). An entry renamed along the way keeps its fields' history.
/// What the replay does not give is said to be changed outside casefile (or, in the
/// shell, not saved yet).
public struct Blame {
    /// Where a value comes from.
    public enum Origin: Equatable {
        /// The session that last changed it.
        case session(Session)
        /// Changed in the shell since the last save.
        case unsaved
        /// Not what the log makes: changed outside casefile (why, in words).
        case outside(String)
    }

    /// One field, link or note, and where it comes from.
    public struct Line {
        /// `Name: Nurali Aitelenov`, `link aitelenov detained-with kibraev`, `note …`.
        public var label: String
        /// Its origin.
        public var origin: Origin
    }

    /// The entry blamed.
    public var entry: Entry
    /// Its fields, then its links, then its notes.
    public var lines: [Line]

    /// A field's place in an entry's history: single fields by name, repeated ones by name and value.
    struct FieldKey: Hashable {
        var name: String
        var value: String?
    }

    static func keyed(_ entry: Entry) -> [FieldKey: String] {
        var keys: [FieldKey: String] = [:]
        for field in entry.fields {
            let key = entry.schema.repeatable.contains(field.name) ? FieldKey(name: field.name, value: field.value)
                : FieldKey(name: field.name, value: nil)
            keys[key] = field.value
        }
        return keys
    }

    /// The blame of `entry` in `current`, whose session log is replayed. In the shell,
    /// `unsavedFrom` is the entry as last saved when it has changed since (`.some(nil)`:
    /// added since), and `unsavedLinks`/`unsavedNotes` what changed since.
    public init(_ entry: Entry, in current: CaseFile, unsavedFrom: Entry?? = nil,
                unsavedLinks: Set<LinkKey> = [], unsavedNotes: Set<NoteKey> = []) {
        let saved = current
        self.entry = entry
        var fieldOrigins: [String: [FieldKey: Session]] = [:]
        var linkOrigins: [LinkKey: Session] = [:]
        var noteOrigins: [NoteKey: Session] = [:]
        var replayed = CaseFile()
        var reason = "the session log does not make it"
        do {
            let replay = try RevisionReplay(saved)
            let outcome = replay.replay(through: replay.latest, checkingRecords: false, observe: { session, notebook in
                Self.note(session, notebook, &fieldOrigins, &linkOrigins, &noteOrigins)
            }, saved: { _, _ in })
            replayed = outcome.caseFile
            if let problem = outcome.problem { reason = "the log stops at revision \(outcome.firstUnexplained): \(problem)" }
        } catch {
            reason = error.description
        }
        var lines: [Line] = []
        let made = replayed[entry.id]
        let madeKeys = made.map(Self.keyed) ?? [:]
        let savedKeys = unsavedFrom.map { $0.map(Self.keyed) ?? [:] }
        func origin(_ found: Session?, matches: Bool, savedMatches: Bool?) -> Origin {
            if let found, matches { return .session(found) }
            if let savedMatches, !savedMatches { return .unsaved }
            return .outside(reason)
        }
        for (key, value) in Self.keyed(entry).sorted(by: { Self.order(entry, $0.key, $1.key) }) {
            let found = fieldOrigins[entry.id]?[key]
            lines.append(Line(label: "\(key.name): \(value)",
                              origin: origin(found, matches: madeKeys[key] == value, savedMatches: savedKeys.map { $0[key] == value })))
        }
        let links = current.links.values.filter { $0.key.from == entry.id || $0.key.to == entry.id }.sorted { $0.key < $1.key }
        for link in links {
            let label = "link \(link.key.from) \(link.key.rel) \(link.key.to)" + (link.note.map { " (\($0))" } ?? "")
            lines.append(Line(label: label, origin: origin(linkOrigins[link.key], matches: replayed.links[link.key] == link,
                                                           savedMatches: unsavedLinks.contains(link.key) ? false : nil)))
        }
        let notes = current.notes.values.filter { $0.key.on == entry.id }.sorted { $0.key < $1.key }
        for note in notes {
            let by = [note.key.at, note.key.by].filter { !$0.isEmpty }.joined(separator: " by ")
            let label = "note" + (by.isEmpty ? "" : " (\(by))") + ": " + (FieldsDiff.lines(note.key.text).first ?? "")
            lines.append(Line(label: label, origin: origin(noteOrigins[note.key], matches: replayed.notes[note.key] == note,
                                                           savedMatches: unsavedNotes.contains(note.key) ? false : nil)))
        }
        self.lines = lines
    }

    /// Fields in the order of the entry's own fields.
    static func order(_ entry: Entry, _ a: FieldKey, _ b: FieldKey) -> Bool {
        func position(_ key: FieldKey) -> Int {
            entry.fields.firstIndex { $0.name == key.name && (key.value == nil || $0.value == key.value) } ?? Int.max
        }
        return position(a) < position(b)
    }

    /// Notes which fields, links and notes `session` changed (renamed entries keep their fields' history).
    static func note(_ session: Session, _ notebook: Notebook, _ fields: inout [String: [FieldKey: Session]],
                     _ links: inout [LinkKey: Session], _ notes: inout [NoteKey: Session]) {
        var removed: [String: Entry] = [:]
        var added: [Entry] = []
        for (id, before) in notebook.log.baseline.entries {
            let now = notebook.caseFile[id]
            if let before, now == nil { removed[id] = before }
            if before == nil, let now { added.append(now) }
        }
        var renamedFrom: [String: Entry] = [:]
        for entry in added {
            // A rename: an entry gone and another come with the same fields.
            if let (old, before) = removed.first(where: { $0.value.kind == entry.kind && $0.value.fields == entry.fields }) {
                fields[entry.id] = fields[old]
                renamedFrom[entry.id] = before
                removed[old] = nil
            }
        }
        for (id, before) in notebook.log.baseline.entries {
            guard let now = notebook.caseFile[id] else {
                fields[id] = nil
                continue
            }
            let old = (before ?? renamedFrom[id]).map(keyed) ?? [:]
            var origins = fields[id] ?? [:]
            for (key, value) in keyed(now) where old[key] != value || origins[key] == nil {
                origins[key] = session
            }
            for key in origins.keys where keyed(now)[key] == nil { origins[key] = nil }
            fields[id] = origins
        }
        for (key, _) in notebook.log.baseline.links { links[key] = notebook.caseFile.links[key] == nil ? nil : session }
        for (key, _) in notebook.log.baseline.notes { notes[key] = notebook.caseFile.notes[key] == nil ? nil : session }
    }

    /// The lines as the shell and `casefile blame` print them, made safe for a terminal:
    /// the value, then `revision 3  amina  2025-11-25T12:00:00Z: message`.
    public func rendered() -> [String] {
        var out = [Terminal.visible("\(entry.kind.word) \(entry.id)", keepNewlines: false)]
        let labels = lines.map { line -> String in
            let first = FieldsDiff.lines(line.label)
            let label = first[0] + (first.count > 1 ? " …" : "")
            return Terminal.visible(TextWidth.truncate(label, to: 48), keepNewlines: false)
        }
        let width = min(48, labels.map(TextWidth.of).max() ?? 0)
        for (line, label) in zip(lines, labels) {
            var origin: String
            switch line.origin {
            case let .session(session):
                origin = "revision \(session.revision)"
                if let by = session.by, !by.isEmpty { origin += "  " + by }
                if let saved = session.saved { origin += "  " + saved }
                if let message = session.message { origin += ": " + (FieldsDiff.lines(message).first ?? "") }
            case .unsaved: origin = "not saved yet (this session)"
            case let .outside(reason): origin = "changed outside casefile (" + (FieldsDiff.lines(reason).first ?? "") + ")"
            }
            out.append("  " + TextWidth.pad(label, to: width) + "  " + Terminal.visible(origin, keepNewlines: false))
        }
        return out
    }
}
