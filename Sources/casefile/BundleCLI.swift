import ArgumentParser
import CasefileCore

/// `casefile bundle CASE OUT.zip`: the case, its evidence and SHA256SUMS, for a reviewer.
struct BundleCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write the case, its evidence and a SHA256SUMS manifest into OUT.zip, for a reviewer.",
        discussion: """
            The evidence is verified first (a bundle of damaged evidence is refused), the export \
            is recorded as a custody event of every piece of evidence and saved, then the ZIP is \
            written. Unpacked, `sha256sum -c SHA256SUMS` and `casefile verify CASE` check it.
            """
    )

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(help: "The ZIP to write (it must not exist).", completion: .file(extensions: ["zip"]))
    var output: String

    func run() throws {
        guard let session = EvidenceSession(file: file) else { throw ExitCode(1) }
        defer { session.output.flush() }
        if let reason = session.cannotRecord {
            session.output.diagnostic("casefile: cannot bundle \(Terminal.visible(file)): \(Terminal.visible(reason))")
            session.output.diagnostic("  hint: a bundle is recorded in the case's chain of custody; close the other casefile or make the case writable")
            throw ExitCode(1)
        }
        let results = try session.notebook.verifyEvidence()
        let bad = results.filter { !$0.isOK }
        if !bad.isEmpty {
            for line in FixityReport.lines(bad) { session.output.diagnostic(Terminal.visible(line)) }
            session.output.diagnostic("casefile: not bundled: \(bad.count) piece\(bad.count == 1 ? "" : "s") of evidence not as recorded")
            session.output.diagnostic("  hint: run casefile verify \(Terminal.visible(file)); restore the files, or detach what is lost")
            throw ExitCode(1)
        }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        let ids = results.map(\.record.id)
        if !ids.isEmpty {
            let line = (["custody", Quoting.word("bundled into \(name)")] + ids.map(Quoting.word)).joined(separator: " ")
            guard session.run(line), session.save(message: "bundle \(name)") else { throw ExitCode(1) }
        }
        let records = session.notebook.caseFile.orderedIds(of: .evidence).compactMap {
            session.notebook.caseFile[$0].flatMap(EvidenceRecord.init)
        }
        do {
            try EvidenceBundle.write(casePath: file, records: records, to: output)
        } catch {
            session.output.diagnostic("casefile: \(Terminal.visible(error.description))")
            session.output.diagnostic("  hint: \(error.hint)")
            throw ExitCode(1)
        }
        print("\(Terminal.visible(output)): the case, \(Set(records.map(\.sha256)).count) evidence files and SHA256SUMS")
    }
}
