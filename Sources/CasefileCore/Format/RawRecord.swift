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
    /// Comment lines before it, without the `#`.
    var comments: [String]
    /// Comment lines among its fields: each with the index of the field it precedes
    /// (`fields.count` for one after the last field).
    var innerComments: [(beforeField: Int, text: String)] = []
    /// Whether one of its lines could not be read (so a missing field is no news).
    var damaged = false

    /// Whether it is a record descriptor (`%rec: …`).
    var isDescriptor: Bool { fields.first?.name == "%rec" }

    /// The fields with the comments among them as `#` pseudo-fields, where they stood.
    var fieldsWithComments: [Field] {
        guard !innerComments.isEmpty else { return fields }
        var merged: [Field] = []
        merged.reserveCapacity(fields.count + innerComments.count)
        var next = 0
        for (index, field) in fields.enumerated() {
            while next < innerComments.count && innerComments[next].beforeField <= index {
                merged.append(.comment(innerComments[next].text))
                next += 1
            }
            merged.append(field)
        }
        for comment in innerComments[next...] { merged.append(.comment(comment.text)) }
        return merged
    }

    func line(of name: String) -> Int {
        guard let index = fields.firstIndex(where: { $0.name == name }) else { return line }
        return Int(fieldLines[index])
    }
}
