/// `custody TEXT EVIDENCE…`: adds an event to evidence's chain of custody.
struct CustodyCommand: ShellCommand {
    static let name = "custody"
    static let group = CommandGroup.files
    static let usage = "custody TEXT EVIDENCE… [by=WHO] [at=DATETIME]"
    static let summary = "Add an event (handed over, copied, sealed) to the chain of custody of evidence."
    static let help = """
        Adds TEXT, stamped with the time and your name, to each EVIDENCE's custody events.
        attach, verify and casefile bundle add theirs by themselves; use this for what
        happens outside casefile ("handed to the rapporteur on USB drive 17").
        """
    static let example = #"custody "copied to the court's USB drive 17" extremkz-2014-02-04-e1"#
    static let arguments = [ArgumentSpec("TEXT", .text), ArgumentSpec("EVIDENCE", .entry, repeating: true)]
    static let options = [OptionSpec("by", .text), OptionSpec("at", .date)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let text = call.required(0).text.replacingOccurrences(of: "\n", with: " ")
        guard !text.isEmpty else { throw CommandError("a custody event needs text", at: call.required(0)) }
        var ids: [String] = []
        for word in call.positionals.dropFirst() {
            ids.append(try notebook.resolve(word, as: [.evidence]).id)
        }
        var at = notebook.settings.now()
        if let word = call.options.first("at") {
            guard ISODate.isValid(word.text) else {
                throw CommandError("'\(word.text)' is not an ISO date-time", at: word, hint: "write 2014-02-05T12:00:00Z")
            }
            at = word.text
        }
        notebook.addCustody(text, to: ids, at: at, by: call.option("by") ?? notebook.settings.userName)
        notebook.confirm("custody event added to \(ids.joined(separator: ", "))")
    }
}
