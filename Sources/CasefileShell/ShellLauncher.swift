import CasefileCore
import Foundation
import LineEditor

/// Starts the interactive shell on a case file: config, locale, line editor, history,
/// completion, signals, and a greeting that says what was opened.
public enum ShellLauncher {
    /// What the command line asked for.
    public struct Options: Sendable {
        /// Ignore the config file (tests use this).
        public var ignoresConfig = false
        /// Never page output.
        public var noPager = false

        /// Creates options.
        public init(ignoresConfig: Bool = false, noPager: Bool = false) {
            self.ignoresConfig = ignoresConfig
            self.noPager = noPager
        }
    }

    /// Runs the shell on `path` (a new case there when the file does not exist); returns the exit status.
    public static func run(path: String?, options: Options, environment: [String: String]) -> Int32 {
        var config = options.ignoresConfig ? ShellConfig() : ShellConfig.load(environment: environment)
        if options.noPager { config.pager = nil }
        let output = ShellOutput(colour: config.colour, pager: config.pager, environment: environment)
        for problem in config.problems { output.diagnostic(Terminal.visible("config: " + problem)) }
        let settings = Settings.fromEnvironment(environment, configuredName: config.name)
        let notebook = Notebook(output: output, settings: settings)
        // The notebook takes the lock of every file it opens or saves as (and gives up the last).
        notebook.locksFiles = true
        notebook.refreshesSavedSearchIndex = true
        if let path {
            do {
                let problems = try notebook.open(path: path)
                for problem in problems.prefix(20) { output.diagnostic(Terminal.visible("warning: " + problem.description)) }
                if problems.count > 20 { output.diagnostic("warning: … and \(problems.count - 20) more (casefile check \(Terminal.visible(path, keepNewlines: false)))") }
            } catch {
                output.diagnostic(Terminal.visible(error.description))
                if error.cannotRead?.isWrongKindOfFile == true { return 2 }
                output.diagnostic("casefile: cannot open \(Terminal.visible(path)); fix the file (casefile check shows every problem)")
                return 1
            }
        }
        if let path, let problem = notebook.lockProblem {
            output.diagnostic("note: \(Terminal.visible(path)) \(Terminal.visible(problem.description)); opened read-only")
        }
        defer { notebook.releaseLock() }
        output.diagnostic(greeting(notebook, path: path, width: output.width))
        if let pending = notebook.pendingJournal, notebook.readOnlyReason == nil {
            let count = pending.steps.count
            var text = "This case has unsaved work from a session that ended without saving: \(Plural.count(count, "command")) since \(pending.started)."
            if !pending.isWhole {
                text = "This case has a recovery journal (\(Terminal.visible(pending.path))) that casefile cannot read whole: "
                    + Terminal.visible(pending.problems.joined(separator: "; ")) + ". \(Plural.count(count, "command")) could be read."
            }
            if !notebook.journalMatchesFile(pending) { text += " The file was saved since, so check it first." }
            output.diagnostic(text + " Type recover to bring it back, recover --show to see it, or recover --discard to move it aside.")
        }
        var editorOptions = EditLineReader.Options()
        editorOptions.mode = config.editingMode == "vi" ? .vi : .emacs
        let history = History(path: History.defaultPath(environment: environment), capacity: config.historySize)
        let completer = ShellCompleter(notebook: notebook)
        let reader = LineReaders.standard(options: editorOptions, history: history, completer: completer,
                                          environment: environment)
        notebook.editor = ExternalEditor(environment: environment)
        notebook.isInterrupted = { Signals.interruptRequested }
        Signals.installInterruptHandler()
        cleanUpOnTermination(notebook) {
            output.flush()
            try? history.save()
        }
        let shell = Shell(notebook: notebook, reader: reader, output: output, history: history)
        if !options.ignoresConfig { shell.configPath = ShellConfig.path(environment: environment) }
        let status = shell.run()
        if !notebook.hasUnsavedChanges { notebook.discardJournal() }
        notebook.syncJournal()
        try? history.save()
        return status
    }

    /// What was opened, fitted to `width`: pieces joined by ` · ` are kept whole on a line
    /// where they fit, and a piece wider than the line wraps at its words.
    static func greeting(_ notebook: Notebook, path: String?, width: Int) -> String {
        let caseFile = notebook.caseFile
        var parts: [String] = []
        for kind in Kind.allCases where kind != .session {
            let count = caseFile.count(of: kind)
            if count > 0 { parts.append(Plural.count(count, kind)) }
        }
        let name = Terminal.visible(path ?? "a new case", keepNewlines: false)
        let title = caseFile.header.title.map { Terminal.visible($0, keepNewlines: false) } ?? ""
        let help = "type help for the commands"
        if caseFile.entries.isEmpty && caseFile.header.revision == 0 {
            let opened = path == nil ? ["a new case"] : [name + ": a new case, written when you save"]
            return (fitted(["casefile \(CasefileVersion.text)"] + opened + (title.isEmpty ? [] : [title]), width: width)
                + fitted([help] + (title.isEmpty ? ["case title=TEXT names it"] : []), width: width)).joined(separator: "\n")
        }
        var contents = ["revision \(caseFile.header.revision)", parts.joined(separator: ", ")].filter { !$0.isEmpty }
        if let chain = notebook.chain, chain.chainedFrom != nil, let broken = chain.firstBroken {
            contents.append("session chain broken at revision \(broken)")
        }
        return (fitted(["casefile \(CasefileVersion.text)", name] + (title.isEmpty ? [] : [title]), width: width)
            + fitted(contents + [help], width: width)).joined(separator: "\n")
    }

    /// `pieces` joined by ` · ` into lines of at most `width` columns.
    static func fitted(_ pieces: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            let joined = line.isEmpty ? piece : line + " · " + piece
            if TextWidth.of(joined) <= width {
                line = joined
                continue
            }
            if !line.isEmpty { lines.append(line) }
            let wrapped = TextWidth.wrap(piece, width: width)
            lines += wrapped.dropLast()
            line = wrapped.last ?? ""
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// The version casefile reports.
public enum CasefileVersion {
    /// `0.1.0`.
    public static let text = "0.1.0"
}
