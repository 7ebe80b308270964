#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A recutils field type (manual, "Field Types"): what `%type: Field SPEC` and
/// `%typedef: Name SPEC` declare, and the check of one value against it.
enum FieldType {
    case int, bool, real, line, date, email, field, uuid
    case range(Int, Int)
    case size(Int)
    case regexp(PosixRegex)
    case enumeration(Set<String>)
    /// A foreign key: the value names a record of this type by its key.
    case rec(String)

    /// The kinds recutils knows, as written in a type specification.
    static let kindNames: Set<String> = ["int", "bool", "range", "real", "size", "line", "regexp", "date", "enum",
                                         "email", "field", "rec", "uuid"]

    /// Parses a type specification (`range 0 10`, `enum A B (a comment) C`, `regexp /^x/`);
    /// nil when `text` does not start with a kind or its arguments are malformed.
    static func parse(_ text: String) -> FieldType? {
        let spec = Substring(text.trimmingBlanks())
        let kindEnd = spec.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) ?? spec.endIndex
        let kind = String(spec[..<kindEnd])
        let arguments = spec[kindEnd...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        let words = arguments.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        switch kind {
        case "int": return words.isEmpty ? .int : nil
        case "bool": return words.isEmpty ? .bool : nil
        case "real": return words.isEmpty ? .real : nil
        case "line": return words.isEmpty ? .line : nil
        case "date": return words.isEmpty ? .date : nil
        case "email": return words.isEmpty ? .email : nil
        case "field": return words.isEmpty ? .field : nil
        case "uuid": return words.isEmpty ? .uuid : nil
        case "size":
            guard words.count == 1, let limit = RecNumber.int(words[0]), limit >= 0 else { return nil }
            return .size(limit)
        case "range":
            guard (1...2).contains(words.count), let first = rangePoint(words[0]) else { return nil }
            guard words.count == 2 else { return .range(0, first) }
            guard let second = rangePoint(words[1]) else { return nil }
            return .range(first, second)
        case "enum": return enumeration(arguments)
        case "regexp": return regexp(arguments)
        case "rec":
            guard words.count == 1, isRecordType(words[0]) else { return nil }
            return .rec(words[0])
        default: return nil
        }
    }

    /// Whether `name` is a record type name (`[a-zA-Z][a-zA-Z0-9_]*`).
    static func isRecordType(_ name: String) -> Bool {
        guard let first = name.utf8.first, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return false }
        return FieldNameList.isName(name.utf8)
    }

    private static func rangePoint(_ word: String) -> Int? {
        if word == "MIN" { return Int(Int32.min) }
        if word == "MAX" { return Int(Int32.max) }
        return RecNumber.int(word)
    }

    private static func enumeration(_ text: Substring) -> FieldType? {
        var names = Set<String>()
        var rest = text
        while let first = rest.first {
            if first == " " || first == "\t" || first == "\n" {
                rest = rest.dropFirst()
            } else if first == "(" {
                // A parenthesised comment between names.
                let afterOpen = rest.index(after: rest.startIndex)
                guard let close = rest[afterOpen...].firstIndex(where: { $0 == ")" || $0 == "(" }),
                      rest[close] == ")" else { return nil }
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "(" }) ?? rest.endIndex
                let name = String(rest[..<end])
                guard isEnumName(name) else { return nil }
                names.insert(name)
                rest = rest[end...]
            }
        }
        return names.isEmpty ? nil : .enumeration(names)
    }

    static func isEnumName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let alnum = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if first {
                guard alnum else { return false }
                first = false
            } else if !(alnum || byte == 0x5F || byte == 0x2D) {
                return false
            }
        }
        return !first
    }

    /// `/RE/` with any delimiter: the first character; a doubled delimiter stands for itself.
    private static func regexp(_ text: Substring) -> FieldType? {
        guard let pattern = regexpPattern(text), let regex = PosixRegex(pattern) else { return nil }
        return .regexp(regex)
    }

    /// Why the arguments of a `regexp` type are not a pattern casefile matches (a
    /// back-reference, a pattern too large once its repeats are written out), or nil.
    static func regexpProblem(_ text: Substring) -> String? {
        guard let pattern = regexpPattern(text) else { return nil }
        if case .failure(let failure) = PosixRegex.compile(pattern) { return failure.message }
        return nil
    }

    /// The pattern of `/RE/`, or nil when the delimiters do not close.
    private static func regexpPattern(_ text: Substring) -> String? {
        guard let delimiter = text.first else { return nil }
        var pattern = ""
        var index = text.index(after: text.startIndex)
        var closed = false
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == delimiter {
                if next < text.endIndex && text[next] == delimiter {
                    pattern.append(delimiter)
                    index = text.index(after: next)
                    continue
                }
                closed = true
                index = next
                break
            }
            pattern.append(character)
            index = next
        }
        guard closed, text[index...].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) else { return nil }
        return pattern
    }

    /// What a value of this type must look like, for the message of a violation.
    var expectation: String {
        switch self {
        case .int: return "an integer"
        case .bool: return "a boolean (yes, no, true, false, 1 or 0)"
        case .real: return "a real number"
        case .line: return "a single line"
        case .date: return "a date"
        case .email: return "an email address"
        case .field: return "a field name"
        case .uuid: return "a UUID"
        case .range(let low, let high): return "an integer between \(low) and \(high)"
        case .size(let limit): return "at most \(limit) bytes"
        case .regexp(let regex): return "a value matching /\(regex.pattern)/"
        case .enumeration(let names): return "one of \(names.sorted().joined(separator: ", "))"
        case .rec(let type): return "the key of a \(type) record"
        }
    }

    /// Whether `value` is of this type (a `rec` value is checked by the record-set checker);
    /// nil when a regular expression gave up within `budget` without an answer.
    func accepts(_ value: String, budget: RegexBudget) -> Bool? {
        if case .regexp(let regex) = self {
            switch regex.match(value, budget: budget) {
            case .matched: return true
            case .notMatched: return false
            case .gaveUp: return nil
            }
        }
        return accepts(value)
    }

    /// Whether `value` is of this type; a `regexp` is matched within a fresh budget.
    func accepts(_ value: String) -> Bool {
        switch self {
        case .int: return RecNumber.isIntLiteral(value.trimmingBlanks())
        case .bool:
            return ["1", "yes", "true", "0", "no", "false"].contains(value.trimmingBlanks())
        case .real: return RecNumber.isRealLiteral(value.trimmingBlanks())
        case .line: return !value.utf8.contains(0x0A)
        case .date: return RecDate.isValid(value)
        case .email: return RecEmail.isValid(value.trimmingBlanks())
        case .field: return FieldNameList.isName(value)
        case .uuid: return RecUUID.isValid(value)
        case .range(let low, let high):
            guard let number = RecNumber.int(value.trimmingBlanks()) else { return false }
            return number >= low && number <= high
        case .size(let limit): return value.utf8.count <= limit
        case .regexp(let regex): return regex.match(value, budget: RegexBudget()) == .matched
        case .enumeration(let names): return names.contains(value.trimmingBlanks())
        case .rec: return true
        }
    }
}

