import ArgumentParser
import CasefileCore

/// `casefile verify CASE [ENTRY…]`: re-hashes the case's evidence; exit 1 if any is not ok.
struct VerifyCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash the case's evidence: each ok, changed (old and new hash) or missing; exit 1 if any is not ok.",
        discussion: """
            The outcomes are saved in the case as custody events (a new revision) unless \
            --no-record is given or the case cannot be written (then it says so). Works on an \
            unpacked bundle.
            """
    )

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(help: "Entries or evidence Ids to verify (all evidence when none).")
    var entries: [String] = []

    @Flag(help: "Verify without recording the outcome in the case.")
    var noRecord = false

    func run() throws {
        guard let session = EvidenceSession(file: file) else { throw ExitCode(1) }
        defer { session.output.flush() }
        let line = (["verify"] + entries.map(Quoting.word)).joined(separator: " ")
        guard session.run(line) else { throw ExitCode(1) }
        let results = session.notebook.lastVerification
        if !results.isEmpty {
            if noRecord {
                session.output.diagnostic("not recorded in the case (--no-record)")
            } else if let reason = session.cannotRecord {
                session.output.diagnostic("not recorded in the case: \(Terminal.visible(reason))")
            } else if !session.save(message: "verify: " + FixityReport.tally(results)) {
                throw ExitCode(1)
            }
        }
        if results.contains(where: { !$0.isOK }) { throw ExitCode(1) }
    }
}
