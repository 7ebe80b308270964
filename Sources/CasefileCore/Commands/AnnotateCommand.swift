/// `annotate ID TEXT`: a timestamped, attributed note on an entry.
struct AnnotateCommand: ShellCommand {
    static let name = "annotate"
    static let aliases = ["note"]
    static let group = CommandGroup.relations
    static let usage = "annotate ID TEXT [by=WHO] [at=DATETIME]"
    static let summary = "Add a note to an entry, stamped with the time and your name."
    static let help = """
        Adds a note on ID. by= defaults to your configured name, then $CASEFILE_USER, then
        $USER; the time is now (or SOURCE_DATE_EPOCH when set). at= sets the time, so the
        session log can replay notes exactly.
        """
    static let example = #"annotate extremkz-2014-02-04 "Tweeted a day before the meeting""#
    static let arguments = [ArgumentSpec("ID", .entry), ArgumentSpec("TEXT", .text)]
    static let options = [OptionSpec("by", .text), OptionSpec("at", .date)]
    static let changesCase = true
    static let adds: Kind? = .note

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let entry = try notebook.resolve(call.required(0))
        let text = call.required(1).text
        guard !text.isEmpty else { throw CommandError("a note needs text", at: call.required(1)) }
        let by = call.option("by") ?? notebook.settings.userName
        var at = notebook.settings.now()
        if let word = call.options.first("at") {
            guard ISODate.isValid(word.text) else {
                throw CommandError("'\(word.text)' is not an ISO date-time", at: word, hint: "write 2014-02-05T12:00:00Z")
            }
            at = word.text
        }
        let key = NoteKey(on: entry.id, at: at, by: by, text: text)
        if notebook.caseFile.notes[key] != nil {
            notebook.confirm("that note is already on \(entry.id)")
            return
        }
        notebook.put(Note(key))
        notebook.log.loggedSource = "annotate \(Quoting.word(entry.id)) \(Quoting.word(text)) by=\(Quoting.word(by)) at=\(at)"
        notebook.confirm("noted on \(entry.id)")
    }
}
