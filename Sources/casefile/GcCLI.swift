import ArgumentParser
import CasefileCore
import Foundation

/// `casefile gc CASE`: removes stored evidence files that no revision of the case refers to.
struct GcCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc",
        abstract: "Prune evidence files no revision of the case refers to (asks first).",
        discussion: """
            A file is kept while the case's evidence records or any session's logged attach \
            refers to its hash, so every revision can still be replayed with its evidence. \
            Asks before deleting on a terminal; --yes deletes without asking, --dry-run only lists.
            """
    )

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Flag(help: "Delete without asking.")
    var yes = false

    @Flag(help: "List what would be deleted, delete nothing.")
    var dryRun = false

    func run() throws {
        guard let session = EvidenceSession(file: file) else { throw ExitCode(1) }
        defer { session.output.flush() }
        if let reason = session.cannotRecord, !dryRun {
            session.output.diagnostic("casefile: cannot prune the evidence of \(Terminal.visible(file)): \(Terminal.visible(reason))")
            throw ExitCode(1)
        }
        guard let store = session.notebook.evidenceStore else { throw ExitCode(1) }
        let garbage = EvidenceCollector.unreferenced(in: store, caseFile: session.notebook.caseFile,
                                                     sessionScript: session.notebook.caseFile.sessions.flatMap(\.commands))
        guard !garbage.isEmpty else {
            print("\(Terminal.visible(store.folder)): nothing to prune")
            return
        }
        let bytes = garbage.reduce(UInt64(0)) { $0 + $1.size }
        for file in garbage { print("  \(file.hash)  \(ByteSize.text(file.size))") }
        print("\(garbage.count) file\(garbage.count == 1 ? "" : "s") (\(ByteSize.text(bytes))) in \(Terminal.visible(store.folder)) no revision refers to")
        if dryRun { return }
        if !yes {
            guard isatty(0) == 1 else {
                FileHandleOutput.standardError.write("casefile: not deleted; give --yes to delete without asking\n")
                throw ExitCode(1)
            }
            print("delete them? [y/N] ", terminator: "")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                print("nothing deleted")
                return
            }
        }
        let removed = EvidenceCollector.remove(garbage, from: store)
        print("deleted \(removed) file\(removed == 1 ? "" : "s")")
        if removed < garbage.count { throw ExitCode(1) }
    }
}
