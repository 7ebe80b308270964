/// `diff [--disk] [--stat]`: unsaved changes, or what changed in the file on disk.
struct DiffCommand: ShellCommand {
    static let name = "diff"
    static let group = CommandGroup.history
    static let usage = "diff [--disk] [--stat]"
    static let summary = "Show the unsaved changes, entry by entry and field by field."
    static let help = """
        Shows what save would record: entries added (+), removed (-), changed (~, field
        by field, texts line by line) and renamed (>), links and notes added or removed.
        --disk shows instead what was changed in the file on disk since it was opened or
        last saved (by hand, or by another program), which save refuses to overwrite
        without --force. --stat gives counts only.
        """
    static let example = "diff --stat"
    static let arguments: [ArgumentSpec] = []
    static let flags = [
        FlagSpec(["--disk"], help: "Show what was changed in the file on disk since it was opened or last saved."),
        FlagSpec(["--stat"], help: "Counts per kind only."),
    ]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let diff: CaseDiff
        if call.has("--disk") {
            diff = try diskChanges(call, notebook)
            if diff.isEmpty {
                notebook.say("the file on disk holds the case as it was opened or last saved")
                return
            }
        } else {
            diff = CaseDiff(unsaved: notebook.unsavedChanges)
            if diff.isEmpty {
                notebook.say("no unsaved changes")
                return
            }
        }
        let renderer = DiffRenderer(colour: notebook.output.usesColour)
        let lines = call.has("--stat") ? renderer.stat(diff) : renderer.lines(diff)
        for line in lines { notebook.output.line(line) }
    }

    /// The saved case against the file on disk now.
    static func diskChanges(_ call: Invocation, _ notebook: Notebook) throws(CommandError) -> CaseDiff {
        let flag = call.flags["--disk"]
        guard let path = notebook.path else {
            throw CommandError("this case has no file yet", at: flag, hint: "save --as FILE")
        }
        guard let now = notebook.currentDiskHash(path) else {
            throw CommandError("\(Terminal.fileName(path)) is not on disk", at: flag,
                               hint: notebook.diskHash == nil ? "it is created by the first save" : "save writes it again")
        }
        if now == notebook.diskHash { return CaseDiff(changes: []) }
        let disk: CaseFile
        do {
            disk = try CaseReader.load(path: path).caseFile
        } catch let error as LoadError {
            throw CommandError("\(Terminal.fileName(path)) no longer reads as a case file", at: flag,
                               hint: error.diagnostics.prefix(5).map(\.description).joined(separator: "\n  "))
        } catch {
            throw CommandError("cannot read \(Terminal.fileName(path)): \(error)", at: flag)
        }
        return CaseDiff.between(notebook.savedCase, disk)
    }
}
