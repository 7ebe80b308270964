/// Where each record of a loaded file was, for diagnostics found after the scan. The Id
/// and key lists double as the load order handed to `CaseFile` (one array, not two).
struct RecordLocations: Sendable {
    /// The file name used in diagnostics.
    var file: String = ""
    /// The Ids of each identified kind in file order, by kind ordinal.
    var entryIds: [[String]] = Array(repeating: [], count: Kind.allCases.count)
    /// The byte offset of each of those records, parallel to `entryIds`.
    var entryOffsets: [[Int]] = Array(repeating: [], count: Kind.allCases.count)
    /// Link keys in file order.
    var linkKeys: [LinkKey] = []
    /// The byte offset of each link record, parallel to `linkKeys`.
    var linkOffsets: [Int] = []
    /// Note keys in file order.
    var noteKeys: [NoteKey] = []
    /// The byte offset of each note record, parallel to `noteKeys`.
    var noteOffsets: [Int] = []
    /// Byte offset of the header record, if the file has one.
    var header: Int?
    /// Byte offset of each session record, in file order.
    var sessions: [(revision: Int, offset: Int)] = []
    /// Every record descriptor, in file order, with the line of each of its fields.
    var descriptors: [DescriptorPlace] = []
    /// The line of each field of each record of each foreign section, by section index.
    var foreignFieldLines: [[[Int32]]] = []

    mutating func reserveCapacity(entries: Int, links: Int, notes: Int) {
        linkKeys.reserveCapacity(links)
        linkOffsets.reserveCapacity(links)
        noteKeys.reserveCapacity(notes)
        noteOffsets.reserveCapacity(notes)
        _ = entries  // per-kind shares are unknown; those arrays grow geometrically
    }
}

/// A record descriptor as it was found: its type, fields and lines (the rule checker
/// reads the declarations from these).
struct DescriptorPlace: Sendable {
    /// The type name its `%rec:` line declares.
    var type: String
    /// Its fields, `%rec` first.
    var fields: [Field]
    /// The line of each field.
    var fieldLines: [Int32]
}