/// Numbers as recutils reads them: C `int`s in decimal, `0x` hex or `0` octal, with an
/// optional sign; reals as `strtod` reads them.
enum RecNumber {
    /// The integer `text` spells (the whole of it), within the range of a C int.
    static func int(_ text: String) -> Int? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var radix = 10
        if bytes.count > 2, bytes.first == UInt8(ascii: "0"), let x = bytes.dropFirst().first, x | 0x20 == UInt8(ascii: "x") {
            radix = 16
            bytes = bytes.dropFirst(2)
        } else if bytes.count > 1, bytes.first == UInt8(ascii: "0") {
            radix = 8
            bytes = bytes.dropFirst()
        }
        var value = 0
        for byte in bytes {
            let digit: Int
            switch byte {
            case 0x30...0x39: digit = Int(byte - 0x30)
            case 0x41...0x46: digit = Int(byte - 0x41 + 10)
            case 0x61...0x66: digit = Int(byte - 0x61 + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            value = value * radix + digit
            if value > Int(Int32.max) + 1 { return nil }
        }
        let signed = negative ? -value : value
        return signed >= Int(Int32.min) && signed <= Int(Int32.max) ? signed : nil
    }

    /// The real number `text` spells, as `strtod` reads the whole of it (leading blanks allowed).
    static func real(_ text: String) -> Double? {
        let trimmed = text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return Double(String(trimmed))
    }

    /// The `int` type's form: `-?(0x[0-9a-fA-F]+|[0-9]+)`, of any size (recutils checks the
    /// form only).
    static func isIntLiteral(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.count > 2, bytes.first == UInt8(ascii: "0"), let x = bytes.dropFirst().first, x | 0x20 == UInt8(ascii: "x") {
            return bytes.dropFirst(2).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66) }
        }
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The `real` type's form: `-?([0-9]+)?(\.[0-9]+)?` (which recutils lets match nothing).
    static func isRealLiteral(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let digits = bytes.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
        bytes = bytes.dropFirst(digits.count)
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: ".") else { return false }
        let fraction = bytes.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// The `email` type's form: `local@domain.tld`, with a 2-4 letter top-level domain.
enum RecEmail {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
              parts[0].utf8.allSatisfy({ isAlnum($0) || "._%+-".utf8.contains($0) }) else { return false }
        let domain = parts[1]
        guard let dot = domain.lastIndex(of: "."), dot != domain.startIndex else { return false }
        let host = domain[..<dot]
        let tld = domain[domain.index(after: dot)...]
        return host.utf8.allSatisfy({ isAlnum($0) || $0 == 0x2E || $0 == 0x2D })
            && (2...4).contains(tld.utf8.count) && tld.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}

/// The `uuid` type's form, as libuuid parses it: 8-4-4-4-12 hexadecimal digits.
enum RecUUID {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !((byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)) {
                return false
            }
        }
        return true
    }
}
