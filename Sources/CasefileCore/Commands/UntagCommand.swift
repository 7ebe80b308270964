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
        for word in tags where !entry.remove("Tag", value: word.text) {
            throw CommandError("\(entry.id) has no tag '\(word.text)'", at: word,
                               hint: entry.tags.isEmpty ? "it has no tags" : "its tags: " + entry.tags.joined(separator: ", "))
        }
        notebook.put(entry)
        notebook.confirm("\(entry.id) tags: " + (entry.tags.isEmpty ? "none" : entry.tags.joined(separator: ", ")))
    }
}
