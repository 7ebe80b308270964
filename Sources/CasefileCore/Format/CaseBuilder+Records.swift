extension CaseBuilder {
    /// Checks a record of a known kind and adds it to the case. One pass over the fields
    /// finds each one's rank, what is missing, repeated or empty, and whether the fields are
    /// already in canonical order (in a canonical file they are, and no sort is needed).
    mutating func addRecord(_ record: inout RawRecord, kind: Kind) {
        let rules = self.rules[kind.ordinal]
        let known = rules.schema.fields.count
        var seen: UInt64 = 0
        var repeated: Int?
        var empty: Int?
        var ordered = true
        var previous = -1
        var idIndex = -1
        for (index, field) in record.fields.enumerated() {
            let rank = rules.rank(of: field.name)
            if rank < known {
                let bit: UInt64 = 1 << UInt64(rank)
                if seen & bit != 0 && rules.single & bit != 0 && repeated == nil { repeated = index }
                seen |= bit
                if rules.identifying & bit != 0 && field.isValueEmpty && empty == nil { empty = index }
                if rank == 0 && kind.hasId { idIndex = index }
            }
            if rank < previous { ordered = false }
            previous = rank
        }
        let missing = rules.mandatory & ~seen
        if missing != 0 && !record.damaged {
            let name = rules.schema.fields[missing.trailingZeroBitCount]
            error(record.line, "\(kind.rawValue) record is missing its mandatory field '\(name)'",
                  hint: "add a line '\(name): …' to the record")
            return
        }
        if let repeated {
            let name = record.fields[repeated].name
            error(Int(record.fieldLines[repeated]), "\(kind.rawValue) record has '\(name)' more than once",
                  hint: "keep one '\(name)' line")
            return
        }
        if let empty {
            error(Int(record.fieldLines[empty]), "'\(record.fields[empty].name)' is empty", hint: "give it an Id")
            return
        }
        switch kind {
        case .link: addLink(record, rules: rules)
        case .note: addNote(record, rules: rules)
        case .session: addSession(record)
        default: addEntry(&record, kind: kind, idIndex: idIndex, ordered: ordered)
        }
    }

    /// Takes the record's fields array for the entry (moving it costs nothing; copying
    /// would retain and later release every value).
    private mutating func addEntry(_ record: inout RawRecord, kind: Kind, idIndex: Int, ordered: Bool) {
        let idLine = idIndex >= 0 ? Int(record.fieldLines[idIndex]) : record.line
        let id = idIndex >= 0 ? record.fields[idIndex].value : ""
        var fields: [Field] = []
        fields.reserveCapacity(record.fields.count - 1)
        for (index, field) in record.fields.enumerated() where index != idIndex { fields.append(field) }
        let entry = ordered ? Entry(kind: kind, id: id, canonicalFields: fields, comments: record.comments)
            : Entry(kind: kind, id: id, fields: fields, comments: record.comments)
        if let first = caseFile.put(loaded: entry) {
            let firstLine = firstLineOf(id: id, kind: first.kind)
            error(idLine, "duplicate Id '\(id)' (first used by a \(first.kind.word) at line \(firstLine))",
                  column: 5, hint: "Ids are unique across all record types; rename one of them")
            return
        }
        locations.entryIds[kind.ordinal].append(id)
        entries[kind.ordinal].append(entry)
        locations.entryOffsets[kind.ordinal].append(record.offset)
    }

    /// The fields of `record` other than the ranks below `firstKept` (the key fields).
    private func otherFields(_ record: RawRecord, rules: KindRules, keyRanks: Int) -> [Field] {
        var others: [Field] = []
        for field in record.fields where rules.rank(of: field.name) >= keyRanks { others.append(field) }
        return others
    }

    private mutating func addLink(_ record: RawRecord, rules: KindRules) {
        let key = LinkKey(from: record["From"], rel: record["Rel"], to: record["To"])
        let link = Link(key, fields: otherFields(record, rules: rules, keyRanks: 3), comments: record.comments)
        if caseFile.put(loaded: link) != nil {
            error(record.line, "duplicate link \(key.from) \(key.rel) \(key.to)", hint: "remove one of the two records")
            return
        }
        locations.linkKeys.append(key)
        locations.linkOffsets.append(record.offset)
    }

    private mutating func addNote(_ record: RawRecord, rules: KindRules) {
        let key = NoteKey(on: record["On"], at: record["At"], by: record["By"], text: record["Text"])
        let note = Note(key, fields: otherFields(record, rules: rules, keyRanks: 4), comments: record.comments)
        if caseFile.put(loaded: note) != nil {
            error(record.line, "duplicate note on \(key.on)", hint: "remove one of the two records")
            return
        }
        locations.noteKeys.append(key)
        locations.noteOffsets.append(record.offset)
    }

    private mutating func addSession(_ record: RawRecord) {
        guard let revision = Int(record["Revision"]) else {
            error(record.line(of: "Revision"), "Revision '\(record["Revision"])' is not a number")
            return
        }
        if !sessionRevisions.insert(revision).inserted {
            error(record.line(of: "Revision"), "duplicate session revision \(revision)",
                  hint: "each save has its own revision; renumber or remove one of the two")
            return
        }
        locations.sessions.append((revision, record.offset))
        let others = record.fields.filter { $0.name != "Revision" }
        caseFile.sessions.append(Session(revision: revision, fields: others, comments: record.comments))
    }
}
