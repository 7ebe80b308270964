/// A record type casefile does not know, added to the file by hand: kept as it was
/// and written back after the known types, in the order it was found.
public struct ForeignSection: Hashable, Sendable {
    /// The descriptor's fields, starting with `%rec`.
    public var descriptor: [Field]
    /// Comment lines written just before the descriptor.
    public var comments: [String]
    /// The records, in file order, each with its leading comments.
    public var records: [ForeignRecord]

    /// The record type name given by `%rec:`.
    public var recordType: String {
        descriptor.first(where: { $0.name == "%rec" })?.value ?? ""
    }

    /// Whether these are the records before any descriptor (recutils' anonymous record set).
    public var isAnonymous: Bool { descriptor.isEmpty }

    /// Creates a section.
    public init(descriptor: [Field], comments: [String] = [], records: [ForeignRecord] = []) {
        self.descriptor = descriptor
        self.comments = comments
        self.records = records
    }
}

/// One record of a foreign section.
public struct ForeignRecord: Hashable, Sendable, FieldBearing {
    /// The fields, in file order.
    public var fields: [Field]
    /// Comment lines written just before the record.
    public var comments: [String]

    /// Creates a record.
    public init(fields: [Field], comments: [String] = []) {
        self.fields = fields
        self.comments = comments
    }
}
