/// What names a link: its two ends and the relation between them.
public struct LinkKey: Hashable, Sendable, Comparable {
    /// The Id the link starts from.
    public var from: String
    /// The relation word (`authored`, `detained-with`, …).
    public var rel: String
    /// The Id the link points to.
    public var to: String

    /// Creates a key.
    public init(from: String, rel: String, to: String) {
        self.from = from
        self.rel = rel
        self.to = to
    }

    /// Equal when every part has the same UTF-8 bytes (the file's notion of sameness; Swift's
    /// `String ==` would also equate differently normalised texts, and hash far slower).
    public static func == (lhs: LinkKey, rhs: LinkKey) -> Bool {
        ByteOrder.compare(lhs.from, rhs.from) == 0 && ByteOrder.compare(lhs.rel, rhs.rel) == 0 && ByteOrder.compare(lhs.to, rhs.to) == 0
    }

    /// Hashes the UTF-8 bytes of every part, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        ByteOrder.hash(self.from, into: &hasher)
        ByteOrder.hash(self.rel, into: &hasher)
        ByteOrder.hash(self.to, into: &hasher)
    }

    public static func < (lhs: LinkKey, rhs: LinkKey) -> Bool {
        // Part by part, without building a list of pairs per comparison (sorts call this a lot).
        var order = ByteOrder.compare(lhs.from, rhs.from)
        if order == 0 { order = ByteOrder.compare(lhs.rel, rhs.rel) }
        if order == 0 { order = ByteOrder.compare(lhs.to, rhs.to) }
        return order < 0
    }
}

/// A typed relation between two entries.
public struct Link: Hashable, Sendable, FieldBearing {
    /// The link's identity.
    public var key: LinkKey
    /// Fields beyond From, Rel and To (`Note`, and any added by hand).
    public var fields: [Field]
    /// Comment lines written just before the record.
    public var comments: [String]

    /// Creates a link.
    public init(_ key: LinkKey, fields: [Field] = [], comments: [String] = []) {
        self.key = key
        self.fields = Schema.link.canonicalOrder(fields)
        self.comments = comments
    }

    /// The optional note on the link.
    public var note: String? { self["Note"] }
}
