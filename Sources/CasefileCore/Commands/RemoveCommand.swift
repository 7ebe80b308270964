/// `rm ID`: removes an entry that nothing refers to.
struct RemoveCommand: ShellCommand {
    static let name = "rm"
    static let aliases = ["remove"]
    static let group = CommandGroup.editing
    static let usage = "rm ID [--cascade]"
    static let summary = "Remove an entry; refuses while anything refers to it (--cascade also removes its links and notes)."
    static let help = """
        Removes ID. While other entries, links or notes refer to it, rm refuses and lists
        them. With --cascade its links and notes go too; entries that refer to it (posts by
        a person, translations of a post) must be removed or changed first.
        """
    static let example = "rm extremkz-2014-02-05-2 --cascade"
    static let arguments = [ArgumentSpec("ID", .entry)]
    static let flags = [FlagSpec(["--cascade"])]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let word = call.required(0)
        let entry = try notebook.resolve(word)
        let references = notebook.referencesTo(entry.id)
        let cascade = call.has("--cascade")
        let blocking = references.filter { reference in
            if case .field = reference { return true }
            return !cascade
        }
        if !blocking.isEmpty {
            // Only what stands in the way is counted and listed (with --cascade, links and
            // notes do not).
            let lines = notebook.describe(Array(blocking))
            let shown = lines.prefix(10).joined(separator: "; ") + (lines.count > 10 ? "; …" : "")
            let onlyLinks = !blocking.contains { if case .field = $0 { return true } else { return false } }
            throw CommandError("\(entry.id) is referred to by \(blocking.count) thing\(blocking.count == 1 ? "" : "s"): \(shown)",
                               at: word,
                               hint: onlyLinks ? "rm \(entry.id) --cascade also removes its links and notes"
                                   : "remove or change the entries that refer to it first")
        }
        var removedLinks = 0
        var removedNotes = 0
        for reference in references {
            switch reference {
            case let .link(key):
                notebook.removeLink(key)
                removedLinks += 1
            case let .note(key):
                notebook.removeNote(key)
                removedNotes += 1
            case .field:
                break
            }
        }
        notebook.removeEntry(entry.id)
        var extra = ""
        if cascade { extra = " with \(removedLinks) link\(removedLinks == 1 ? "" : "s") and \(removedNotes) note\(removedNotes == 1 ? "" : "s")" }
        notebook.confirm("removed \(entry.kind.word) \(entry.id)\(extra)")
    }
}
