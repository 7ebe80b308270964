/// What names a note: the entry it is on, when, by whom, and its text.
public struct NoteKey: Hashable, Sendable, Comparable {
    /// The Id annotated.
    public var on: String
    /// When it was written (ISO date-time), or "".
    public var at: String
    /// Who wrote it, or "".
    public var by: String
    /// The note's text.
    public var text: String

    /// Creates a key.
    public init(on: String, at: String, by: String, text: String) {
        self.on = on
        self.at = at
        self.by = by
        self.text = text
    }

    /// Equal when every part has the same UTF-8 bytes (the file's notion of sameness; Swift's
    /// `String ==` would also equate differently normalised texts, and hash far slower).
    public static func == (lhs: NoteKey, rhs: NoteKey) -> Bool {
        ByteOrder.compare(lhs.on, rhs.on) == 0 && ByteOrder.compare(lhs.at, rhs.at) == 0 && ByteOrder.compare(lhs.by, rhs.by) == 0 && ByteOrder.compare(lhs.text, rhs.text) == 0
    }

    /// Hashes the UTF-8 bytes of every part, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        ByteOrder.hash(self.on, into: &hasher)
        ByteOrder.hash(self.at, into: &hasher)
        ByteOrder.hash(self.by, into: &hasher)
        ByteOrder.hash(self.text, into: &hasher)
    }

    public static func < (lhs: NoteKey, rhs: NoteKey) -> Bool {
        // Part by part, without building a list of pairs per comparison (sorts call this a lot).
        var order = ByteOrder.compare(lhs.on, rhs.on)
        if order == 0 { order = ByteOrder.compare(lhs.at, rhs.at) }
        if order == 0 { order = ByteOrder.compare(lhs.by, rhs.by) }
        if order == 0 { order = ByteOrder.compare(lhs.text, rhs.text) }
        return order < 0
    }
}

/// A timestamped, attributed annotation on an entry.
public struct Note: Hashable, Sendable, FieldBearing {
    /// The note's identity.
    public var key: NoteKey
    /// Fields beyond On, At, By and Text (any added by hand).
    public var fields: [Field]
    /// Comment lines written just before the record.
    public var comments: [String]

    /// Creates a note.
    public init(_ key: NoteKey, fields: [Field] = [], comments: [String] = []) {
        self.key = key
        self.fields = fields
        self.comments = comments
    }
}
