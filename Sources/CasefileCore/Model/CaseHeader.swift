/// The `Casefile` record at the top of a case file.
public struct CaseHeader: Hashable, Sendable, FieldBearing {
    /// The file format version this build writes.
    public static let currentFormat = 1
    /// The known header fields, in canonical order.
    public static let knownFields = ["Format", "Title", "Lang", "Revision", "Saved"]

    /// Format, Title, Lang, Revision, Saved, then fields added by hand.
    public var fields: [Field]
    /// Comment lines written just before the record.
    public var comments: [String]

    /// A header for a new, never-saved case.
    public init(title: String? = nil) {
        fields = [Field("Format", String(Self.currentFormat))]
        if let title { fields.append(Field("Title", title)) }
        fields.append(Field("Revision", "0"))
        comments = []
    }

    /// Creates a header from fields read from a file.
    public init(fields: [Field], comments: [String]) {
        self.fields = Self.canonicalOrder(fields)
        self.comments = comments
    }

    static func canonicalOrder(_ list: [Field]) -> [Field] {
        func rank(_ name: String) -> Int { knownFields.firstIndex(of: name) ?? knownFields.count }
        return list.enumerated()
            .sorted { (rank($0.element.name), $0.offset) < (rank($1.element.name), $1.offset) }
            .map(\.element)
    }

    /// Replaces a field's value, or removes it when `value` is nil.
    public mutating func set(_ name: String, _ value: String?) {
        fields.removeAll { $0.name == name }
        if let value { fields = Self.canonicalOrder(fields + [Field(name, value)]) }
    }

    /// The case title.
    public var title: String? { self["Title"] }
    /// The revision of the last save (0 for a case never saved).
    public var revision: Int { self["Revision"].flatMap { Int($0) } ?? 0 }
    /// When the case was last saved.
    public var saved: String? { self["Saved"] }
    /// The working language: the one translations are made into (default English).
    public var workingLanguage: String { self["Lang"] ?? "en" }
}
