/// `add quote SPEAKER TEXT …`: words a person said or wrote, quoted from somewhere.
struct AddQuoteCommand: ShellCommand {
    static let name = "add quote"
    static let group = CommandGroup.entries
    static let usage = "add quote SPEAKER TEXT [from=POST] [date=DATE] [url=URL] [lang=LANG] [id=ID] [tag=T]… [source=ID]"
    static let summary = "Add a quote by a person, optionally from one of their posts."
    static let help = """
        Adds a quote by SPEAKER (an Id or @handle). from= names the post it comes from.
        The Id is the speaker's Id and a counter (prediktor-q1).
        """
    static let example = #"add quote prediktor "Ребята, вас просто поюзали." lang=ru date=2014-02-06"#
    static let arguments = [ArgumentSpec("SPEAKER", .person), ArgumentSpec("TEXT", .text)]
    static let options = [
        OptionSpec("from", .entry), OptionSpec("date", .date), OptionSpec("url", .word), OptionSpec("lang", .language),
        OptionSpec("id", .newId), OptionSpec("tag", .tag, repeatable: true), OptionSpec("source", .entry),
    ]
    static let changesCase = true
    static let adds: Kind? = .quote

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let speaker = try notebook.resolve(call.required(0), as: [.person])
        let text = call.required(1).text
        guard !text.isEmpty else { throw CommandError("a quote needs text", at: call.required(1)) }
        let id = try call.options.first("id").map { word throws(CommandError) in try notebook.newId(word) }
            ?? IdGenerator.quote(speaker: speaker.id, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var quote = Entry(kind: .quote, id: id, fields: [Field("Speaker", speaker.id), Field("Text", text)])
        if let word = call.options.first("from") { quote.set("Post", try notebook.resolve(word, as: [.post]).id) }
        if let word = call.options.first("date") { quote.set("Date", try notebook.isoDate(word)) }
        if let lang = try notebook.languageOf(call, text: text, for: id) { quote.set("Lang", lang) }
        try notebook.applyProvenance(call, to: &quote)
        notebook.put(quote)
        notebook.added(quote)
    }
}
