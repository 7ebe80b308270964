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
        it all back); --show lists its commands and anything that could not be read;
        --discard moves it aside (.NAME.rec.journal.discarded-TIME), never deletes it. If
        the file was saved by someone else since, recover refuses; --force then replays the
        journal's commands on the file as it is now (their changes stay), and stops with
        nothing recovered if one of them no longer applies.
        """
    static let example = "recover --show"
    static let arguments: [ArgumentSpec] = []
    static let flags = [FlagSpec(["--show"]), FlagSpec(["--discard"]), FlagSpec(["--force"])]
    static let changesCase = true
    static let runsOverPendingJournal = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        guard let pending = notebook.pendingJournal else {
            throw CommandError("there is no unsaved work to recover", at: call.nameWords.first)
        }
        let count = "\(pending.steps.count) command\(pending.steps.count == 1 ? "" : "s")"
        if call.has("--show") {
            notebook.say("journal \(pending.path): \(count) since \(pending.started)")
            for problem in pending.problems { notebook.say("  cannot read: " + problem) }
            for step in pending.steps {
                notebook.say("  \(step.at)  " + step.command.replacingLineBreaks())
            }
            return
        }
        if call.has("--discard") {
            do {
                let moved = try notebook.discardPendingJournal()
                notebook.confirm("moved the journal of \(count) aside" + (moved.map { " to \($0)" } ?? "") + "; nothing was replayed")
            } catch {
                throw CommandError(error.description, at: call.nameWords.first)
            }
            return
        }
        guard !pending.steps.isEmpty else {
            throw CommandError("nothing in the journal \(pending.path) could be read: " + pending.problems.joined(separator: "; "),
                               at: call.nameWords.first, hint: "recover --show shows it; recover --discard moves it aside")
        }
        let matches = notebook.journalMatchesFile(pending)
        if !matches && !call.has("--force") {
            throw CommandError("the case file changed since this journal was written (revision \(pending.revision) then, \(notebook.caseFile.header.revision) now)",
                               at: call.nameWords.first,
                               hint: "recover --show to look at it, recover --force to replay its commands on the file as it is now, recover --discard to move it aside")
        }
        if matches { notebook.replay(pending) } else { try replayCommands(of: pending, call: call, on: notebook) }
        notebook.pendingJournal = nil
        var kept = ""
        if !pending.isWhole {
            // What could not be read stays on disk for a person to look at.
            do {
                kept = "; the journal, which could not be read whole, is kept as " + (try pending.moveAside(now: notebook.settings.now()))
            } catch {
                notebook.pendingJournal = pending
                throw CommandError(error.description, at: call.nameWords.first)
            }
        }
        notebook.confirm("recovered \(count); save to keep them" + kept)
    }

    /// Replays the journal's command lines on the case as it is now (saved by someone else
    /// since): their changes to the same entries are kept, not reverted by old snapshots.
    static func replayCommands(of pending: PendingJournal, call: Invocation, on notebook: Notebook) throws(CommandError) {
        let lines = pending.sessionLog
        if lines.contains(where: { $0 == "undo" || $0 == "redo" }) {
            throw CommandError("the journal undoes changes saved before it started, so its commands cannot be replayed on the file as it is now",
                               at: call.nameWords.first, hint: "recover --show lists them; recover --discard moves the journal aside")
        }
        notebook.pendingJournal = nil
        for (index, line) in lines.enumerated() {
            do { try notebook.replayLogged(line) } catch {
                notebook.pendingJournal = pending
                throw CommandError("command \(index + 1) of the journal (\(line.replacingLineBreaks())) does not apply to the file as it is now: \(error.message)",
                                   at: call.nameWords.first,
                                   hint: "nothing was recovered; recover --show lists the commands, recover --discard moves the journal aside")
            }
        }
    }
}

extension String {
    /// The text on one line, with line breaks shown as `⏎`.
    func replacingLineBreaks() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
    }
}
