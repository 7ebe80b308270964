/// `quit`: leaves the shell, refusing to drop unsaved changes.
struct QuitCommand: ShellCommand {
    static let name = "quit"
    static let aliases = ["exit", "q"]
    static let group = CommandGroup.files
    static let usage = "quit"
    static let summary = "Leave; refuses while there are unsaved changes (quit! drops them)."
    static let example = "quit"
    static let arguments: [ArgumentSpec] = []
    static let readsCase = false

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        if notebook.hasUnsavedChanges {
            let count = notebook.unsavedChanges.count
            throw CommandError("\(Plural.count(count, "unsaved change"))", at: call.nameWords.first,
                               hint: "save first, or quit! to leave without saving")
        }
        notebook.discardJournal()
        notebook.wantsToQuit = true
    }
}

/// `quit!`: leaves the shell, dropping unsaved changes.
struct ForceQuitCommand: ShellCommand {
    static let name = "quit!"
    static let aliases = ["exit!", "q!"]
    static let group = CommandGroup.files
    static let usage = "quit!"
    static let summary = "Leave without saving."
    static let example = "quit!"
    static let arguments: [ArgumentSpec] = []
    static let readsCase = false

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        notebook.discardJournal()
        notebook.wantsToQuit = true
    }
}
