#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `open FILE`: switches to another case file.
struct OpenCaseCommand: ShellCommand {
    static let name = "open"
    static let group = CommandGroup.files
    static let usage = "open FILE"
    static let summary = "Open another case file (a new case if it does not exist yet)."
    static let example = "open dossier.rec"
    static let arguments = [ArgumentSpec("FILE", .path)]
    static let readsCase = false

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        try notebook.refuseToDropChanges(call)
        let word = call.required(0)
        if notebook.keepsFile, let path = notebook.path {
            throw CommandError("a replay works on \(Terminal.fileName(path)) and saves it at the end; it cannot open another file", at: word,
                               hint: "replay this script on that file instead: casefile run \(word.text) SCRIPT")
        }
        do {
            let problems = try notebook.open(path: word.text)
            for problem in problems { notebook.remark("warning: " + problem.description) }
        } catch {
            throw CommandError("cannot open \(word.text)", at: word,
                               hint: error.diagnostics.prefix(5).map(\.description).joined(separator: "\n  "))
        }
        notebook.confirm("opened \(notebook.displayName): \(Plural.count(notebook.caseFile.entries.count, "entry"))" +
                     (notebook.caseFile.entries.isEmpty ? " (new case)" : ""))
    }
}

/// `new [TITLE]`: an empty case.
struct NewCaseCommand: ShellCommand {
    static let name = "new"
    static let group = CommandGroup.files
    static let usage = "new [TITLE]"
    static let summary = "Start a new, empty case (save it with save --as FILE)."
    static let example = #"new "Kazakh bloggers""#
    static let arguments = [ArgumentSpec("TITLE", .text, optional: true)]
    static let readsCase = false

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        try notebook.refuseToDropChanges(call)
        // A case opened on a file that does not exist yet keeps that file: `casefile run
        // new.rec build.cf` with `new "Title"` at the top saves to new.rec.
        let keepPath = notebook.path.map { access($0, F_OK) != 0 } ?? false
        if notebook.keepsFile, !keepPath, let path = notebook.path {
            throw CommandError("\(Terminal.fileName(path)) already holds a case, and a replay saves into it", at: call.nameWords.first,
                               hint: "replay into a file that does not exist yet, or take new out of the script")
        }
        notebook.replaceCase(CaseFile(title: call.word(0)?.text), path: keepPath ? notebook.path : nil, hash: nil)
        notebook.confirm("new case" + (call.word(0).map { ": \($0.text)" } ?? ""))
    }
}

extension Notebook {
    /// Refuses a command that would drop unsaved changes.
    func refuseToDropChanges(_ call: Invocation) throws(CommandError) {
        if nestingDepth > 0 {
            throw CommandError("\(call.nameWords.map(\.text).joined(separator: " ")) cannot run inside a sourced script",
                               at: call.nameWords.first)
        }
        if hasUnsavedChanges {
            throw CommandError("the case has unsaved changes", at: call.nameWords.first,
                               hint: "save them first (save), or undo them")
        }
    }
}
