/// `untag ID TAG…`: removes tags from an entry.
struct UntagCommand: ShellCommand {
    static let name = "untag"
    static let group = CommandGroup.editing
    static let usage = "untag ID TAG…"
    static let summary = "Remove tags from an entry."
    static let example = "untag aitelenov invited"
    static let arguments = [ArgumentSpec("ID", .entry), ArgumentSpec("TAG", .tag, repeating: true)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var entry = try notebook.resolve(call.required(0))
        let tags = Array(call.positionals.dropFirst())
        guard !tags.isEmpty else { throw CommandError("untag needs TAG", at: call.required(0), hint: "usage: \(usage)") }
        if tags.count > 8 {
            // Many at once: one pass over the fields, not one per tag.
            var wanted = Set(tags.map(\.text))
            entry.fields.removeAll { $0.name == "Tag" && wanted.remove($0.value) != nil }
            if let word = tags.first(where: { wanted.contains($0.text) }) { throw missing(word, in: entry) }
        } else {
            for word in tags where !entry.remove("Tag", value: word.text) { throw missing(word, in: entry) }
        }
        notebook.put(entry)
        notebook.confirm(TagConfirmation.message(for: entry, removed: tags.map(\.text)))
    }

    private static func missing(_ word: Word, in entry: Entry) -> CommandError {
        let tags = entry.tags
        let hint = tags.isEmpty ? "it has no tags"
            : tags.count <= TagConfirmation.listedInFull ? "its tags: " + tags.joined(separator: ", ")
            : "it has \(tags.count) tags; `show \(entry.id)` lists them"
        return CommandError("\(entry.id) has no tag '\(word.text)'", at: word, hint: hint)
    }
}
