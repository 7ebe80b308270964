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
        let id = try notebook.resolve(call.required(0)).id
        let tags = Array(call.positionals.dropFirst())
        guard !tags.isEmpty else { throw CommandError("untag needs TAG", at: call.required(0), hint: "usage: \(usage)") }
        if tags.count > 8, var entry = notebook.caseFile[id] {
            // Many at once: one pass over the fields, not one per tag.
            var wanted = Set(tags.map(\.text))
            entry.fields.removeAll { $0.name == "Tag" && wanted.remove($0.value) != nil }
            if let word = tags.first(where: { wanted.contains($0.text) }) { throw missing(word, in: entry) }
            notebook.put(entry)
        } else {
            // A few: each taken out where it is (found in the Tag run alone), so the
            // entry is not copied per tag. A tag it lacks takes back those removed before.
            for word in tags {
                guard let index = tagIndex(of: word.text, in: id, notebook) else {
                    throw missing(word, in: notebook.caseFile[id] ?? Entry(kind: .person, id: id))
                }
                notebook.replaceFields(of: id, at: index, removing: 1, with: [])
            }
        }
        if let entry = notebook.caseFile[id] { notebook.confirm(TagConfirmation.message(for: entry, removed: tags.map(\.text))) }
    }

    /// Where entry `id`'s tag `value` is, found in its Tag run.
    private static func tagIndex(of value: String, in id: String, _ notebook: Notebook) -> Int? {
        guard let entry = notebook.caseFile[id] else { return nil }
        let run = entry.schema.run(of: "Tag", in: entry.fields) ?? entry.fields.indices
        return entry.fields[run].firstIndex { $0.name == "Tag" && $0.value == value }
    }

    private static func missing(_ word: Word, in entry: Entry) -> CommandError {
        let tags = entry.tags
        let hint = tags.isEmpty ? "it has no tags"
            : tags.count <= TagConfirmation.listedInFull ? "its tags: " + tags.joined(separator: ", ")
            : "it has \(tags.count) tags; `show \(entry.id)` lists them"
        return CommandError("\(entry.id) has no tag '\(word.text)'", at: word, hint: hint)
    }
}
