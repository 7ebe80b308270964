/// `blame ID`: for each field, link and note of an entry, the revision and author that
/// last changed it, from the session log.
struct BlameCommand: ShellCommand {
    static let name = "blame"
    static let group = CommandGroup.viewing
    static let usage = "blame ID"
    static let summary = "For each field, link and note of an entry: the revision, author and time that last changed it."
    static let example = "blame aitelenov"
    static let arguments = [ArgumentSpec("ID", .entry)]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let entry = try notebook.resolve(call.required(0))
        let changed = notebook.log.baseline.entries.index(forKey: entry.id).map { notebook.log.baseline.entries[$0].value }
        let blame = Blame(entry, in: notebook.caseFile, unsavedFrom: changed,
                          unsavedLinks: Set(notebook.log.baseline.links.keys), unsavedNotes: Set(notebook.log.baseline.notes.keys))
        for line in blame.rendered() { notebook.output.line(line) }
    }
}
