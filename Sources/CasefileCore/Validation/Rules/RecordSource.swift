/// The records of one type as the rule checker reads them, whichever way the case holds
/// them (foreign records with their lines, casefile's entries with their byte offsets),
/// and how to find the line and column of a violation in each.
enum RecordSource {
    /// Where a record is: lines already known, or an offset to locate on demand.
    enum Place {
        case lines(record: Int, fields: [Int32])
        case offset(Int)

        /// The line and column of `violation` (its field's name, or its value, or the record).
        func locate(_ violation: RecordSetChecker.Violation, _ fields: [Field],
                    _ locateOffset: (Int, String?) -> (line: Int, column: Int)) -> (line: Int, column: Int) {
            let field = violation.field.flatMap { fields.indices.contains($0) ? fields[$0] : nil }
            switch self {
            case .lines(let record, let lines):
                guard let index = violation.field, let field, lines.indices.contains(index) else { return (record, 1) }
                return (Int(lines[index]), violation.atValue ? field.name.utf8.count + 3 : 1)
            case .offset(let offset):
                guard let field else { return locateOffset(offset, nil) }
                let found = locateOffset(offset, field.name)
                return violation.atValue ? found : (found.line, 1)
            }
        }
    }

    /// Calls `body` with each record of `type` in file order: its index, fields and place.
    static func each(of type: String, _ caseFile: CaseFile, _ locations: RecordLocations,
                     _ body: (Int, [Field], Place) -> Void) {
        if let kind = Kind(rawValue: type) {
            eachModelled(kind, caseFile, locations, body)
            return
        }
        guard let index = caseFile.foreign.firstIndex(where: { !$0.isAnonymous && RecordType.name(of: $0.recordType) == type })
        else { return }
        let lines = locations.foreignFieldLines.indices.contains(index) ? locations.foreignFieldLines[index] : []
        for (number, record) in caseFile.foreign[index].records.enumerated() {
            let fieldLines = lines.indices.contains(number) ? lines[number] : []
            // The comment pseudo-fields have no line of their own.
            body(number, record.fields, .lines(record: Int(fieldLines.first ?? 0), fields: fieldLines))
        }
    }

    private static func eachModelled(_ kind: Kind, _ caseFile: CaseFile, _ locations: RecordLocations,
                                     _ body: (Int, [Field], Place) -> Void) {
        switch kind {
        case .link:
            for (number, (key, offset)) in zip(locations.linkKeys, locations.linkOffsets).enumerated() {
                guard let link = caseFile.links[key] else { continue }
                body(number, [Field("From", key.from), Field("Rel", key.rel), Field("To", key.to)] + link.fields, .offset(offset))
            }
        case .note:
            for (number, (key, offset)) in zip(locations.noteKeys, locations.noteOffsets).enumerated() {
                guard let note = caseFile.notes[key] else { continue }
                var fields = [Field("On", key.on)]
                if !key.at.isEmpty { fields.append(Field("At", key.at)) }
                if !key.by.isEmpty { fields.append(Field("By", key.by)) }
                fields.append(Field("Text", key.text))
                body(number, fields + note.fields, .offset(offset))
            }
        case .session:
            let byRevision = Dictionary(caseFile.sessions.map { ($0.revision, $0) }, uniquingKeysWith: { first, _ in first })
            for (number, place) in locations.sessions.enumerated() {
                guard let session = byRevision[place.revision] else { continue }
                body(number, [Field("Revision", String(place.revision))] + session.fields, .offset(place.offset))
            }
        default:
            let ids = locations.entryIds[kind.ordinal]
            let offsets = locations.entryOffsets[kind.ordinal]
            for (number, (id, offset)) in zip(ids, offsets).enumerated() {
                guard let entry = caseFile[id] else { continue }
                body(number, [Field("Id", id)] + entry.fields, .offset(offset))
            }
        }
    }
}
