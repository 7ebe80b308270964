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
        // The tags it has: a few new ones are looked for by a scan (a set of ten thousand
        // tags rebuilt for every `tag` made adding them one by one quadratic), many in a set.
        var added: [Field] = []
        var present: Set<String>? = tags.count > 8 ? Set(entry.tags) : nil
        for word in tags {
            guard !word.text.isEmpty, !word.text.contains("\n") else { throw CommandError("an empty tag", at: word) }
            if present != nil {
                if present?.insert(word.text).inserted == true { added.append(Field("Tag", word.text)) }
            } else if !entry.fields.contains(where: { $0.name == "Tag" && $0.value == word.text }),
                      !added.contains(where: { $0.value == word.text }) {
                added.append(Field("Tag", word.text))
            }
        }
        if added.isEmpty {
            notebook.confirm("\(entry.id) already has those tags")
            return
        }
        // Where `append` would put each (after the tags there), found once for all of them.
        let schema = entry.schema
        let rank = schema.rank(of: "Tag")
        let index = rank < schema.fields.count
            ? entry.fields.firstIndex { schema.rank(of: $0.name) > rank } ?? entry.fields.count : entry.fields.count
        entry.fields.insert(contentsOf: added, at: index)
        notebook.put(entry)
        notebook.confirm(TagConfirmation.message(for: entry, added: added.map(\.value)))
    }
}
