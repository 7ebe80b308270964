import ArgumentParser
import CasefileCore
import CasefileShell
import Foundation

/// `casefile run FILE SCRIPT...`: replays scripts against a case file, then saves.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay command scripts against FILE, then save it (a new case if FILE does not exist yet).",
        discussion: """
            Stops at the first error, printing SCRIPT:LINE:COL, the line and a caret, and saves \
            nothing. With --keep-going every error is reported, what succeeded is saved, and the \
            exit status is 1. `-` reads a script from standard input.
            """
    )

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(help: "Scripts to replay, in order; - is standard input.", completion: .file(extensions: ["cf"]))
    var scripts: [String] = ["-"]

    @Flag(help: "Run the rest after an error and report every error.")
    var keepGoing = false

    @Flag(help: "Run everything but write nothing: a save or history --write says what it would write.")
    var dryRun = false

    @Flag(help: "Print each command before it runs.")
    var echo = false

    @Flag(name: .shortAndLong, help: "Show what each command did (added …, linked …) and language guesses.")
    var verbose = false

    @Option(name: .shortAndLong, help: "The message of the session record written by the final save.")
    var message: String?

    @Flag(name: .shortAndLong, help: "Count language guesses in one summary line instead of one line each.")
    var quiet = false

    func run() throws {
        let status = ScriptReplay(file: file, scripts: scripts, keepGoing: keepGoing, dryRun: dryRun, echo: echo,
                                  verbose: verbose, message: message, quiet: quiet).run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The replay shared by `casefile run` and `casefile FILE < script`.
struct ScriptReplay {
    var file: String
    var scripts: [String]
    var keepGoing = false
    var dryRun = false
    var echo = false
    var verbose = false
    var message: String?
    var quiet = false
    /// Commands to run instead of script files (`casefile import` builds its command line).
    var commands: String?

    /// Runs the scripts; returns the exit status.
    func run() -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let output = StandardOutput(environment: environment)
        defer { output.flush() }
        let notebook = Notebook(output: output, settings: Settings.fromEnvironment(environment))
        notebook.showsConfirmations = verbose
        notebook.guessReporting = quiet ? .count : .each
        defer {
            if quiet && notebook.guessCount > 0 {
                let count = notebook.guessCount
                output.diagnostic("\(count) language\(count == 1 ? " was" : "s were") guessed (run without --quiet to see each; give lang= to set them)")
            }
        }
        // A script file is its own journal: if the replay is killed, running it again gives
        // the same case, so journaling it would only cost a write per command. Commands
        // read from standard input cannot be read again: those are journaled, and a killed
        // replay is recovered like a killed shell.
        notebook.journaling = scripts.contains("-") && !dryRun
        notebook.dryRun = dryRun
        notebook.keepsFile = true
        notebook.locksFiles = true
        defer { notebook.releaseLock() }
        ReplaySignals.install(notebook)
        do {
            let problems = try notebook.open(path: file)
            for problem in problems { output.diagnostic(Terminal.visible("warning: " + problem.description)) }
        } catch {
            output.diagnostic(Terminal.visible(error.description))
            return ExitStatus.of(error).rawValue
        }
        switch notebook.lockProblem {
        case .held(let holder)?:
            output.diagnostic("casefile: \(Terminal.fileName(file)) is open in another casefile (\(holder.description)); try again when it is closed")
            return 1
        case let problem?:
            output.diagnostic("casefile: \(Terminal.fileName(file)) \(Terminal.visible(problem.description)); nothing was replayed")
            return 1
        case nil: break
        }
        if let pending = notebook.pendingJournal {
            let damage = pending.isWhole ? "" : "; it cannot be read whole: " + pending.problems.joined(separator: "; ")
            output.diagnostic("casefile: \(Terminal.fileName(file)) has unsaved work from an earlier session (\(Terminal.fileName(pending.path)), \(Plural.count(pending.steps.count, "command"))\(Terminal.visible(damage)))")
            output.diagnostic("  hint: open it with casefile \(Terminal.fileName(file)) and type recover --show, then recover (or recover --discard, which moves it aside)")
            return 1
        }
        var failed = false
        for script in commands == nil ? scripts : ["<command line>"] {
            let text: String
            if let commands {
                text = commands
            } else {
                guard let data = read(script, output: output) else { return ExitStatus.trouble.rawValue }
                guard let decoded = decode(data, script, output: output) else { return ExitStatus.no.rawValue }
                text = decoded
            }
            notebook.runningScript = commands != nil || script == "-" ? nil : script
            let report = notebook.runScript(text, name: script == "-" ? "<stdin>" : script,
                                            options: ScriptOptions(keepGoing: keepGoing, echo: echo))
            // SIGTERM, SIGHUP or Ctrl-C stopped the script between two commands: leave now,
            // keeping the journal (standard input cannot be read again) and not the lock.
            ReplaySignals.exitIfRequested()
            for error in report.errors { output.diagnostic(error) }
            if !report.errors.isEmpty {
                failed = true
                if !keepGoing {
                    notebook.discardJournal()
                    output.diagnostic("\(Terminal.fileName(file)): not saved (the script stopped at an error)")
                    return 1
                }
            }
            if report.quit {
                // `quit!` in a script drops its unsaved changes, as in the shell.
                if notebook.hasUnsavedChanges {
                    notebook.discardJournal()
                    output.diagnostic("\(Terminal.fileName(file)): not saved (the script ended with quit!)")
                }
                return failed ? 1 : 0
            }
        }
        if dryRun {
            notebook.discardJournal()
            let count = notebook.unsavedChanges.count
            output.diagnostic("dry run: \(Plural.count(count, "change")) not saved")
        } else if notebook.hasUnsavedChanges {
            ReplaySignals.exitIfRequested()
            notebook.showsConfirmations = true
            do { try notebook.save(message: message) } catch {
                // The shell's hint ("your changes are still here") is not true of a run that ends here.
                let lost = CommandError(error.message, at: error.word,
                                        hint: "\(file) was not changed; the commands of this run were not saved: fix the problem, then run the same scripts again")
                output.diagnostic(ErrorRenderer.render(lost, file: nil, source: ""))
                return 1
            }
        }
        // `import --keep-going` saved the readable records; the file still had bad ones.
        return failed || notebook.badRecordsSkipped > 0 ? 1 : 0
    }

    /// The script's text, or nil (after a located error) when it is not UTF-8: an error in
    /// the script, not in the command line.
    private func decode(_ data: Data, _ script: String, output: StandardOutput) -> String? {
        do {
            return try ScriptText.decode(Array(data), name: script == "-" ? "<stdin>" : script)
        } catch {
            output.diagnostic(ErrorRenderer.render(error, file: nil, source: ""))
            return nil
        }
    }

    private func read(_ script: String, output: StandardOutput) -> Data? {
        let data: Data
        do {
            // A script is read whole, as a stream if it is one (`-`, `<(…)`); never a case.
            data = Data(try FileBytes.read(script))
        } catch {
            let reason: String
            if case let .cannotOpen(_, code) = error { reason = String(cString: strerror(code)) } else {
                reason = error.description
            }
            output.diagnostic("casefile: cannot read script \(Terminal.fileName(script)): \(Terminal.visible(reason))")
            return nil
        }
        return data
    }
}
