/// One `Name: value` pair of a record. Values may span several lines.
///
/// A value read from a case file may be kept as a range of the file's mapped bytes
/// (`MappedValue`) and decoded each time it is read; setting it makes it an owned string.
/// Either way it reads, compares and hashes as the same `String`.
public struct Field: Sendable {
    /// The field name, ASCII, matching `[a-zA-Z%][a-zA-Z0-9_]*`.
    public var name: String
    private var storage: FieldValue

    /// The field value, exactly as stored (newlines included).
    public var value: String {
        get {
            switch storage {
            case .owned(let text): return text
            case .mapped(let range): return range.string
            }
        }
        set { storage = .owned(newValue) }
    }

    /// Creates a field.
    public init(_ name: String, _ value: String) {
        self.name = name
        storage = .owned(value)
    }

    /// A field whose value stays in the mapped file until it is read.
    init(_ name: String, mapped: MappedValue) {
        self.name = name
        storage = .mapped(mapped)
    }

    /// Calls `body` with the value's UTF-8 bytes, lent without making a `String` when the
    /// value is one line of the mapped file (the writer and the index read values so).
    public func withValueBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if case .mapped(let range) = storage, let bytes = range.singleLineBytes { return try body(bytes) }
        var text = value
        return try text.withUTF8 { try body($0) }
    }

    /// Appends the value's UTF-8 bytes to `bytes`, straight from the mapped file when it
    /// is there (no `String` made, even for a value of several lines).
    public func appendValue(to bytes: inout [UInt8]) {
        switch storage {
        case .owned(var text): text.withUTF8 { bytes.append(contentsOf: $0) }
        case .mapped(let range): range.append(to: &bytes)
        }
    }

    /// Whether the value is empty (without decoding it).
    public var isValueEmpty: Bool {
        switch storage {
        case .owned(let text): return text.isEmpty
        case .mapped(let range): return range.count == 0
        }
    }

    /// The range of the mapped file the value is read from, while it is one.
    var mappedValue: MappedValue? {
        if case .mapped(let range) = storage { return range }
        return nil
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

/// Where a field's value is: an owned string, or a range of a mapped case file.
enum FieldValue: Sendable {
    case owned(String)
    case mapped(MappedValue)
}

extension Field: Hashable {
    /// Equal names and equal values (as `String`s compare: canonically equivalent text is
    /// equal); two ranges of the same bytes are equal without decoding.
    public static func == (lhs: Field, rhs: Field) -> Bool {
        guard lhs.name == rhs.name else { return false }
        switch (lhs.storage, rhs.storage) {
        case (.owned(let left), .owned(let right)):
            return left == right
        case (.mapped(let left), .mapped(let right)) where left.isSameRange(as: right):
            return true
        default:
            return lhs.value == rhs.value
        }
    }

    /// Hashes the name and the value as a `String` (so that equal fields hash alike).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(value)
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
        withField(name) { $0.value }
    }

    /// Calls `body` with the first field `name`, lent from the record rather than copied
    /// (a copy of a value read from a file takes a count of the whole mapping, which every
    /// core of a bulk export would otherwise be changing); nil when there is none.
    @inline(__always)
    public func withField<Result>(_ name: String, _ body: (Field) throws -> Result) rethrows -> Result? {
        try fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].name == name { return try body(fields[index]) }
            return nil
        }
    }

    /// Calls `body` with each field `name`, in order, lent as `withField` lends one.
    @inline(__always)
    public func forEachField(named name: String, _ body: (Field) throws -> Void) rethrows {
        try fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].name == name { try body(fields[index]) }
        }
    }

    /// The first field `name`, if present (its value not decoded).
    public func field(_ name: String) -> Field? {
        fields.first(where: { $0.name == name })
    }

    /// Every value of the field `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.compactMap { $0.name == name ? $0.value : nil }
    }
}
