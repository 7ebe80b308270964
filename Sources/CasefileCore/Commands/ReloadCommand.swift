/// `reload`: the case file as it is on disk now, with this session's unsaved commands run
/// again on it; those that no longer apply are named. For a file someone else saved while
/// the shell had it open (the other ways out drop one side: `save --force` theirs,
/// `quit!` ours).
struct ReloadCommand: ShellCommand {
    static let name = "reload"
    static let group = CommandGroup.files
    static let usage = "reload"
    static let summary = "Read the case file again as it is on disk and run this session's unsaved commands on it again."
    static let help = """
        Takes the file as it is on disk now (another researcher's save, a hand edit) and
        runs this session's unsaved commands on it again, in order. Each command that no
        longer applies (its entry was removed or renamed there, say) is named with why, and
        left out; the others are unsaved changes on top of the file, to look at with diff
        and save as usual. Undo then starts afresh, except that one undo takes back every
        command run again.
        """
    static let example = "reload"
    static let arguments: [ArgumentSpec] = []
    static let readsCase = false

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        if notebook.nestingDepth > 0 {
            throw CommandError("reload cannot run inside a sourced script", at: call.nameWords.first)
        }
        guard let path = notebook.path else {
            throw CommandError("this case has no file to reload", at: call.nameWords.first, hint: "save --as FILE")
        }
        let commands = notebook.sessionLog
        let problems: [Diagnostic]
        do {
            problems = try notebook.open(path: path)
        } catch {
            throw CommandError("cannot reload \(Terminal.fileName(path)); nothing changed here", at: call.nameWords.first,
                               hint: error.diagnostics.prefix(5).map(\.description).joined(separator: "\n  "))
        }
        for problem in problems.prefix(20) { notebook.remark("warning: " + problem.description) }
        var failed = 0
        for command in commands {
            do {
                try notebook.replayLogged(command)
            } catch {
                failed += 1
                notebook.say("no longer applies: " + (FieldsDiff.lines(command).first ?? command))
                for line in FieldsDiff.lines(ErrorRenderer.render(error, file: nil, source: command)) { notebook.say("  " + line) }
            }
        }
        var text = "reloaded \(Terminal.fileName(path)), revision \(notebook.caseFile.header.revision) on disk"
        if commands.isEmpty {
            text += "; this session had no unsaved commands"
        } else {
            text += ": \(commands.count - failed) of \(Plural.count(commands.count, "unsaved command")) run again"
            if failed > 0 { text += ", \(failed) no longer apply (above)" }
        }
        notebook.say(text)
    }
}
