/// A case as one line per field, each line naming its record:
///
///     person aitelenov | Name: Nurali Aitelenov
///     post extremkz-2014-02-04 | Text: Завтра у #Есимов‘а на ланче…
///     post extremkz-2014-02-04 | Text+ a second line
///
/// For git's `textconv`, which turns one file into text that git then diffs by
/// lines: every changed line still says which entry it belongs to, in `git log -p`
/// too (which uses textconv but not an external diff unless asked).
public enum CaseLines {
    /// The lines of `caseFile`, in canonical order (not made safe for a terminal:
    /// git shows them, and this is text for git).
    public static func lines(_ caseFile: CaseFile) -> [String] {
        var out: [String] = []
        func emit(_ record: String, _ comments: [String], _ fields: [Field]) {
            for comment in comments { out.append(record + " | #" + RecordComment.text(comment)) }
            for field in fields {
                if field.isComment {
                    out.append(record + " | #" + field.value)
                    continue
                }
                let lines = FieldsDiff.lines(field.value)
                out.append(record + " | " + field.name + ": " + lines[0])
                for line in lines.dropFirst() { out.append(record + " | " + field.name + "+ " + line) }
            }
        }
        for comment in caseFile.leadingComments { out.append("top | #" + comment) }
        emit("header", caseFile.header.comments, caseFile.header.fields)
        for kind in Kind.identified {
            for id in caseFile.orderedIds(of: kind) {
                guard let entry = caseFile[id] else { continue }
                emit("\(kind.word) \(id)", entry.comments, entry.fields)
                if entry.fields.isEmpty && entry.comments.isEmpty { out.append("\(kind.word) \(id)") }
            }
        }
        for key in caseFile.orderedLinks() {
            guard let link = caseFile.links[key] else { continue }
            let record = "link \(key.from) \(key.rel) \(key.to)"
            out.append(record)
            emit(record, link.comments, link.fields)
        }
        for key in caseFile.orderedNotes() {
            guard let note = caseFile.notes[key] else { continue }
            let record = "note on \(key.on)" + (key.at.isEmpty ? "" : " \(key.at)") + (key.by.isEmpty ? "" : " by \(key.by)")
            emit(record, note.comments, [Field("Text", key.text)] + note.fields)
        }
        for session in caseFile.sessions.sorted(by: { $0.revision < $1.revision }) {
            emit("session \(session.revision)", session.comments, session.fields)
        }
        for section in caseFile.foreign {
            for record in section.records { emit(section.recordType, record.comments, record.fields) }
        }
        for comment in caseFile.trailingComments { out.append("end | #" + comment) }
        return out
    }
}
