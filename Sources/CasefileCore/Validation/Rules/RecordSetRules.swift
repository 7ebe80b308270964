/// The integrity rules one record type declares (manual, "Integrity"): read from its
/// descriptor lines (`%key`, `%mandatory`, `%allowed`, `%prohibit`, `%unique`,
/// `%singular`, `%size`, `%type`, `%typedef`, `%constraint`, `%confidential`, `%auto`,
/// `%sort`), each rule remembering the line that declared it. A malformed declaration
/// is reported as recfix reports it, and the rules it would have made are left out.
struct RecordSetRules {
    /// Something a descriptor line declared, and where.
    struct Declared<Value> {
        var value: Value
        var file: String
        var line: Int

        /// `declared at FILE:LINE`, for messages.
        var place: String { "declared at \(file):\(line)" }
    }

    /// How many records the set may hold (`%size: <= 10`).
    struct SizeBound {
        enum Relation: String { case exactly = "", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=" }
        var relation: Relation
        var count: Int

        func admits(_ number: Int) -> Bool {
            switch relation {
            case .exactly: return number == count
            case .less: return number < count
            case .lessOrEqual: return number <= count
            case .greater: return number > count
            case .greaterOrEqual: return number >= count
            }
        }
    }

    /// One descriptor line with where it is.
    struct Line {
        var field: Field
        var file: String
        var line: Int
        /// Which descriptor of the type it belongs to (a type may be described twice).
        var descriptor: Int = 0
    }

    let type: String
    var key: Declared<String>?
    var mandatory: [Declared<String>] = []
    var allowed: [Declared<String>] = []
    var prohibited: [Declared<String>] = []
    var unique: [Declared<String>] = []
    var singular: [Declared<String>] = []
    var confidential: [Declared<String>] = []
    var size: Declared<SizeBound>?
    /// The type of each typed field.
    var types: [String: Declared<FieldType>] = [:]
    var constraints: [Declared<(expression: SelectionExpression, text: String)>] = []
    /// Problems with the declarations themselves.
    var problems: [(line: Line, message: String, hint: String?)] = []

    /// Whether any rule applies to the records.
    var isEmpty: Bool {
        key == nil && mandatory.isEmpty && allowed.isEmpty && prohibited.isEmpty && unique.isEmpty && singular.isEmpty
            && confidential.isEmpty && size == nil && types.isEmpty && constraints.isEmpty
    }

    /// The rules of `type` from its descriptor lines, in file order.
    init(type: String, lines: [Line]) {
        self.type = type
        var typedefs: [String: (spec: String, line: Line)] = [:]
        for line in lines where line.field.name == "%typedef" {
            let text = line.field.value.trimmingBlanks()
            let nameEnd = text.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) ?? text.endIndex
            let name = String(text[..<nameEnd])
            guard FieldType.isTypeName(name) else {
                problem(line, "expected a type name before the type specification", hint: "write '%typedef: Name_t int'")
                continue
            }
            typedefs[name] = (String(text[nameEnd...]).trimmingBlanks(), line)
        }
        for (name, entry) in typedefs where resolve(entry.spec, typedefs, visiting: [name]) == nil {
            problem(entry.line, "the type '\(name)' is defined as '\(entry.spec)', which is not a type",
                    hint: "use a type (int, real, line, date, enum A B, range 0 10…) or a type defined with %typedef")
        }
        var counts: [String: Int] = [:]
        for line in lines {
            let name = line.field.name
            let counted = "\(line.descriptor) \(name)"
            counts[counted, default: 0] += 1
            if ["%rec", "%key", "%size", "%sort"].contains(name), counts[counted] == 2 {
                problem(line, "only one \(name) line is allowed in a record descriptor", hint: "keep one of them")
            }
            read(line, typedefs: typedefs)
        }
        for line in lines where line.field.name == "%auto" { checkAuto(line) }
    }

    private mutating func checkAuto(_ line: Line) {
        for field in FieldNameList.parse(line.field.value) ?? [] {
            guard let declared = types[field] else { continue }
            switch declared.value {
            case .int, .range, .uuid, .date: continue
            default:
                problem(line, "the auto-generated field '\(field)' is of type \(declared.value.kindName); it should be int, range, uuid or date",
                        hint: "change the %type of '\(field)' (\(declared.place))")
            }
        }
    }

    private mutating func problem(_ line: Line, _ message: String, hint: String? = nil) {
        problems.append((line, message, hint))
    }

    private func names(_ line: Line, from value: String) -> [Declared<String>] {
        (FieldNameList.parse(value) ?? []).map { Declared(value: $0, file: line.file, line: line.line) }
    }

