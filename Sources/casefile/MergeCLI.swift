import ArgumentParser
import CasefileCore
import Foundation

/// `casefile merge BASE OURS THEIRS`: a three-way, entry-level merge (a git merge driver).
struct MergeCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two descendants of a case file entry by entry (for git: a merge driver).",
        discussion: """
            Takes OURS, adds THEIRS' changes since BASE where they touch other entries, links \
            and notes. The log stays one that replays: ours' session records, then one merge \
            session whose commands make the merged case from ours (its message names theirs' \
            revisions and the conflicts), so revision --check passes on the result. A record \
            both sides changed differently is a conflict: ours is kept, the conflict is named \
            on standard error, and the exit status is 1 (so is a merged case with dangling \
            references). With git:
              .gitattributes:  *.rec diff=casefile merge=casefile
              git config merge.casefile.driver 'casefile merge %O %A %B -o %A'
            """
    )

    @Option(name: .shortAndLong, help: "Write the merged case here (git: %A) instead of standard output.")
    var output: String?

    @Argument(help: "The common ancestor.", completion: .file(extensions: ["rec"]))
    var base: String

    @Argument(help: "Our version.", completion: .file(extensions: ["rec"]))
    var ours: String

    @Argument(help: "Their version.", completion: .file(extensions: ["rec"]))
    var theirs: String

    func run() throws {
        let out = StandardOutput(environment: ProcessInfo.processInfo.environment)
        defer { out.flush() }
        var cases: [CaseFile] = []
        for path in [base, ours, theirs] {
            do {
                let input = try CaseInput(path: path)
                cases.append(try input.withBytes { bytes in
                    try CaseReader.read(bytes: bytes, file: input.name, validate: false).caseFile
                })
            } catch {
                out.diagnostic("casefile merge: \(Terminal.visible(String(describing: error)))")
                throw ExitStatus.trouble.exit
            }
        }
        let merge = CaseMerge(base: cases[0], ours: cases[1], theirs: cases[2])
        var problems = merge.conflicts.map { "CONFLICT: " + $0 }
        // The merged file's log must explain it: one more session, on top of ours, whose
        // commands make the merge (see CaseMerge.withMergeSession).
        let settings = Settings.fromEnvironment(ProcessInfo.processInfo.environment)
        let logged = merge.withMergeSession(ours: cases[1], base: cases[0], theirs: cases[2], settings: settings)
        if logged == nil {
            problems.append("the merge could not be written as commands: its session log does not explain it (casefile revision --check says from where)")
        }
        let bytes = CaseWriter.bytes(of: logged ?? merge.merged)
        if let result = try? bytes.withUnsafeBufferPointer({ try CaseReader.read(bytes: $0, file: "merged", validate: true) }) {
            problems += result.diagnostics.filter { $0.severity == .error }.map { "after the merge: " + $0.message }
        }
        do {
            if let output {
                try AtomicFile.write(bytes, to: output)
            } else {
                out.flush()
                bytes.withUnsafeBytes { OutputFailures.writeAll(1, $0) }
            }
        } catch {
            out.diagnostic("casefile merge: \(Terminal.visible(String(describing: error)))")
            throw ExitStatus.trouble.exit
        }
        for problem in problems { out.diagnostic(Terminal.visible(problem, keepNewlines: false)) }
        if !problems.isEmpty { throw ExitStatus.no.exit }
    }
}
