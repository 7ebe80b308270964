/// `set ID FIELD=VALUE…`: changes fields of an entry.
struct SetCommand: ShellCommand {
    static let name = "set"
    static let group = CommandGroup.editing
    static let usage = "set ID FIELD=VALUE…"
    static let summary = "Set fields of an entry (a repeatable field gets exactly the values given)."
    static let help = """
        Sets each FIELD to VALUE. Field names are matched without regard to case
        (lang= sets Lang). Dates are read as in `add post`, references (Author, Source, …)
        accept Ids and @handles, and a field the kind does not know is added as a custom
        field. The same FIELD given twice gives it both values (alias=A alias=B).
        Use `unset` to remove a field and `rename` to change an Id.
        """
    static let example = "set extremkz-2014-02-05 platform=twitter url=https://twitter.com/extremkz/status/1"
    static let arguments = [ArgumentSpec("ID", .entry), ArgumentSpec("FIELD=VALUE", .assignment, repeating: true)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var entry = try notebook.resolve(call.required(0))
        guard !call.assignments.isEmpty else {
            throw CommandError("set needs FIELD=VALUE", at: call.required(0), hint: "usage: \(usage)")
        }
        var given: Set<String> = []
        for (key, value, word) in call.assignments {
            let field = try fieldName(key, for: entry, word: word)
            let again = !given.insert(field).inserted
            if !entry.schema.fields.contains(field), entry[field] == nil {
                let known = entry.schema.fields.map { $0.lowercased() }.filter { $0 != "id" }
                let close = Suggestions.hint(for: key.lowercased(), in: known).map { " — \($0)" } ?? ""
                notebook.remark("note: \(field) is a custom field for a \(entry.kind.word)\(close)")
            }
            let stored = try normalised(value, field: field, entry: entry, word: word, notebook: notebook)
            // The same field twice in one `set` gets both values (how `edit` logs an Alias list).
            if again { entry.append(field, stored) } else { entry.set(field, stored) }
        }
        let before = notebook.caseFile.entries[entry.id]
        guard before != entry else {
            notebook.confirm("\(entry.id) already has those values")
            return
        }
        let reviewer = reviewerStamp(entry, before: before, call: call, notebook: notebook)
        if let reviewer { entry.set("Reviewer", reviewer) }
        notebook.put(entry)
        notebook.confirm("updated \(entry.id)" + (reviewer.map { " (reviewed by \($0))" } ?? ""))
        if let reviewer {
            // The logged line names the reviewer, so a replay by someone else gives the same case.
            notebook.log.loggedSource = "set \(Quoting.word(entry.id))"
                + call.assignments.map { " \($0.field)=\(Quoting.word($0.value))" }.joined()
                + " reviewer=\(Quoting.word(reviewer))"
        }
        if entry.kind == .translation, entry.text != before?.text { GlossaryCheck.remark(on: entry, notebook: notebook) }
    }

    /// Who reviewed a translation whose status this `set` raises from draft, when the
    /// command names no reviewer: the user at the keyboard (nil when unknown).
    static func reviewerStamp(_ entry: Entry, before: Entry?, call: Invocation, notebook: Notebook) -> String? {
        guard entry.kind == .translation, let status = entry["Status"]?.lowercased(), status != "draft",
              (before?["Status"] ?? "draft").lowercased() != status,
              !call.assignments.contains(where: { $0.field.lowercased() == "reviewer" }),
              notebook.settings.userName != "unknown" else { return nil }
        return notebook.settings.userName
    }

    /// The field `key` names on `entry`: a known field (any case) or a new custom field.
    static func fieldName(_ key: String, for entry: Entry, word: Word) throws(CommandError) -> String {
        if let known = entry.schema.fields.first(where: { $0.lowercased() == key.lowercased() }) {
            if known == "Id" { throw CommandError("the Id is changed with rename", at: word, hint: "rename \(entry.id) NEW") }
            return known
        }
        if let existing = entry.fields.first(where: { $0.name.lowercased() == key.lowercased() }) { return existing.name }
        let custom = key.prefix(1).uppercased() + key.dropFirst()
        guard Field.isValidName(custom) else {
            throw CommandError("'\(key)' is not a field name", at: word, hint: "field names use letters, digits and _")
        }
        return custom
    }

    /// A value as stored: dates as ISO, references resolved, languages and statuses checked.
    static func normalised(_ value: String, field: String, entry: Entry, word: Word,
                           notebook: Notebook) throws(CommandError) -> String {
        var valueWord = word
        valueWord.text = value
        let schema = entry.schema
        if value.isEmpty { throw CommandError("\(field) would be empty", at: word, hint: "remove it with: unset \(entry.id) \(field)") }
        if schema.dates.contains(field) { return try notebook.isoDate(valueWord) }
        if field == "Lang" { return try notebook.language(valueWord) }
        if field == "Status", entry.kind == .translation {
            guard CaseValidator.statuses.contains(value) else {
                throw CommandError("'\(value)' is not a status", at: word,
                                   hint: "use one of: " + CaseValidator.statuses.joined(separator: ", "))
            }
        }
        if schema.references.contains(field) {
            let kinds = CaseValidator.targets[field] ?? []
            let target = try notebook.resolve(valueWord, as: kinds)
            if target.id == entry.id { throw CommandError("\(entry.id) cannot refer to itself", at: word) }
            if field == "Of", let loop = notebook.caseFile.ofWouldLoop(translation: entry.id, original: target.id) {
                throw CommandError("\(target.id) is itself a translation of \(entry.id) (\(loop.joined(separator: " → ")))", at: word,
                                   hint: "Of names the true original")
            }
            return target.id
        }
        if field == "Handle" { return value.hasPrefix("@") ? value : "@" + value }
        return value
    }
}
