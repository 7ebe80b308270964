import ArgumentParser
import CasefileCore
import Foundation

/// `casefile revision FILE N`: an older revision, rebuilt from the session log.
struct RevisionCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision",
        abstract: "Write revision N of FILE, rebuilt by replaying its session records from an empty case.",
        discussion: """
            Each save records the commands that made it, with its author and time, so any
            revision can be rebuilt byte for byte: `casefile revision dossier.rec 3 > r3.rec`.
            First the whole log is replayed and compared with FILE; if FILE was edited by
            hand (or its log starts after revision 1, or has gaps), nothing is written and
            the exit status is 1. --check only does that comparison. --trust skips it and
            replays up to N.
            """
    )

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Only check that replaying the log gives FILE.")
    var check = false

    @Flag(help: "Rebuild revision N without checking the rest of the log against FILE.")
    var trust = false

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(help: "The revision to rebuild (1 is the first save).")
    var revision: Int?

    func validate() throws {
        if !check && revision == nil { throw ValidationError("which revision? casefile revision FILE N") }
        if let revision, revision < 1 { throw ValidationError("revisions start at 1") }
    }

    func run() throws {
        let out = StandardOutput(environment: ProcessInfo.processInfo.environment)
        defer { out.flush() }
        let loaded: CaseFile
        do {
            loaded = try CaseReader.load(path: file).caseFile
        } catch let error as LoadError {
            out.diagnostic(Terminal.visible(error.description))
            throw ExitStatus.of(error).exit
        }
        do {
            let replay = try RevisionReplay(loaded)
            if check {
                try replay.verify()
                out.diagnostic("\(Terminal.fileName(file)): the session log replays to the file (revisions 1…\(replay.latest))")
                return
            }
            let bytes = try replay.rebuild(revision: revision ?? replay.latest, trust: trust)
            if let output {
                try AtomicFile.write(bytes, to: output)
                out.diagnostic("wrote revision \(revision ?? replay.latest) of \(Terminal.fileName(file)) to \(Terminal.fileName(output))")
            } else {
                out.flush()
                bytes.withUnsafeBytes { OutputFailures.writeAll(1, $0) }
            }
        } catch let problem as ReplayProblem {
            out.diagnostic("\(Terminal.fileName(file)): \(Terminal.visible(problem.description))")
            if case let .handEdits(_, diff, _) = problem {
                out.diagnostic("what the log does not explain (replay → file):")
                for line in DiffRenderer().lines(diff).prefix(40) { out.diagnostic("  " + line) }
                out.diagnostic("hint: --trust rebuilds a revision from the log anyway, if you know the edits came later")
            }
            throw ExitStatus.no.exit
        } catch let error as StorageError {
            out.diagnostic("casefile: \(Terminal.visible(error.description))")
            throw ExitStatus.trouble.exit
        }
    }
}
