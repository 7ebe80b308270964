/// `unset ID FIELD`: removes a field from an entry.
struct UnsetCommand: ShellCommand {
    static let name = "unset"
    static let group = CommandGroup.editing
    static let usage = "unset ID FIELD…"
    static let summary = "Remove fields from an entry (not its mandatory ones)."
    static let example = "unset extremkz-2014-02-05 url"
    static let arguments = [ArgumentSpec("ID", .entry), ArgumentSpec("FIELD", .field, repeating: true)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var entry = try notebook.resolve(call.required(0))
        let names = Array(call.positionals.dropFirst())
        guard !names.isEmpty else { throw CommandError("unset needs FIELD", at: call.required(0), hint: "usage: \(usage)") }
        for word in names {
            guard let field = entry.fields.first(where: { $0.name.lowercased() == word.text.lowercased() })?.name else {
                let present = entry.fields.map { $0.name.lowercased() }
                throw CommandError("\(entry.id) has no field '\(word.text)'", at: word,
                                   hint: Suggestions.hint(for: word.text.lowercased(), in: present)
                                       ?? "its fields: " + Array(Set(present)).sorted().joined(separator: ", "))
            }
            if entry.schema.mandatory.contains(field) {
                throw CommandError("\(field) is mandatory for a \(entry.kind.word)", at: word,
                                   hint: "change it with: set \(entry.id) \(field.lowercased())=…")
            }
            entry.set(field, nil)
        }
        notebook.put(entry)
        notebook.confirm("updated \(entry.id)")
    }
}
