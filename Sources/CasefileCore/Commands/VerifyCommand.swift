/// `verify [ENTRY…]`: re-hashes evidence and records each outcome in its chain of custody.
struct VerifyCommand: ShellCommand {
    static let name = "verify"
    static let group = CommandGroup.files
    static let usage = "verify [ENTRY…]"
    static let summary = "Re-hash evidence: report each as ok, changed (old and new hash) or missing; record the outcome."
    static let help = """
        Re-hashes every attachment (or those of the ENTRYs named: an entry's evidence, or
        evidence Ids) and compares it with the recorded SHA-256; a WACZ's own declared hashes
        are checked too. Each outcome becomes a custody event of its evidence (when, who,
        what was found), saved with the case. casefile verify CASE does the same from the
        command line and exits 1 when any is not ok.
        """
    static let example = "verify extremkz-2014-02-04"
    static let arguments = [ArgumentSpec("ENTRY", .entry, optional: true, repeating: true)]
    static let options = [OptionSpec("by", .text), OptionSpec("at", .date)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var ids: [String] = []
        for word in call.positionals {
            let entry = try notebook.resolve(word)
            if entry.kind == .evidence {
                ids.append(entry.id)
            } else {
                let found = notebook.evidence(on: entry.id)
                guard !found.isEmpty else {
                    throw CommandError("\(entry.id) has no evidence", at: word, hint: "attach files with: attach \(entry.id) FILE")
                }
                ids += found.map(\.id)
            }
        }
        if !call.positionals.isEmpty && ids.isEmpty { return }
        let results = try notebook.verifyEvidence(ids)
        for line in FixityReport.lines(results) { notebook.say(line) }
        notebook.recordVerification(results, at: call.option("at") ?? notebook.settings.now(),
                                    by: call.option("by") ?? notebook.settings.userName)
        notebook.lastVerification = results
    }
}
