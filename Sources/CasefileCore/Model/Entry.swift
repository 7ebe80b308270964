/// A person, post, quote, translation or source: any record named by an Id.
///
/// Fields are kept generically, in canonical order, so that fields a user added by
/// hand survive a load and save; typed accessors read the known ones.
public struct Entry: Hashable, Sendable, FieldBearing {
    /// The entry's kind.
    public var kind: Kind
    /// The unique Id, across all kinds.
    public var id: String
    /// Every field except `Id`, in canonical order.
    public var fields: [Field]
    /// Comment lines written just before the record (without the leading `#`).
    public var comments: [String]

    /// Creates an entry; `fields` are put in canonical order.
    public init(kind: Kind, id: String, fields: [Field] = [], comments: [String] = []) {
        self.kind = kind
        self.id = id
        self.fields = Schema.of(kind).canonicalOrder(fields)
        self.comments = comments
    }

    /// Creates an entry from fields known to be in canonical order already (the loader
    /// checks this while reading them; a canonical file needs no sort).
    init(kind: Kind, id: String, canonicalFields: [Field], comments: [String]) {
        self.kind = kind
        self.id = id
        fields = canonicalFields
        self.comments = comments
    }

    /// The entry's schema.
    public var schema: Schema { Schema.of(kind) }

    /// Replaces every value of `name` by `value` (or removes the field when `value` is nil).
    public mutating func set(_ name: String, _ value: String?) {
        fields.removeAll { $0.name == name }
        if let value { schema.insert(Field(name, value), into: &fields) }
    }

    /// Adds one more value of a repeatable field, keeping canonical order.
    public mutating func append(_ name: String, _ value: String) {
        schema.insert(Field(name, value), into: &fields)
    }

    /// Removes one value of `name`; returns whether it was there.
    @discardableResult
    public mutating func remove(_ name: String, value: String) -> Bool {
        guard let index = fields.firstIndex(where: { $0.name == name && $0.value == value }) else { return false }
        fields.remove(at: index)
        return true
    }

    /// A person's name, a source's title, or nil.
    public var name: String? { nameField?.value }
    /// The field `name` reads (Name, else Title), its value not decoded.
    public var nameField: Field? { field("Name") ?? field("Title") }
    /// The main text of a post, quote or translation.
    public var text: String? { self["Text"] }
    /// The language tag.
    public var lang: String? { self["Lang"] }
    /// A person's handles (`@extremkz`).
    public var handles: [String] { values("Handle") }
    /// The tags.
    public var tags: [String] { values("Tag") }
}
