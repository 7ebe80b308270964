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
    /// The config file a name given at the first save may be written to.
    public var configPath: String?
    /// Whether the name was asked for already this session.
    var askedForName = false

    /// A shell reading from `reader`.
    public init(notebook: Notebook, reader: LineReader, output: ShellOutput, history: History?) {
        self.notebook = notebook
        self.reader = reader
        self.output = output
        self.history = history
    }

    /// The prompt: the case's title (cut at a word), its file's name, `*` when there are
    /// unsaved changes, the number of entries: `Kazakh bloggers… · kb* 31> `.
    public var prompt: Prompt {
        let name = Terminal.visible(notebook.displayName, keepNewlines: false)
        let dirty = notebook.hasUnsavedChanges
        let mark = dirty ? "*" : ""
        let count = notebook.caseFile.entries.count
        // The title goes first, so the name and the count stay where the eye expects them;
        // a case without a file is already named by its title.
        var title = ""
        if notebook.path != nil, let full = notebook.caseFile.header.title {
            // The part before a colon or dash is the title's head: `Yegor Zhukov: a student…`.
            let head = full.split(separator: ":", maxSplits: 1).first.map(String.init) ?? full
            let short = head.components(separatedBy: " — ").first ?? head
            let room = min(28, max(8, output.width / 5))
            title = TextWidth.snippet(Terminal.visible(short.trimmingCharacters(in: .whitespaces), keepNewlines: false), to: room)
            title = title.isEmpty ? "" : title + " · "
        }
        // One escape sequence between each pair of visible runs: libedit's prompt
        // markers toggle, so two sequences back to back would invert them.
        let main = output.usesColour
            ? title + "\u{1b}[1m" + name + (dirty ? "\u{1b}[0;33m*" : "") + "\u{1b}[0m \(count)> "
            : title + name + mark + " \(count)> "
        let visibleWidth = TextWidth.of(title) + TextWidth.of(name) + mark.count + String(count).count + 2
        let pad = String(repeating: " ", count: max(0, visibleWidth - 3))
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
                askForName(before: text)
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
        var shown = ErrorLayout.fit(text, width: output.width)
        if output.usesColour, let range = shown.range(of: "error:") {
            shown.replaceSubrange(range, with: output.styled("error:", "1;31"))
        }
        output.diagnostic(shown)
    }
}
