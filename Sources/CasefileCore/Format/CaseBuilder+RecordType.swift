extension CaseBuilder {
    /// Why `type` (the value of `%rec:`) is not a record type name as recutils reads it
    /// (`[a-zA-Z%][a-zA-Z0-9_]*`), optionally followed by the file or URL holding its
    /// descriptor, or nil. recfix refuses `%rec: A B C`, and reads `%rec: A B` as type A
    /// described in the file B, as casefile does (`check` reads the rules from B).
    static func recordTypeProblem(_ type: String) -> (message: String, hint: String)? {
        let bytes = Array(type.utf8)
        func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (first ? byte == 0x25
                : (byte >= 0x30 && byte <= 0x39) || byte == 0x5F)
        }
        if let first = bytes.first, isNameByte(first, first: true), bytes.dropFirst().allSatisfy({ isNameByte($0, first: false) }) {
            return nil
        }
        let words = type.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 2, recordTypeProblem(String(words[0])) == nil { return nil }
        return ("'\(type)' is not a record type name", "a record type is one word of ASCII letters, digits and '_', starting with a letter")
    }
}
