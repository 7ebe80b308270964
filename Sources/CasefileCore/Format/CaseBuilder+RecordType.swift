extension CaseBuilder {
    /// Why `type` (the value of `%rec:`) is not a record type name as recutils reads it
    /// (`[a-zA-Z%][a-zA-Z0-9_]*`), or nil. recfix refuses `%rec: A B C`, and reads
    /// `%rec: A B` as type A described in the file B: casefile reads neither.
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
        if words.count == 2 {
            return ("'%rec: \(type)' names an external descriptor (\(words[1])), which casefile does not read",
                    "write the descriptor's fields in this file, after '%rec: \(words[0])'")
        }
        return ("'\(type)' is not a record type name", "a record type is one word of ASCII letters, digits and '_', starting with a letter")
    }
}
