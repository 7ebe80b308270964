/// `show ID`: the entry's card.
struct ShowCommand: ShellCommand {
    static let name = "show"
    static let group = CommandGroup.viewing
    static let usage = "show ID"
    static let summary = "Show an entry: fields, original and translations side by side, links both ways, notes."
    static let example = "show aitelenov"
    static let arguments = [ArgumentSpec("ID", .entry)]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let entry = try notebook.resolve(call.required(0))
        let card = Card(entry: entry, caseFile: notebook.caseFile, references: notebook.referencesTo(entry.id),
                        width: notebook.output.width)
        for line in card.lines() { notebook.output.line(line) }
    }
}
