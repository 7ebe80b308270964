/// Checks the records of one record type against its declared rules, one record at a
/// time and in one pass: per record, work proportional to its fields; across records,
/// hash tables for `%key` and `%singular` (recfix compares every pair of records, which
/// is what makes it super-quadratic).
struct RecordSetChecker {
    /// One rule broken by one record.
    struct Violation {
        /// The record's index in the set, in file order.
        var record: Int
        /// The index of the field at fault in the record's fields, or nil for the record.
        var field: Int?
        /// Whether the column should point at the value rather than the name.
        var atValue = false
        var severity: Diagnostic.Severity = .error
        var message: String
        var hint: String?
    }

    /// How another type's keys are looked up for `rec` fields: whether `value` is the key
    /// of a record of `type` (nil when that cannot be known: the type has no key or is absent).
    typealias KeyLookup = (_ type: String, _ value: String) -> Bool?

    let rules: RecordSetRules
    private var keys: [String: Int] = [:]
    private var singularValues: [String: [String: Int]] = [:]
    private(set) var count = 0
    private let cache = EvaluationCache()
    private let allowed: Set<String>
    /// The declared types as a list: a record type declares a few, and comparing a field's
    /// name with each costs less than hashing it for every field of every record.
    private let typed: [(name: String, type: RecordSetRules.Declared<FieldType>)]
    private let typeOfKey: (String) -> FieldType?

    /// A checker for `rules`; `typeOfKey` gives another type's key type (for `rec` fields).
    init(rules: RecordSetRules, typeOfKey: @escaping (String) -> FieldType?) {
        self.rules = rules
        self.typeOfKey = typeOfKey
        var allowed = Set<String>()
        if !rules.allowed.isEmpty {
            allowed.formUnion(rules.allowed.map(\.value))
            allowed.formUnion(rules.mandatory.map(\.value))
            if let key = rules.key { allowed.insert(key.value) }
        }
        self.allowed = allowed
        typed = rules.types.map { (name: $0.key, type: $0.value) }
    }

    private func declaredType(of name: String) -> RecordSetRules.Declared<FieldType>? {
        guard typed.count <= 16 else { return rules.types[name] }
        for entry in typed where entry.name == name { return entry.type }
        return nil
    }

    /// Checks one record; `record` is its index in file order.
    mutating func check(_ fields: [Field], record: Int, references: KeyLookup, report: (Violation) -> Void) {
        count += 1
        let type = rules.type
        if let key = rules.key {
            let found = fields.indices.filter { fields[$0].name == key.value }
            if found.isEmpty {
                report(Violation(record: record, message: "\(type) record has no key field '\(key.value)' (%key \(key.place))",
                                 hint: "add a line '\(key.value): …' with a value no other \(type) record has"))
            } else if found.count > 1 {
                report(Violation(record: record, field: found[1],
                                 message: "\(type) record has its key field '\(key.value)' more than once (%key \(key.place))",
                                 hint: "a record has one key; keep one '\(key.value)' line"))
            } else if let first = keys[fields[found[0]].value] {
                report(Violation(record: record, field: found[0], atValue: true,
                                 message: "duplicate key '\(Self.shown(fields[found[0]].value))' in \(type) (%key \(key.place))",
                                 hint: "the record at index \(first + 1) of \(type) has it already; keys are unique"))
            } else {
                keys[fields[found[0]].value] = record
            }
        }
        for rule in rules.mandatory where !fields.contains(where: { $0.name == rule.value }) {
            report(Violation(record: record, message: "\(type) record is missing its mandatory field '\(rule.value)' (\(rule.place))",
                             hint: "add a line '\(rule.value): …' to the record"))
        }
        for rule in rules.unique {
            let found = fields.indices.filter { fields[$0].name == rule.value }
            if found.count > 1 {
                report(Violation(record: record, field: found[1],
                                 message: "'\(rule.value)' appears more than once in the record (%unique \(rule.place))",
                                 hint: "keep one '\(rule.value)' line"))
            }
        }
        for rule in rules.prohibited {
            if let index = fields.firstIndex(where: { $0.name == rule.value }) {
                report(Violation(record: record, field: index,
                                 message: "prohibited field '\(rule.value)' in a \(type) record (%prohibit \(rule.place))",
                                 hint: "remove the line"))
            }
        }
        if !allowed.isEmpty {
            for (index, field) in fields.enumerated() where !allowed.contains(field.name) {
                report(Violation(record: record, field: index,
                                 message: "field '\(field.name)' is not allowed in \(type) records (%allowed \(rules.allowed[0].place))",
                                 hint: "allowed: \(allowed.sorted().joined(separator: ", "))"))
            }
        }
        for rule in rules.singular {
            for (index, field) in fields.enumerated() where field.name == rule.value {
                if let first = singularValues[rule.value]?[field.value] {
                    guard first != record else { continue }
                    report(Violation(record: record, field: index, atValue: true,
                                     message: "'\(rule.value)' value '\(Self.shown(field.value))' is used by another \(type) record (%singular \(rule.place))",
                                     hint: "the record at index \(first + 1) of \(type) has it already; give each record its own"))
                } else {
                    singularValues[rule.value, default: [:]][field.value] = record
                }
            }
        }
        for rule in rules.confidential {
            for (index, field) in fields.enumerated() where field.name == rule.value && !field.value.hasPrefix("encrypted-") {
                report(Violation(record: record, field: index, atValue: true,
                                 message: "confidential field '\(rule.value)' is not encrypted (%confidential \(rule.place))",
                                 hint: "encrypt it with recins/recset -s PASSWORD; casefile keeps encrypted values as they are"))
            }
        }
        if !typed.isEmpty {
            for (index, field) in fields.enumerated() {
                guard let declared = declaredType(of: field.name) else { continue }
                checkType(declared, field, index: index, record: record, references: references, report: report)
            }
        }
        for (number, constraint) in rules.constraints.enumerated() {
            do {
                guard try !constraint.value.expression.isSatisfied(by: fields, cache: cache) else { continue }
                report(Violation(record: record,
                                 message: "\(type) record violates %constraint[\(number)] '\(Self.shown(constraint.value.text))' (\(constraint.place))",
                                 hint: "change the record so that the expression holds"))
            } catch {
                report(Violation(record: record,
                                 message: "\(type) record could not be checked against %constraint[\(number)] '\(Self.shown(constraint.value.text))' (\(constraint.place)): \(gaveUp(error.pattern))",
                                 hint: Self.gaveUpHint))
            }
        }
    }

