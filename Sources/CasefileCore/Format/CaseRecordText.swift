/// One entry as recfile text, for editing by hand, and back.
public enum CaseRecordText {
    /// The entry as a small recfile: instructions as comments, its descriptor, its record.
    public static func render(_ entry: Entry) -> String {
        var out: [UInt8] = []
        FieldEncoding.appendComment(" Editing \(entry.kind.word) \(entry.id). Save and quit to apply; delete everything to cancel.", to: &out)
        FieldEncoding.appendComment(" One field a line as Name: value; continue a value on lines starting with \"+ \".", to: &out)
        FieldEncoding.append(name: "%rec", value: entry.kind.recordType, to: &out)
        out.append(FieldEncoding.newline)
        FieldEncoding.append(name: "Id", value: entry.id, to: &out)
        for field in entry.fields { FieldEncoding.append(name: field.name, value: field.value, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// What came of parsing an edited entry.
    public enum Outcome {
        /// The edited entry, valid.
        case success(Entry)
        /// The problems, as `check` words them.
        case failure([String])
    }

    /// The entry written in `text`, checked as `check` would; or the problems, as `line N: message`.
    public static func parse(_ text: String, original: Entry, in caseFile: CaseFile) -> Outcome {
        let result: LoadResult
        do {
            result = try CaseReader.read(text: text, file: "edit")
        } catch let error as LoadError {
            return .failure(error.diagnostics.map(\.description))
        } catch {
            return .failure([String(describing: error)])
        }
        let entries = result.caseFile.entries.values
        guard entries.count == 1, let edited = entries.first, result.caseFile.links.isEmpty, result.caseFile.notes.isEmpty else {
            return .failure(["the text must hold exactly one \(original.kind.word) record"])
        }
        guard edited.kind == original.kind else {
            return .failure(["the record type must stay \(original.kind.recordType)"])
        }
        guard edited.id == original.id else {
            return .failure(["the Id must stay \(original.id) (change Ids with: rename \(original.id) NEW)"])
        }
        var updated = edited
        updated.comments = original.comments + edited.comments.filter { !$0.hasPrefix(" Editing ") && !$0.hasPrefix(" One field a line") }
        var context = caseFile
        context.put(updated)
        let problems = CaseValidator.problemsOf(entry: updated, in: context)
        if !problems.isEmpty {
            return .failure(problems.map { ($0.field.map { "\($0): " } ?? "") + $0.message })
        }
        return .success(updated)
    }
}
