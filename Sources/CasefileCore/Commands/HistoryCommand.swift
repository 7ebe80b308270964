#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `history [--write FILE]`: this session's commands, or those that changed the case as a script.
struct HistoryCommand: ShellCommand {
    static let name = "history"
    static let group = CommandGroup.history
    static let usage = "history [--write FILE] [--force]"
    static let summary = "List this session's commands; --write saves those that changed the case as a script."
    static let help = """
        Lists every command run since the case was opened, numbered; * marks those that
        changed the case. --write FILE writes the commands that changed it (undone ones
        left out, notes with their time and author spelled out) as a script: replayed on
        the case as it was opened (casefile run CASE FILE, or source FILE), it gives the
        same case. --force replaces an existing FILE.
        """
    static let example = "history --write session.cf"
    static let arguments: [ArgumentSpec] = []
    static let flags = [FlagSpec(["--write", "-w"], value: .path), FlagSpec(["--force"])]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        if let word = call.flags["--write"] {
            try write(to: word, force: call.has("--force"), notebook)
            return
        }
        let history = notebook.history
        guard !history.isEmpty else {
            notebook.say("no commands yet in this session")
            return
        }
        let width = String(history.count).count
        for (index, entry) in history.enumerated() {
            let number = String(index + 1)
            let lead = String(repeating: " ", count: width - number.count) + number + (entry.changedCase ? " * " : "   ")
            let lines = entry.source.split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in lines.enumerated() {
                notebook.say((offset == 0 ? lead : String(repeating: " ", count: lead.count)) + line)
            }
        }
        let changed = history.filter(\.changedCase).count
        notebook.say("\(history.count) command\(history.count == 1 ? "" : "s"), \(changed) changed the case")
    }

    static func write(to word: Word, force: Bool, _ notebook: Notebook) throws(CommandError) {
        let commands = notebook.sessionScript
        guard !commands.isEmpty else {
            throw CommandError("no command has changed the case in this session", at: word)
        }
        let path = word.text
        if !force, access(path, F_OK) == 0 {
            throw CommandError("\(Terminal.fileName(path)) already exists", at: word, hint: "history --write \(Quoting.word(path)) --force replaces it")
        }
        var text = "# The commands that changed \(notebook.displayName) in a casefile session, in order.\n"
        text += "# Replay them on the case as it was when the session began:  casefile run CASE.rec \(Terminal.fileName(path))\n"
        text += commands.joined(separator: "\n") + "\n"
        if notebook.dryRun {
            notebook.say("dry run: would write \(commands.count) command\(commands.count == 1 ? "" : "s") to \(Terminal.fileName(path)); nothing written")
            return
        }
        do {
            try AtomicFile.write(Array(text.utf8), to: path)
        } catch {
            throw CommandError(error.description, at: word)
        }
        notebook.confirm("wrote \(commands.count) command\(commands.count == 1 ? "" : "s") to \(Terminal.fileName(path))")
    }
}
