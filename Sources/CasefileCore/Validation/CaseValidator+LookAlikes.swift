extension CaseValidator {
    /// One look-alike warning before it is located in the file.
    struct LookAlike {
        let offset: Int
        let field: String
        let message: String
    }

    /// The look-alike names, in file order; reads the model only (safe beside other readers).
    static func lookAlikes(_ caseFile: CaseFile, locations: RecordLocations) -> [LookAlike] {
        let kind = Kind.person
        var found: [LookAlike] = []
        for (id, offset) in zip(locations.entryIds[kind.ordinal], locations.entryOffsets[kind.ordinal]) {
            guard let person = caseFile.entries[id], person.kind == .person else { continue }
            for field in person.fields where field.name == "Name" || field.name == "Alias" || field.name == "Handle" {
                guard let problem = Homoglyphs.problem(in: field.value) else { continue }
                found.append(LookAlike(offset: offset, field: field.name, message: "\(field.name) of \(id): \(problem)"))
            }
        }
        return found
    }

    /// The look-alike warnings located in the file, as diagnostics.
    static func located(_ lookAlikes: [LookAlike], locations: RecordLocations,
                        locate: (Int, String?) -> (line: Int, column: Int)) -> [Diagnostic] {
        lookAlikes.map { found in
            let (line, column) = locate(found.offset, found.field)
            return Diagnostic(file: "\(locations.file)", line: line, column: column, severity: .warning,
                              message: found.message,
                              hint: "check the account; retype the word if the letters were pasted by mistake")
        }
    }
}
