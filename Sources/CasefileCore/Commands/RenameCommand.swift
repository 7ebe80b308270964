/// `rename OLD NEW`: changes an Id and every reference to it.
struct RenameCommand: ShellCommand {
    static let name = "rename"
    static let group = CommandGroup.editing
    static let usage = "rename OLD NEW"
    static let summary = "Change an entry's Id, rewriting every reference to it; Ids made from it follow."
    static let example = "rename esimov-2 esimov-akhmetzhan"
    static let arguments = [ArgumentSpec("OLD", .entry), ArgumentSpec("NEW", .newId)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let entry = try notebook.resolve(call.required(0))
        let newId = try notebook.newId(call.required(1), hint: "choose another new Id, or merge \(entry.id) into it")
        let references = notebook.referencesTo(entry.id).count
        var renamed = entry
        renamed.id = newId
        notebook.apply(.entry(old: entry, new: renamed))
        notebook.redirectReferences(from: entry.id, to: newId)
        notebook.confirm("renamed \(entry.id) to \(newId)" + (references > 0 ? " (\(Plural.count(references, "reference")) rewritten)" : ""))
        // Ids made from the old one (zenita-q1, p1.en) follow it, so they still say whose they are.
        for (old, new) in notebook.renameDerivedIds(from: entry.id, to: newId) {
            notebook.confirm("renamed \(old) to \(new) (made from \(entry.id))")
        }
    }
}
