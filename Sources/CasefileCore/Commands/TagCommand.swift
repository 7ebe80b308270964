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
        // Planned on a copy of the entry that is gone before the change, so the change is
        // made where the fields are (a person's ten-thousandth tag costs what the first did).
        guard let (id, index, added) = try plan(call, on: notebook) else { return }
        notebook.replaceFields(of: id, at: index, removing: 0, with: added)
        if let entry = notebook.caseFile[id] { notebook.confirm(TagConfirmation.message(for: entry, added: added.map(\.value))) }
    }

    /// The entry's Id, where the new tags go (after the tags there), and the tags it does
    /// not have yet; nil (with a confirmation) when it has them all.
    private static func plan(_ call: Invocation, on notebook: Notebook) throws(CommandError) -> (String, Int, [Field])? {
        let entry = try notebook.resolve(call.required(0))
        let tags = Array(call.positionals.dropFirst())
        guard !tags.isEmpty else { throw CommandError("tag needs TAG", at: call.required(0), hint: "usage: \(usage)") }
        // The tags it has, found by binary search (fields are in canonical order); a few new
        // ones are looked for by a scan of that run alone, many in a set of it.
        let run = entry.schema.run(of: "Tag", in: entry.fields)
        let existing = entry.fields[run ?? 0..<entry.fields.count]
        var added: [Field] = []
        var present: Set<String>? = tags.count > 8 ? Set(existing.lazy.filter { $0.name == "Tag" }.map(\.value)) : nil
        // An entry with many tags keeps them as a set between commands (tagging one by one).
        func has(_ value: String) -> Bool {
            if let run, run.count >= TagIndex.smallest { return notebook.tagSets.has(value, entry: entry, run: run) }
            return existing.contains { $0.name == "Tag" && $0.value == value }
        }
        for word in tags {
            guard !word.text.isEmpty, !word.text.contains("\n") else { throw CommandError("an empty tag", at: word) }
            if present != nil {
                if present?.insert(word.text).inserted == true { added.append(Field("Tag", word.text)) }
            } else if !has(word.text), !added.contains(where: { $0.value == word.text }) {
                added.append(Field("Tag", word.text))
            }
        }
        if added.isEmpty {
            notebook.confirm("\(entry.id) already has those tags")
            return nil
        }
        // Where `append` would put each (after the tags there), found once for all of them.
        return (entry.id, run?.upperBound ?? entry.fields.count, added)
    }
}
