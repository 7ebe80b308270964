/// `add source TITLE …`: where entries were found (an article, a report, an archive).
struct AddSourceCommand: ShellCommand {
    static let name = "add source"
    static let group = CommandGroup.entries
    static let usage = "add source TITLE [url=URL] [published=DATE] [retrieved=DATE] [id=ID] [tag=T]…"
    static let summary = "Add a source: where entries were found."
    static let help = """
        Adds a source. Its Id is a slug of the title unless you give id=. Other entries
        name it with source=ID.
        """
    static let example = #"add source "Some Kazakh Bloggers Dine With Mayor" url=https://advox.globalvoices.org/… published=2014-02-08"#
    static let arguments = [ArgumentSpec("TITLE", .text)]
    static let options = [
        OptionSpec("url", .word), OptionSpec("published", .date), OptionSpec("retrieved", .date), OptionSpec("id", .newId),
        OptionSpec("tag", .tag, repeatable: true),
    ]
    static let changesCase = true
    static let adds: Kind? = .source

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let title = call.required(0).text.trimmingCharacters(in: " \t")
        guard !title.isEmpty else { throw CommandError("a source needs a title", at: call.required(0)) }
        let id = try call.options.first("id").map { word throws(CommandError) in try notebook.newId(word) }
            ?? IdGenerator.source(title: title, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var source = Entry(kind: .source, id: id, fields: [Field("Title", title)])
        if let word = call.options.first("published") { source.set("Published", try notebook.isoDate(word)) }
        if let word = call.options.first("retrieved") { source.set("Retrieved", try notebook.isoDate(word)) }
        if let url = call.option("url") { source.set("Url", url) }
        for tag in call.optionValues("tag") where !source.tags.contains(tag) { source.append("Tag", tag) }
        notebook.put(source)
        notebook.added(source)
    }
}
