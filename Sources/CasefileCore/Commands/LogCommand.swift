/// `log [-v] [-n N]`: the revisions the case file records about itself.
struct LogCommand: ShellCommand {
    static let name = "log"
    static let group = CommandGroup.history
    static let usage = "log [-v] [-n N]"
    static let summary = "The saved revisions, newest first: when, by whom, why, and what changed."
    static let help = """
        Lists the Session records of the case file, newest first: revision, when it was
        saved, by whom, the save message and the change summary (+3 post, ~1 person,
        -1 note). -v adds each revision's command lines, which replay the change;
        -n N shows only the last N revisions. Unsaved changes are shown first.
        """
    static let example = "log -v -n 2"
    static let arguments: [ArgumentSpec] = []
    static let flags = [
        FlagSpec(["-v", "--verbose"], help: "Add each revision's command lines."),
        FlagSpec(["-n", "--limit"], value: .number, help: "Show only the last N revisions."),
    ]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var limit: Int?
        if let word = call.flags["-n"], let spec = flags.named("-n") { limit = try spec.number(word) }
        if notebook.hasUnsavedChanges {
            let summary = notebook.unsavedSummary.text
            let commands = notebook.sessionLog.count
            notebook.say("unsaved  \(summary)  (\(Plural.count(commands, "command")); diff shows them)")
            notebook.output.line("")
        }
        let sessions = notebook.caseFile.sessions
        guard !sessions.isEmpty else {
            notebook.say("no revisions yet: the case has not been saved")
            return
        }
        var log = SessionLog(sessions: sessions, verbose: call.has("-v"), limit: limit)
        log.outsideEdits = notebook.chain?.editsOutside ?? [:]
        for line in log.lines() { notebook.output.line(line) }
    }
}
