/// Integrity checks beyond what recfix does: references resolve to the right kind of
/// entry, dates are ISO dates, languages are BCP 47 tags, a translation's language
/// differs from its original's, statuses are known. Linear: one hash lookup per reference.
public enum CaseValidator {
    /// The statuses a translation may have.
    public static let statuses = ["draft", "reviewed", "final"]

    /// Which kinds a reference field may point to.
    static let targets: [String: Set<Kind>] = [
        "Author": [.person], "Speaker": [.person], "Post": [.post], "Of": [.post, .quote, .translation],
        "Source": [.source],
    ]

    /// Checks `caseFile`; `locate` turns a record's byte offset and a field name into a
    /// line and column.
    static func validate(_ caseFile: CaseFile, locations: RecordLocations,
                         locate: (Int, String?) -> (line: Int, column: Int)) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let file = "\(locations.file)"
        // The entries' own checks, in parts over the records in file order, and the look-alike
        // names read the model only: they run on every core. The look-alikes go first, so
        // that the parts of the entries fill in around them.
        let total = locations.entryIds.reduce(0) { $0 + $1.count }
        let parts = max(1, min(Parallel.width * 2, total / 50_000))
        let results = Parallel.map(parts + 1) { job -> ValidationPart in
            if job == 0 { return .lookAlikes(lookAlikes(caseFile, locations: locations)) }
            return .entries(entryProblems(caseFile, locations: locations,
                                          in: Parallel.range(job - 1, of: parts, count: total)))
        }
        var lookAlikeNames: [LookAlike] = []
        for result in results {
            switch result {
            case .lookAlikes(let found): lookAlikeNames = found
            case .entries(let found):
                for (offset, problemsFound) in found {
                    for problem in problemsFound {
                        let (line, column) = locate(offset, problem.field)
                        problems.append(Diagnostic(file: file, line: line, column: column, message: problem.message,
                                                   hint: problem.hint))
                    }
                }
            }
        }
        problems += located(lookAlikeNames, locations: locations, locate: locate)
        for (key, offset) in zip(locations.linkKeys, locations.linkOffsets) {
            for (field, id) in [("From", key.from), ("To", key.to)] where caseFile[id] == nil {
                let (line, column) = locate(offset, field)
                problems.append(Diagnostic(file: file, line: line, column: column,
                                           message: "link \(field) '\(id)' is not the Id of any entry",
                                           hint: hint(for: id, in: caseFile)))
            }
        }
        for (key, offset) in zip(locations.noteKeys, locations.noteOffsets) {
            if caseFile[key.on] == nil {
                let (line, column) = locate(offset, "On")
                problems.append(Diagnostic(file: file, line: line, column: column,
                                           message: "note On '\(key.on)' is not the Id of any entry",
                                           hint: hint(for: key.on, in: caseFile)))
            }
            if !key.at.isEmpty && !ISODate.isValid(key.at) {
                let (line, column) = locate(offset, "At")
                problems.append(Diagnostic(file: file, line: line, column: column,
                                           message: "At '\(key.at)' is not an ISO date-time",
                                           hint: "write it as 2014-02-05T12:00:00Z"))
            }
        }
        if let offset = locations.header {
            for problem in problemsOf(header: caseFile.header) {
                let (line, column) = locate(offset, problem.field)
                problems.append(Diagnostic(file: file, line: line, column: column, message: problem.message,
                                           hint: problem.hint))
            }
        }
        let sessions = Dictionary(caseFile.sessions.map { ($0.revision, $0) }, uniquingKeysWith: { first, _ in first })
        for (revision, offset) in locations.sessions {
            guard let saved = sessions[revision]?.saved, !ISODate.isValid(saved) else { continue }
            let (line, column) = locate(offset, "Saved")
            problems.append(Diagnostic(file: file, line: line, column: column,
                                       message: "Saved '\(saved)' is not an ISO date-time",
                                       hint: "write it as 2014-02-05T12:00:00Z"))
        }
        return problems
    }

    /// The problems of the header record: its revision, language and save time.
    public static func problemsOf(header: CaseHeader) -> [Problem] {
        var problems: [Problem] = []
        if let revision = header["Revision"], Int(revision) == nil || revision.hasPrefix("+") || revision.hasPrefix("-") {
            problems.append(Problem(field: "Revision", message: "Revision '\(revision)' is not a number",
                                    hint: "casefile counts saves from 0; write the number of the last save"))
        }
        if let lang = header["Lang"], !LanguageTag.isValid(lang) {
            problems.append(Problem(field: "Lang", message: "Lang '\(lang)' is not a BCP 47 language tag",
                                    hint: "use a tag such as ru, kk, en or kk-Cyrl"))
        }
        if let saved = header.saved, !ISODate.isValid(saved) {
            problems.append(Problem(field: "Saved", message: "Saved '\(saved)' is not an ISO date-time",
                                    hint: "write it as 2014-02-05T12:00:00Z"))
        }
        return problems
    }

    /// One problem in one entry, before it is given a place.
    public struct Problem: Sendable, Equatable {
        /// The field at fault, or nil for the whole record.
        public var field: String?
        /// What is wrong.
        public var message: String
        /// What to do.
        public var hint: String?
    }

    /// What one part of the validation found.
    private enum ValidationPart {
        case entries([(offset: Int, problems: [Problem])])
        case lookAlikes([LookAlike])
    }

    /// The problems of the entries at positions `range` of the records read, counted
    /// across the kinds in their order, each with its record's offset.
    private static func entryProblems(_ caseFile: CaseFile, locations: RecordLocations,
                                      in range: Range<Int>) -> [(offset: Int, problems: [Problem])] {
        var found: [(offset: Int, problems: [Problem])] = []
        var first = 0
        for (ids, offsets) in zip(locations.entryIds, locations.entryOffsets) {
            defer { first += ids.count }
            let lower = max(range.lowerBound - first, 0)
            let upper = min(range.upperBound - first, ids.count)
            guard lower < upper else { continue }
            for index in lower..<upper {
                guard let entry = caseFile.entries[ids[index]] else { continue }
                let problems = problemsOf(entry: entry, in: caseFile)
                if !problems.isEmpty { found.append((offsets[index], problems)) }
            }
        }
        return found
    }

    /// The problems of one entry (used by `check` and before applying an `edit`).
    public static func problemsOf(entry: Entry, in caseFile: CaseFile) -> [Problem] {
        var problems: [Problem] = []
        let rules = KindRules.all[entry.kind.ordinal]
        for field in entry.fields {
            let rank = rules.rank(of: field.name)
            if rules.has(rules.references, rank) {
                if let target = caseFile.entries[field.value]?.kind {
                    if let allowed = targets[field.name], !allowed.contains(target) {
                        let names = allowed.map(\.word).sorted().joined(separator: " or ")
                        problems.append(Problem(field: field.name,
                                                message: "\(field.name) '\(field.value)' is a \(target.word), not a \(names)",
                                                hint: "\(field.name) names a \(names) by its Id"))
                    }
                } else {
                    problems.append(Problem(field: field.name,
                                            message: "\(field.name) '\(field.value)' is not the Id of any entry",
                                            hint: hint(for: field.value, in: caseFile)))
                }
            } else if rules.has(rules.dates, rank) {
                if !ISODate.isValid(field.value) {
                    problems.append(Problem(field: field.name, message: "\(field.name) '\(field.value)' is not an ISO date",
                                            hint: "write dates as YYYY-MM-DD, e.g. 2014-02-04"))
                }
            } else if field.name == "Lang" {
                if !LanguageTag.isValid(field.value) {
                    problems.append(Problem(field: "Lang", message: "Lang '\(field.value)' is not a BCP 47 language tag",
                                            hint: "use a tag such as ru, kk, en or kk-Cyrl"))
                }
            } else if field.name == "Status" && entry.kind == .translation && !statuses.contains(field.value) {
                problems.append(Problem(field: "Status", message: "Status '\(field.value)' is not one of \(statuses.joined(separator: ", "))",
                                        hint: "a translation is a draft, reviewed, or final"))
            }
        }
        if entry.kind == .evidence { problems += problemsOf(evidence: entry) }
        if entry.kind == .translation, let lang = entry.lang, let originalId = entry["Of"],
           let originalLang = caseFile.entries[originalId]?.lang, LanguageTag.primary(lang) == LanguageTag.primary(originalLang) {
            problems.append(Problem(field: "Lang",
                                    message: "translation '\(entry.id)' is in \(lang), the language of its original '\(originalId)'",
                                    hint: "a translation's Lang names the language it was translated into"))
        }
        if let cycle = ofCycleProblem(entry, in: caseFile) { problems.append(cycle) }
        return problems
    }

    private static func hint(for id: String, in caseFile: CaseFile) -> String? {
        // Cheap suggestions only: exact case-insensitive match.
        let lowered = id.lowercased()
        if lowered != id, caseFile[lowered] != nil { return "did you mean '\(lowered)'?" }
        return "add the entry, or correct the Id"
    }
}