    private func checkType(_ declared: RecordSetRules.Declared<FieldType>, _ field: Field, index: Int, record: Int,
                           references: KeyLookup, report: (Violation) -> Void) {
        if case .rec(let target) = declared.value {
            if let keyType = typeOfKey(target), keyType.accepts(field.value, budget: cache.budget) == false {
                report(Violation(record: record, field: index, atValue: true,
                                 message: "'\(field.name)' value '\(Self.shown(field.value))' is not \(keyType.expectation), the type of \(target)'s key (%type \(declared.place))",
                                 hint: "\(field.name) names a \(target) record by its key"))
            } else if references(target, field.value) == false {
                report(Violation(record: record, field: index, atValue: true, severity: .warning,
                                 message: "'\(field.name)' value '\(Self.shown(field.value))' is not the key of any \(target) record (%type \(declared.place))",
                                 hint: "add the \(target) record, or correct the value (recfix does not check this)"))
            }
            return
        }
        guard let accepted = declared.value.accepts(field.value, budget: cache.budget) else {
            guard case .regexp(let regex) = declared.value else { return }
            report(Violation(record: record, field: index, atValue: true,
                             message: "'\(field.name)' value could not be checked against %type \(declared.place): \(gaveUp(regex.pattern))",
                             hint: Self.gaveUpHint))
            return
        }
        guard !accepted else { return }
        report(Violation(record: record, field: index, atValue: true,
                         message: "'\(field.name)' value '\(Self.shown(field.value))' is not \(declared.value.expectation) (%type \(declared.place))",
                         hint: "correct the value, or the %type line"))
    }

    /// The `%size` problem once every record is counted, if any.
    func sizeViolation() -> String? {
        guard let size = rules.size, !size.value.admits(count) else { return nil }
        let bound = size.value.relation == .exactly ? "exactly \(size.value.count)" : "\(size.value.relation.rawValue) \(size.value.count)"
        return "\(rules.type) has \(count) record\(count == 1 ? "" : "s"); %size asks for \(bound) (\(size.place))"
    }

    /// Why a regexp gave no answer.
    func gaveUp(_ pattern: String) -> String {
        "matching /\(Self.shown(pattern))/ gave up after \(ViolationLimit.grouped(cache.budget.valueLimit)) steps (the bound on one value; a check of one record type may take \(ViolationLimit.grouped(RegexBudget.perCheck)))"
    }

    static let gaveUpHint = "shorten the value or simplify the pattern; casefile bounds the work a regexp may do, so no file can make check run for ever"

    /// A value short enough for a message.
    static func shown(_ value: String) -> String {
        value.count > 60 ? String(value.prefix(57)) + "…" : value
    }
}
