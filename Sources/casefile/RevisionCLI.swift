import ArgumentParser
import CasefileCore
import Foundation

/// `casefile revision FILE N`: an older revision, rebuilt from the session log.
struct RevisionCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision",
        abstract: "Write revision N of FILE, rebuilt by replaying its session records from an empty case.",
        discussion: """
            Each save records the commands that made it, with its author and time, so any \
            revision can be rebuilt byte for byte: `casefile revision dossier.rec 3 > r3.rec`. \
            First the whole log is replayed and compared with FILE; if FILE was edited by \
            hand (or its log starts after revision 1, or has gaps), nothing is written and \
            the exit status is 1. --check only does that comparison. --trust skips it and \
            replays up to N.

            Each save also seals its session record with a SHA-256 of the case as saved and \
            the hash of the case it started from (docs/FORMAT.md, "The session chain"). \
            --check verifies that chain first: when it holds from revision 1, the file is \
            what the last save wrote and every save started from the one before, and the \
            log is not replayed (--replay replays it all the same). When it is broken, the \
            log is replayed to name the first revision it no longer explains.
            """
    )

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Only check that replaying the log gives FILE.")
    var check = false

    @Flag(help: "Rebuild revision N without checking the rest of the log against FILE.")
    var trust = false

    @Flag(help: "With --check, replay the log even when the session chain holds.")
    var replay = false

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
        let chain: ChainCheck
        do {
            let input = try CaseInput(path: file)
            (loaded, chain) = try input.withBytes { bytes in
                let caseFile = try CaseReader.read(bytes: bytes, file: input.name, validate: false).caseFile
                return (caseFile, ChainCheck(caseFile, bytes: bytes))
            }
        } catch let error as LoadError {
            out.diagnostic(Terminal.visible(error.description))
            throw ExitStatus.of(error).exit
        } catch {
            out.diagnostic("casefile: \(Terminal.visible(String(describing: error)))")
            throw ExitStatus.trouble.exit
        }
        let name = Terminal.fileName(file)
        if check, chain.holds, chain.chainedFrom == 1, !replay {
            out.diagnostic("\(name): \(chain.summary): the file is what revision \(chain.latest) saved, and every save started from the one before")
            return
        }
        if check, !chain.holds { out.diagnostic("\(name): \(Terminal.visible(chain.summary))") }
        do {
            let replayed = try RevisionReplay(loaded, chain: chain)
            if check {
                try replayed.verify()
                out.diagnostic("\(name): the session log replays to the file (revisions 1…\(replayed.latest))")
                if let broken = chain.breaks.first {
                    out.diagnostic("\(name): but the chain does not vouch for it from revision \(broken.revision) on")
                    throw ExitStatus.no.exit
                }
                return
            }
            let bytes = try replayed.rebuild(revision: revision ?? replayed.latest, trust: trust)
            if let output {
                try AtomicFile.write(bytes, to: output)
                out.diagnostic("wrote revision \(revision ?? replayed.latest) of \(Terminal.fileName(file)) to \(Terminal.fileName(output))")
            } else {
                out.flush()
                bytes.withUnsafeBytes { OutputFailures.writeAll(1, $0) }
            }
        } catch let problem as ReplayProblem {
            if !check, !chain.holds, chain.chainedFrom != nil { out.diagnostic("\(name): \(Terminal.visible(chain.summary))") }
            out.diagnostic("\(name): \(Terminal.visible(problem.description))")
            var unexplained: CaseDiff?
            if case let .handEdits(_, diff, _) = problem { unexplained = diff }
            if case let .editedAfterLastSave(_, diff) = problem { unexplained = diff }
            if let diff = unexplained {
                out.diagnostic("what the log does not explain (replay → file):")
                for line in DiffRenderer().lines(diff).prefix(40) { out.diagnostic("  " + line) }
                out.diagnostic("hint: --trust rebuilds a revision from the log anyway, if you know the edits came later")
            }
            throw ExitStatus.no.exit
        } catch let status as ExitCode {
            throw status
        } catch let error as StorageError {
            out.diagnostic("casefile: \(Terminal.visible(error.description))")
            throw ExitStatus.trouble.exit
        }
    }
}
