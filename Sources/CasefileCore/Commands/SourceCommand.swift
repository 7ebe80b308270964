import Foundation

/// `source SCRIPT`: runs a script's commands in this case, as one undoable change.
struct SourceCommand: ShellCommand {
    static let name = "source"
    static let aliases = ["."]
    static let group = CommandGroup.files
    static let usage = "source SCRIPT"
    static let summary = "Run the commands of a script file; stops at the first error and takes back what it did."
    static let help = """
        Runs SCRIPT's commands here. If one fails, the error is shown with the script's
        line and column and everything the script did is taken back. A whole script is
        undone with one undo.
        """
    static let example = "source Examples/kazakh-bloggers/build.cf"
    static let arguments = [ArgumentSpec("SCRIPT", .path)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let word = call.required(0)
        let path = word.text
        // Compared as the files they name: `./a.cf` and `a.cf` are one script.
        let identity = Self.identity(of: path)
        if let outer = notebook.sourcing.first(where: { Self.identity(of: $0) == identity }) ?? notebook.runningScript.flatMap({
            Self.identity(of: $0) == identity ? $0 : nil
        }) {
            throw CommandError("\(Terminal.fileName(path)) is already being run (as \(Terminal.fileName(outer))): sourcing it here would loop forever", at: word,
                               hint: "a script cannot source itself, directly or through another script")
        }
        if notebook.sourcing.count >= Self.maxDepth {
            throw CommandError("scripts are sourced \(Self.maxDepth) levels deep here: \(Terminal.fileName(path)) would be one more", at: word,
                               hint: "source at most \(Self.maxDepth) scripts inside each other")
        }
        let text: String
        do {
            text = try ScriptText.decode(try FileBytes.read(path), name: path)
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError(String(describing: error), at: word)
        }
        notebook.sourcing.append(path)
        // As in `casefile run`, a script's commands run quietly: a hundred "added …" lines
        // would bury the one line that matters, and on an error none of them would be true.
        let showed = notebook.showsConfirmations
        notebook.showsConfirmations = false
        let report = notebook.runScript(text, name: path)
        notebook.showsConfirmations = showed
        notebook.sourcing.removeLast()
        if let first = report.errors.first {
            throw CommandError(rendered: first + "\n(nothing from \(Terminal.fileName(path)) was kept)")
        }
        notebook.confirm("ran \(report.succeeded) command\(report.succeeded == 1 ? "" : "s") from \(Terminal.fileName(path))")
    }

    /// How many scripts may be sourced inside each other (sqlite3 allows 25 `.read` levels):
    /// each level is a level of recursion, and thousands would overflow the stack.
    static let maxDepth = 25

    /// The file `path` names (its real path), or `path` itself when it cannot be resolved.
    static func identity(of path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
