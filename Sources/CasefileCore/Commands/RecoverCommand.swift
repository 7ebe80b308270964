/// `recover`: replays the journal a crashed or killed session left behind.
struct RecoverCommand: ShellCommand {
    static let name = "recover"
    static let group = CommandGroup.files
    static let usage = "recover [--show] [--discard] [--force]"
    static let summary = "Bring back unsaved work from a session that ended without saving (its journal)."
    static let help = """
        While a case has unsaved changes, each change is written to a journal beside the
        file (.NAME.rec.journal). If casefile is killed, the terminal closed or the machine
        stops, opening the case again says so. recover replays the journal (one undo takes
        it all back); --show lists its commands; --discard deletes it. If the file was saved
        by someone else since, recover refuses unless --force.
        """
    static let example = "recover --show"
    static let arguments: [ArgumentSpec] = []
    static let flags = [FlagSpec(["--show"]), FlagSpec(["--discard"]), FlagSpec(["--force"])]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        guard let pending = notebook.pendingJournal else {
            throw CommandError("there is no unsaved work to recover", at: call.nameWords.first)
        }
        if call.has("--show") {
            notebook.say("journal \(pending.path): \(Plural.count(pending.steps.count, "command")) since \(pending.started)")
            for step in pending.steps {
                notebook.say("  \(step.at)  " + step.command.replacingLineBreaks())
            }
            return
        }
        if call.has("--discard") {
            notebook.discardPendingJournal()
            notebook.confirm("discarded the journal of \(Plural.count(pending.steps.count, "unsaved command"))")
            return
        }
        if !notebook.journalMatchesFile(pending) && !call.has("--force") {
            throw CommandError("the case file changed since this journal was written (revision \(pending.revision) then, \(notebook.caseFile.header.revision) now)",
                               at: call.nameWords.first,
                               hint: "recover --show to look at it, recover --force to replay it anyway, recover --discard to drop it")
        }
        notebook.replay(pending)
        notebook.pendingJournal = nil
        notebook.confirm("recovered \(Plural.count(pending.steps.count, "command")); save to keep them")
    }
}

extension String {
    /// The text on one line, with line breaks shown as `⏎`.
    func replacingLineBreaks() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
    }
}