    private mutating func read(_ line: Line, typedefs: [String: (spec: String, line: Line)]) {
        let value = line.field.value
        let name = line.field.name
        let listRules: Set<String> = ["%mandatory", "%allowed", "%prohibit", "%unique", "%singular", "%auto", "%sort",
                                      "%confidential"]
        if listRules.contains(name) {
            guard FieldNameList.parse(value) != nil else {
                problem(line, "\(name) should be a list of field names, not '\(value.trimmingBlanks())'",
                        hint: "write field names separated by spaces: '\(name): Name Email'")
                return
            }
        }
        switch name {
        case "%rec":
            if !RecordType.isValidDeclaration(value) {
                problem(line, "'\(value.trimmingBlanks())' is not a record type",
                        hint: "a type name is letters, digits and '_', optionally followed by a file to take its descriptor from")
            }
        case "%key":
            let fields = FieldNameList.parse(value) ?? []
            guard fields.count == 1 else {
                problem(line, "%key should name one field, not '\(value.trimmingBlanks())'", hint: "write '%key: Id'")
                return
            }
            key = Declared(value: fields[0], file: line.file, line: line.line)
        case "%mandatory": mandatory += names(line, from: value)
        case "%allowed": allowed += names(line, from: value)
        case "%prohibit": prohibited += names(line, from: value)
        case "%unique": unique += names(line, from: value)
        case "%singular": singular += names(line, from: value)
        case "%confidential": confidential += names(line, from: value)
        case "%size":
            guard let bound = Self.sizeBound(value) else {
                problem(line, "%size should be a number, optionally after <, <=, > or >=; not '\(value.trimmingBlanks())'",
                        hint: "write '%size: <= 100'")
                return
            }
            size = Declared(value: bound, file: line.file, line: line.line)
        case "%type": readType(line, typedefs: typedefs)
        case "%constraint":
            do {
                let expression = try SelectionExpression(value)
                constraints.append(Declared(value: (expression, value.trimmingBlanks()), file: line.file, line: line.line))
            } catch let error as SelectionExpression.SyntaxError {
                problem(line, "%constraint is not a valid selection expression: \(error.message) (at character \(error.offset))",
                        hint: "see the recutils manual, \"Selection Expressions\"")
            } catch {
                problem(line, "%constraint is not a valid selection expression")
            }
        default: break
        }
    }

    private mutating func readType(_ line: Line, typedefs: [String: (spec: String, line: Line)]) {
        let text = line.field.value.trimmingBlanks()
        let listEnd = text.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) ?? text.endIndex
        guard let fields = FieldNameList.parse(String(text[..<listEnd]), commas: true),
              !text[..<listEnd].hasSuffix(","), !text[..<listEnd].hasPrefix(",") else {
            problem(line, "expected a comma-separated list of fields before the type specification",
                    hint: "write '%type: Field1,Field2 int'")
            return
        }
        let spec = String(text[listEnd...]).trimmingBlanks()
        guard let type = resolve(spec, typedefs, visiting: []) else {
            if let typedef = typedefs[spec] {
                problem(line, "the type '\(spec)' names no type: its %typedef chain (declared at \(typedef.line.file):\(typedef.line.line)) loops or ends in an undefined name",
                        hint: "end the chain of %typedef lines in a type such as int or line")
            } else if FieldType.isTypeName(spec), !FieldType.kindNames.contains(spec) {
                problem(line, "the type '\(spec)' is not defined", hint: "define it with '%typedef: \(spec) …', or use a type such as int or line")
            } else if spec.hasPrefix("regexp"), let reason = FieldType.regexpProblem(spec.dropFirst(6).drop(while: { $0 == " " || $0 == "\t" })) {
                problem(line, "the regexp of '\(spec)' cannot be used: \(reason)",
                        hint: "write the pattern without it; casefile matches regexps in time linear in the value")
            } else {
                problem(line, "'\(spec)' is not a type specification",
                        hint: "types are int, bool, real, line, date, email, field, uuid, size N, range MIN MAX, regexp /RE/, enum A B, rec Type")
            }
            return
        }
        for field in fields { types[field] = Declared(value: type, file: line.file, line: line.line) }
    }

    /// A specification or a type name, followed through `%typedef`s (a loop resolves to nothing).
    private func resolve(_ spec: String, _ typedefs: [String: (spec: String, line: Line)], visiting: Set<String>) -> FieldType? {
        if let type = FieldType.parse(spec) { return type }
        guard let next = typedefs[spec], !visiting.contains(spec), visiting.count < 64 else { return nil }
        return resolve(next.spec, typedefs, visiting: visiting.union([spec]))
    }

    static func sizeBound(_ value: String) -> SizeBound? {
        var text = Substring(value.trimmingBlanks())
        var relation = SizeBound.Relation.exactly
        for candidate in [SizeBound.Relation.lessOrEqual, .greaterOrEqual, .less, .greater] where text.hasPrefix(candidate.rawValue) {
            relation = candidate
            text = text.dropFirst(candidate.rawValue.count)
            break
        }
        guard let count = RecNumber.int(String(text).trimmingBlanks()), count >= 0 else { return nil }
        return SizeBound(relation: relation, count: count)
    }
}

/// Record type names and `%rec:` values (`Type`, `Type FILE`, `Type URL`).
enum RecordType {
    /// The type name a `%rec:` value declares.
    static func name(of value: String) -> String {
        let text = value.trimmingBlanks()
        return String(text.prefix(while: { $0 != " " && $0 != "\t" && $0 != "\n" }))
    }

    /// The file or URL after the type name, if any.
    static func source(of value: String) -> String? {
        let text = value.trimmingBlanks()
        let rest = text.drop(while: { $0 != " " && $0 != "\t" && $0 != "\n" }).drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        return rest.isEmpty ? nil : String(rest)
    }

    /// Whether `value` is a type name, optionally followed by one file name or URL.
    static func isValidDeclaration(_ value: String) -> Bool {
        guard FieldType.isRecordType(name(of: value)) else { return false }
        guard let source = source(of: value) else { return true }
        return !source.contains(" ") && !source.contains("\t") && !source.contains("\n")
    }
}

extension FieldType {
    /// Whether `name` can name a type (`[a-zA-Z][a-zA-Z0-9_-]*`).
    static func isTypeName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return false }
        return name.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
    }

    /// The type's kind as written (`int`, `range`…).
    var kindName: String {
        switch self {
        case .int: return "int"
        case .bool: return "bool"
        case .real: return "real"
        case .line: return "line"
        case .date: return "date"
        case .email: return "email"
        case .field: return "field"
        case .uuid: return "uuid"
        case .range: return "range"
        case .size: return "size"
        case .regexp: return "regexp"
        case .enumeration: return "enum"
        case .rec: return "rec"
        }
    }
}
