extension CaseValidator {
    /// Warnings for people whose Name, Alias or Handle mixes look-alike letters.
    static func lookAlikeWarnings(_ caseFile: CaseFile, locations: RecordLocations,
                                  locate: (Int, String?) -> (line: Int, column: Int)) -> [Diagnostic] {
        let kind = Kind.person
        var warnings: [Diagnostic] = []
        for (id, offset) in zip(locations.entryIds[kind.ordinal], locations.entryOffsets[kind.ordinal]) {
            guard let person = caseFile.entries[id], person.kind == .person else { continue }
            for field in person.fields where field.name == "Name" || field.name == "Alias" || field.name == "Handle" {
                guard let problem = Homoglyphs.problem(in: field.value) else { continue }
                let (line, column) = locate(offset, field.name)
                warnings.append(Diagnostic(file: "\(locations.file)", line: line, column: column, severity: .warning,
                                           message: "\(field.name) of \(id): \(problem)",
                                           hint: "check the account; retype the word if the letters were pasted by mistake"))
            }
        }
        return warnings
    }
}
