/// One `Name: value` pair of a record. Values may span several lines.
public struct Field: Hashable, Sendable {
    /// The field name, ASCII, matching `[a-zA-Z%][a-zA-Z0-9_]*`.
    public var name: String
    /// The field value, exactly as stored (newlines included).
    public var value: String

    /// Creates a field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether `name` is a valid recutils field name.
    public static func isValidName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            let isDigit = byte >= 0x30 && byte <= 0x39
            if first {
                guard isLetter else { return false }
                first = false
            } else if !(isLetter || isDigit || byte == 0x5F) {
                return false
            }
        }
        return !first
    }
}

extension Field {
    /// A comment line kept in its place among the fields of a record casefile does not
    /// model (a foreign record or a descriptor). `#` is no field name, so it cannot clash.
    public static func comment(_ text: String) -> Field { Field("#", text) }

    /// Whether this stands for a comment line (see `comment(_:)`).
    public var isComment: Bool { name == "#" }
}

/// Field lists shared by every record-like model type.
public protocol FieldBearing {
    /// The fields, in canonical order for the record's kind.
    var fields: [Field] { get set }
}

extension FieldBearing {
    /// The first value of the field `name`, if present.
    public subscript(name: String) -> String? {
        fields.first(where: { $0.name == name })?.value
    }

    /// Every value of the field `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.compactMap { $0.name == name ? $0.value : nil }
    }
}
