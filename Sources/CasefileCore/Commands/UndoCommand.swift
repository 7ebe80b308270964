/// `undo [N]`: takes back the last N commands that changed the case.
struct UndoCommand: ShellCommand {
    static let name = "undo"
    static let group = CommandGroup.history
    static let usage = "undo [N]"
    static let summary = "Undo the last N changes (default 1); unlimited within a session."
    static let example = "undo 3"
    static let arguments = [ArgumentSpec("N", .number, optional: true)]
    static let needsWritableCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let count = try steps(call, on: notebook)
        var taken: [String] = []
        while taken.count < count, let transaction = notebook.undo.undoStack.last, notebook.undoOnce() {
            taken.append(describe(transaction))
        }
        if taken.isEmpty { throw CommandError("nothing to undo", at: call.nameWords.first) }
        say("undid", taken, more: taken.count < count ? " (no more to undo)" : "", on: notebook)
    }

    /// What a change was, by the command that made it: its first line (a here-document's
    /// text is not repeated), or for a sourced script its first command and how many more.
    static func describe(_ transaction: Transaction) -> String {
        guard let first = transaction.log.first else { return "a change" }
        var line = first.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? first
        if first.contains("\n") { line += " …" }
        if transaction.log.count > 1 { line += " and \(Plural.count(transaction.log.count - 1, "more command"))" }
        return line
    }

    /// `undid: tag samson blogger`, or for several a count and one line each, newest first.
    static func say(_ verb: String, _ taken: [String], more: String, on notebook: Notebook) {
        let width = notebook.output.width
        if taken.count == 1 {
            notebook.confirm(TextWidth.snippet("\(verb): \(taken[0])", to: width) + more)
            return
        }
        notebook.confirm("\(verb) \(Plural.count(taken.count, "change"))\(more):")
        for line in taken { notebook.confirm("  " + TextWidth.snippet(line, to: width - 2)) }
    }

    static func steps(_ call: Invocation, on notebook: Notebook) throws(CommandError) -> Int {
        // Inside a sourced script the script is one change being built: taking back earlier
        // changes from within it could not itself be taken back if the script then failed.
        if notebook.nestingDepth > 0 {
            throw CommandError("\(call.nameWords.first?.text ?? "undo") cannot run inside a sourced script",
                               at: call.nameWords.first, hint: "undo after the script has run")
        }
        guard let word = call.word(0) else { return 1 }
        guard let number = Int(word.text), number > 0 else {
            throw CommandError("'\(word.text)' is not a positive number", at: word)
        }
        return number
    }
}

/// `redo [N]`: puts back what undo took back.
struct RedoCommand: ShellCommand {
    static let name = "redo"
    static let group = CommandGroup.history
    static let usage = "redo [N]"
    static let summary = "Redo the last N undone changes (default 1)."
    static let example = "redo"
    static let arguments = [ArgumentSpec("N", .number, optional: true)]
    static let needsWritableCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let count = try UndoCommand.steps(call, on: notebook)
        var taken: [String] = []
        while taken.count < count, let transaction = notebook.undo.redoStack.last, notebook.redoOnce() {
            taken.append(UndoCommand.describe(transaction))
        }
        if taken.isEmpty { throw CommandError("nothing to redo", at: call.nameWords.first) }
        UndoCommand.say("redid", taken, more: taken.count < count ? " (no more to redo)" : "", on: notebook)
    }
}
