import CasefileCore
import Foundation
import LineEditor

/// The interactive shell: reads lines (gathering here-documents, open quotes and
/// continued lines), runs them on the notebook, shows errors, and guards unsaved work
/// on Ctrl-D and quit.
public final class Shell {
    /// The notebook the shell drives.
    public let notebook: Notebook
    let reader: LineReader
    let output: ShellOutput
    let history: History?

    /// A shell reading from `reader`.
    public init(notebook: Notebook, reader: LineReader, output: ShellOutput, history: History?) {
        self.notebook = notebook
        self.reader = reader
        self.output = output
        self.history = history
    }

    /// The prompt: the case's name, `*` when there are unsaved changes, the number of entries.
    public var prompt: Prompt {
        let name = Terminal.visible(notebook.displayName, keepNewlines: false)
        let dirty = notebook.hasUnsavedChanges
        let mark = dirty ? "*" : ""
        let count = notebook.caseFile.entries.count
        // One escape sequence between each pair of visible runs: libedit's prompt
        // markers toggle, so two sequences back to back would invert them.
        let main = output.usesColour
            ? "\u{1b}[1m" + name + (dirty ? "\u{1b}[0;33m*" : "") + "\u{1b}[0m \(count)> "
            : name + mark + " \(count)> "
        let pad = String(repeating: " ", count: max(0, TextWidth.of(name) + (mark.isEmpty ? 0 : 1) + String(count).count - 1))
        return Prompt(main, continuation: pad + "…> ")
    }

    /// Runs until quit or end of input; returns the exit status.
    public func run() -> Int32 {
        var buffer = ""
        // While a here-document or a quote is open, only a line holding its tag or quote can
        // end it: lexing the whole buffer again for every other line made a long paste quadratic.
        var awaiting: Awaited?
        while !notebook.wantsToQuit {
            output.flush()
            var current = prompt
            if !buffer.isEmpty { current = current.continued }
            switch reader.readLine(prompt: current) {
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                if let awaited = awaiting, !awaited.mayEnd(line) { continue }
                let lexed = Lexer.lex(buffer)
                if lexed.isIncomplete {
                    awaiting = lexed.awaiting
                    continue
                }
                awaiting = nil
                let text = buffer
                buffer = ""
                if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                Signals.interruptRequested = false
                for error in notebook.runInteractive(text) { showError(error) }
                output.flush()
                Signals.exitIfTerminationRequested()
            case .interrupted:
                buffer = ""
                awaiting = nil
            case .endOfInput:
                if !buffer.isEmpty {
                    buffer = ""
                    awaiting = nil
                    output.diagnostic("(the unfinished command was dropped)")
                }
                if confirmLeaving() { notebook.wantsToQuit = true }
            }
        }
        output.flush()
        return 0
    }

    func showError(_ text: String) {
        var shown = text
        if output.usesColour, let range = shown.range(of: "error:") {
            shown.replaceSubrange(range, with: output.styled("error:", "1;31"))
        }
        output.diagnostic(shown)
    }

    /// On Ctrl-D with unsaved changes: save, discard or cancel. True to leave.
    func confirmLeaving() -> Bool {
        guard notebook.hasUnsavedChanges else { return true }
        let count = notebook.unsavedChanges.count
        while true {
            output.diagnostic("\(Plural.count(count, "unsaved change")) in \(Terminal.visible(notebook.displayName, keepNewlines: false)).")
            switch reader.readLine(prompt: Prompt("[s]ave, [d]iscard, or [c]ancel? ")) {
            case .line(let answer):
                switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
                case "s", "save":
                    for error in notebook.runInteractive("save") { showError(error) }
                    output.flush()
                    if !notebook.hasUnsavedChanges { return true }
                    return false
                case "d", "discard":
                    notebook.discardJournal()
                    return true
                case "c", "cancel", "": return false
                default: continue
                }
            case .interrupted: return false
            case .endOfInput: return true
            }
        }
    }
}
