/// `detach EVIDENCE…`: removes evidence records; their files stay in the store.
struct DetachCommand: ShellCommand {
    static let name = "detach"
    static let group = CommandGroup.files
    static let usage = "detach EVIDENCE… [by=WHO] [at=DATETIME]"
    static let summary = "Remove evidence from an entry; its file stays in the evidence store."
    static let help = """
        Removes each EVIDENCE record (undo brings it back). The file is never deleted: the
        store only grows, and casefile gc prunes files that no revision refers to, after
        asking. The session log records who detached what and when.
        """
    static let example = "detach extremkz-2014-02-04-e1"
    static let arguments = [ArgumentSpec("EVIDENCE", .entry, repeating: true)]
    static let options = [OptionSpec("by", .text), OptionSpec("at", .date)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var ids: [String] = []
        for word in call.positionals {
            let entry = try notebook.resolve(word)
            guard entry.kind == .evidence else {
                let found = notebook.evidence(on: entry.id).map(\.id)
                throw CommandError("'\(entry.id)' is a \(entry.kind.word), not evidence", at: word,
                                   hint: found.isEmpty ? "it has no evidence" : "its evidence: " + found.joined(separator: ", "))
            }
            if !ids.contains(entry.id) { ids.append(entry.id) }
        }
        for id in ids { notebook.removeEntry(id) }
        let by = call.option("by") ?? notebook.settings.userName
        let at = call.option("at") ?? notebook.settings.now()
        notebook.logLine("detach " + ids.map(Quoting.word).joined(separator: " ") + " by=\(Quoting.word(by)) at=\(at)")
        notebook.confirm("detached \(ids.joined(separator: ", ")) (the files stay in the evidence store)")
    }
}
