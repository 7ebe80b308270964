/// Writes a case in its one canonical form: record types in a fixed order, records by
/// Id (links by From/Rel/To, notes by On/At, sessions by Revision), fields in the
/// order of their kind's schema. Writing the same case twice gives the same bytes.
public enum CaseWriter {
    /// The first line of every case file.
    public static let banner = " casefile format \(CaseHeader.currentFormat)"

    /// The canonical text of `caseFile`, as UTF-8 bytes.
    public static func bytes(of caseFile: CaseFile) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(caseFile.count * 160 + 4096)
        FieldEncoding.appendComment(banner, to: &out)
        FieldEncoding.append(name: "%rec", value: "Casefile", to: &out)
        // writeRecord starts with the blank line recutils needs between descriptor and header.
        writeRecord(caseFile.header.fields, comments: caseFile.header.comments, to: &out)

        for kind in Kind.identified {
            let ids = caseFile.orderedIds(of: kind)
            guard !ids.isEmpty || hasHandEdits(kind, caseFile) else { continue }
            writeDescriptor(kind, caseFile, to: &out)
            for id in ids {
                guard let entry = caseFile[id] else { continue }
                out.append(FieldEncoding.newline)
                for comment in entry.comments { FieldEncoding.appendComment(comment, to: &out) }
                FieldEncoding.append(name: "Id", value: entry.id, to: &out)
                for field in entry.fields { FieldEncoding.append(name: field.name, value: field.value, to: &out) }
            }
        }
        let links = caseFile.orderedLinks()
        if !links.isEmpty || hasHandEdits(.link, caseFile) {
            writeDescriptor(.link, caseFile, to: &out)
            for key in links {
                guard let link = caseFile.links[key] else { continue }
                let fields = [Field("From", key.from), Field("Rel", key.rel), Field("To", key.to)] + link.fields
                writeRecord(fields, comments: link.comments, to: &out)
            }
        }
        let notes = caseFile.orderedNotes()
        if !notes.isEmpty || hasHandEdits(.note, caseFile) {
            writeDescriptor(.note, caseFile, to: &out)
            for key in notes {
                guard let note = caseFile.notes[key] else { continue }
                var fields = [Field("On", key.on)]
                if !key.at.isEmpty { fields.append(Field("At", key.at)) }
                if !key.by.isEmpty { fields.append(Field("By", key.by)) }
                fields.append(Field("Text", key.text))
                writeRecord(fields + note.fields, comments: note.comments, to: &out)
            }
        }
        if !caseFile.sessions.isEmpty || hasHandEdits(.session, caseFile) {
            writeDescriptor(.session, caseFile, to: &out)
            for session in caseFile.sessions.sorted(by: { $0.revision < $1.revision }) {
                writeRecord([Field("Revision", String(session.revision))] + session.fields,
                            comments: session.comments, to: &out)
            }
        }
        for section in caseFile.foreign {
            out.append(FieldEncoding.newline)
            for comment in section.comments { FieldEncoding.appendComment(comment, to: &out) }
            for field in section.descriptor { FieldEncoding.append(name: field.name, value: field.value, to: &out) }
            for record in section.records { writeRecord(record.fields, comments: record.comments, to: &out) }
        }
        if !caseFile.trailingComments.isEmpty {
            out.append(FieldEncoding.newline)
            for comment in caseFile.trailingComments { FieldEncoding.appendComment(comment, to: &out) }
        }
        return out
    }

    /// The canonical text of `caseFile`.
    public static func text(of caseFile: CaseFile) -> String {
        String(decoding: bytes(of: caseFile), as: UTF8.self)
    }

    /// Whether the user added descriptor lines or comments to `kind`: then its descriptor
    /// is written even when it has no records, so the edits are not lost.
    private static func hasHandEdits(_ kind: Kind, _ caseFile: CaseFile) -> Bool {
        !(caseFile.descriptorExtras[kind] ?? []).isEmpty || !(caseFile.descriptorComments[kind] ?? []).isEmpty
    }

    private static func writeDescriptor(_ kind: Kind, _ caseFile: CaseFile, to out: inout [UInt8]) {
        out.append(FieldEncoding.newline)
        for comment in caseFile.descriptorComments[kind] ?? [] { FieldEncoding.appendComment(comment, to: &out) }
        FieldEncoding.append(name: "%rec", value: kind.recordType, to: &out)
        for field in Schema.of(kind).descriptor + (caseFile.descriptorExtras[kind] ?? []) {
            FieldEncoding.append(name: field.name, value: field.value, to: &out)
        }
    }

    private static func writeRecord(_ fields: [Field], comments: [String], to out: inout [UInt8]) {
        out.append(FieldEncoding.newline)
        for comment in comments { FieldEncoding.appendComment(comment, to: &out) }
        for field in fields { FieldEncoding.append(name: field.name, value: field.value, to: &out) }
    }
}
