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
        if notebook.sourcing.contains(path) {
            throw CommandError("\(path) is already being sourced", at: word, hint: "a script cannot source itself")
        }
        let text: String
        do {
            let bytes = try FileBytes.read(path)
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw CommandError("\(path) is not valid UTF-8", at: word, hint: "re-encode it as UTF-8")
            }
            text = decoded
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
            throw CommandError(rendered: first + "\n(nothing from \(path) was kept)")
        }
        notebook.confirm("ran \(Plural.count(report.succeeded, "command")) from \(path)")
    }
}
