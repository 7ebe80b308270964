/// `tag ID TAG…`: adds tags to an entry.
struct TagCommand: ShellCommand {
    static let name = "tag"
    static let group = CommandGroup.editing
    static let usage = "tag ID TAG…"
    static let summary = "Add tags to an entry."
    static let example = "tag aitelenov detained invited"
    static let arguments = [ArgumentSpec("ID", .entry), ArgumentSpec("TAG", .tag, repeating: true)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var entry = try notebook.resolve(call.required(0))
        let tags = Array(call.positionals.dropFirst())
        guard !tags.isEmpty else { throw CommandError("tag needs TAG", at: call.required(0), hint: "usage: \(usage)") }
        // The tags it has, looked up in a set: one command of 100k tags is not 100k scans.
        var present = Set(entry.tags)
        var added: [Field] = []
        for word in tags {
            guard !word.text.isEmpty, !word.text.contains("\n") else { throw CommandError("an empty tag", at: word) }
            if present.insert(word.text).inserted { added.append(Field("Tag", word.text)) }
        }
        // Where `append` would put each (after the tags there), found once for all of them.
        let schema = entry.schema
        let rank = schema.rank(of: "Tag")
        let index = rank < schema.fields.count
            ? entry.fields.firstIndex { schema.rank(of: $0.name) > rank } ?? entry.fields.count : entry.fields.count
        entry.fields.insert(contentsOf: added, at: index)
        if entry == notebook.caseFile.entries[entry.id] {
            notebook.confirm("\(entry.id) already has those tags")
            return
        }
        notebook.put(entry)
        notebook.confirm("\(entry.id) tags: " + entry.tags.joined(separator: ", "))
    }
}
