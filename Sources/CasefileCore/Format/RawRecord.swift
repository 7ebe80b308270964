/// A record as the scanner found it, before it is given a meaning.
struct RawRecord {
    /// The line of its first field.
    var line: Int
    /// The byte offset of its first field.
    var offset: Int
    /// Its fields, in file order.
    var fields: [Field]
    /// The line of each field, parallel to `fields`.
    var fieldLines: [Int32]
    /// Comment lines before or inside it, without the `#`.
    var comments: [String]
    /// Whether one of its lines could not be read (so a missing field is no news).
    var damaged = false

    /// Whether it is a record descriptor (`%rec: …`).
    var isDescriptor: Bool { fields.first?.name == "%rec" }

    func line(of name: String) -> Int {
        guard let index = fields.firstIndex(where: { $0.name == name }) else { return line }
        return Int(fieldLines[index])
    }
}
