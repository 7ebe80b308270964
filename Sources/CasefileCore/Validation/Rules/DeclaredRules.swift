/// Checks every record type of a loaded file against the rules its descriptors declare
/// (casefile's own types for the lines a user added, foreign types for all of theirs),
/// and reports each violation at its record or field, naming the line that declared
/// the rule. Linear in the records: each is checked once; keys are hashed.
enum DeclaredRules {
    /// The violations in `caseFile`, read from `locations`; `directory` is where external
    /// descriptors (`%rec: Type FILE`) are looked for.
    static func check(_ caseFile: CaseFile, locations: RecordLocations, directory: String?,
                      locate: (Int, String?) -> (line: Int, column: Int)) -> [Diagnostic] {
        let file = locations.file
        var problems: [Diagnostic] = []
        let declared = declarations(locations, file: file, directory: directory, problems: &problems)
        var rules: [String: RecordSetRules] = [:]
        for (type, lines) in declared.lines {
            let set = RecordSetRules(type: type, lines: lines)
            for problem in set.problems {
                problems.append(Diagnostic(file: problem.line.file, line: problem.line.line, column: 1,
                                           message: problem.message, hint: problem.hint))
            }
            rules[type] = set
        }
        let typeOfKey: (String) -> FieldType? = { target in
            guard let set = rules[target], let key = set.key else { return nil }
            return set.types[key.value]?.value
        }
        var foreignKeys: [String: Set<String>?] = [:]
        let lookup: RecordSetChecker.KeyLookup = { target, value in
            if let kind = Kind(rawValue: target), kind.hasId { return caseFile[value]?.kind == kind }
            if foreignKeys[target] == nil { foreignKeys[target] = keys(of: target, caseFile, rules) }
            guard let known = foreignKeys[target], let known else { return nil }
            return known.contains(value)
        }
        for (type, set) in rules.sorted(by: { $0.key < $1.key }) where !set.isEmpty {
            var checker = RecordSetChecker(rules: set, typeOfKey: typeOfKey)
            var limit = ViolationLimit()
            RecordSource.each(of: type, caseFile, locations) { index, fields, place in
                let plain = fields.contains(where: \.isComment) ? fields.filter { !$0.isComment } : fields
                checker.check(plain, record: index, references: lookup) { violation in
                    guard limit.admits(violation.message, severity: violation.severity) else { return }
                    let (line, column) = place.locate(violation, plain, locate)
                    problems.append(Diagnostic(file: file, line: line, column: column, severity: violation.severity,
                                               message: violation.message, hint: violation.hint))
                }
            }
            problems += limit.summaries()
            if let message = checker.sizeViolation(), let first = declared.firstLine[type] {
                problems.append(Diagnostic(file: file, line: first, column: 1, message: message,
                                           hint: "add or remove \(type) records, or change the %size line"))
            }
        }
        return problems
    }

    /// The key values of a foreign type, or nil when it has no key or is not in the file.
    private static func keys(of type: String, _ caseFile: CaseFile, _ rules: [String: RecordSetRules]) -> Set<String>? {
        guard let key = rules[type]?.key?.value,
              let section = caseFile.foreign.first(where: { RecordType.name(of: $0.recordType) == type }) else { return nil }
        var values = Set<String>()
        for record in section.records { if let value = record[key] { values.insert(value) } }
        return values
    }
}
