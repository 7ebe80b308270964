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
        var done = 0
        while done < count, notebook.undoOnce() { done += 1 }
        if done == 0 { throw CommandError("nothing to undo", at: call.nameWords.first) }
        notebook.confirm("undid \(done) change\(done == 1 ? "" : "s")" + (done < count ? " (no more to undo)" : ""))
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
        var done = 0
        while done < count, notebook.redoOnce() { done += 1 }
        if done == 0 { throw CommandError("nothing to redo", at: call.nameWords.first) }
        notebook.confirm("redid \(done) change\(done == 1 ? "" : "s")" + (done < count ? " (no more to redo)" : ""))
    }
}
