/// `save [-m MSG] [--as FILE]`: a new revision of the case file.
struct SaveCommand: ShellCommand {
    static let name = "save"
    static let aliases = ["write"]
    static let group = CommandGroup.files
    static let usage = "save [-m MESSAGE] [--as FILE] [--force]"
    static let summary = "Save the case: a new revision, with a session record of what changed and why."
    static let help = """
        Writes the case file atomically (the old file stays intact if anything fails).
        Each save bumps Revision and appends a Session record: when, who, your message,
        a summary of the changes, and the commands that made them. Saving with no change
        does nothing. If the file was changed on disk since it was opened, save refuses
        unless --force. --as FILE saves to another file and keeps working there.
        """
    static let example = #"save -m "Detained bloggers and their tweets""#
    static let arguments: [ArgumentSpec] = []
    static let flags = [FlagSpec(["-m", "--message"], value: .text), FlagSpec(["--as"], value: .path), FlagSpec(["--force"])]
    static let needsWritableCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        if notebook.nestingDepth > 0 {
            throw CommandError("save cannot run inside a sourced script", at: call.nameWords.first,
                               hint: "save after the script has run")
        }
        do {
            try notebook.save(message: call.flagValue("-m"), to: call.flagValue("--as"), force: call.has("--force"))
        } catch {
            var located = error
            // An error about the file given with --as points at that path, not at `save`.
            if located.word == nil, let target = call.flags["--as"], located.message.contains(Terminal.fileName(target.text)) {
                located.word = target
            }
            if located.word == nil { located.word = call.nameWords.first }
            throw located
        }
    }
}
