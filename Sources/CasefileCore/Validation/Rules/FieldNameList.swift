/// The lists of field names a descriptor holds (`%mandatory: Name Email`, `%type: A,B int`),
/// read the way recutils reads them: names matching `[a-zA-Z%][a-zA-Z0-9_]*`, separated by
/// blanks (spaces, tabs, newlines) or, where recutils allows it, commas.
enum FieldNameList {
    /// The names in `text`, or nil when it is empty or holds something that is not a name.
    static func parse(_ text: String, commas: Bool = false) -> [String]? {
        var names: [String] = []
        var current: [UInt8] = []
        func close() -> Bool {
            guard !current.isEmpty else { return true }
            guard isName(current) else { return false }
            names.append(String(decoding: current, as: UTF8.self))
            current.removeAll()
            return true
        }
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || (commas && byte == UInt8(ascii: ",")) {
                guard close() else { return nil }
            } else {
                current.append(byte)
            }
        }
        guard close(), !names.isEmpty else { return nil }
        return names
    }

    /// Whether `bytes` is one field name.
    static func isName<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var first = true
        for byte in bytes {
            let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if first {
                guard letter || byte == UInt8(ascii: "%") else { return false }
                first = false
            } else if !(letter || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F) {
                return false
            }
        }
        return !first
    }

    /// Whether `text`, without surrounding blanks, is one field name.
    static func isName(_ text: String) -> Bool {
        let trimmed = text.trimmingBlanks()
        return isName(trimmed.utf8)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingBlanks() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" || first == "\n" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" || last == "\n" { view.removeLast() }
        return String(view)
    }
}
