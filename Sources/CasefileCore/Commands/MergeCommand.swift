/// `merge KEEP DROP`: two entries found to be the same become one.
struct MergeCommand: ShellCommand {
    static let name = "merge"
    static let group = CommandGroup.editing
    static let usage = "merge KEEP DROP"
    static let summary = "Merge DROP into KEEP: its fields, links, notes and references move to KEEP."
    static let help = """
        For two entries of the same kind found to be the same. Fields KEEP lacks are taken
        from DROP; repeatable fields (handles, aliases, tags) are combined; where both have
        a different value KEEP's stays (a person's other name becomes an alias) and the
        difference is reported. Links, notes and references to DROP move to KEEP; DROP goes.
        """
    static let example = "merge esimov yesimov"
    static let arguments = [ArgumentSpec("KEEP", .entry), ArgumentSpec("DROP", .entry)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var keep = try notebook.resolve(call.required(0))
        let dropWord = call.required(1)
        let drop = try notebook.resolve(dropWord)
        if keep.id == drop.id { throw CommandError("cannot merge \(keep.id) into itself", at: dropWord) }
        guard keep.kind == drop.kind else {
            throw CommandError("\(keep.id) is a \(keep.kind.word) and \(drop.id) a \(drop.kind.word)", at: dropWord,
                               hint: "only entries of the same kind merge; link them with same-as instead")
        }
        // KEEP may refer to DROP (a translation made from the translation it merges with):
        // after the merge it would refer to itself, so it takes DROP's own value instead.
        for name in Set(keep.fields.filter { $0.value == drop.id && keep.schema.references.contains($0.name) }.map(\.name)) {
            let replacement = drop.values(name).first { $0 != keep.id }
            keep.fields = keep.fields.compactMap { field in
                guard field.name == name, field.value == drop.id else { return field }
                return replacement.map { Field(name, $0) }
            }
        }
        for field in drop.fields {
            if keep.schema.repeatable.contains(field.name) {
                if !keep.values(field.name).contains(field.value) { keep.append(field.name, field.value) }
            } else if let mine = keep[field.name] {
                if mine == field.value { continue }
                if field.name == "Name", keep.kind == .person {
                    if !keep.values("Alias").contains(field.value) { keep.append("Alias", field.value) }
                } else {
                    notebook.remark("kept \(keep.id)'s \(field.name); \(drop.id) had: \(field.value.prefix(60))")
                }
            } else if field.value != keep.id {
                keep.set(field.name, field.value)
            }
        }
        for comment in drop.comments where !keep.comments.contains(comment) { keep.comments.append(comment) }
        notebook.put(keep)
        notebook.redirectReferences(from: drop.id, to: keep.id)
        notebook.removeEntry(drop.id)
        notebook.confirm("merged \(drop.id) into \(keep.id)")
    }
}
