/// `add post AUTHOR DATE TEXT …`: something a person published.
struct AddPostCommand: ShellCommand {
    static let name = "add post"
    static let group = CommandGroup.entries
    static let usage = "add post AUTHOR DATE TEXT [id=ID] [lang=LANG] [platform=P] [url=URL] [tag=T]… [source=ID]"
    static let summary = "Add a post (a tweet, a blog post, a comment) by a person."
    static let help = """
        Adds a post by AUTHOR (an Id or @handle) on DATE (2014-02-04, 4 February 2014 or
        February 4, 2014). The Id is the handle and the date (extremkz-2014-02-04). Without
        lang=, the language is guessed from the letters (Kazakh letters → kk, Ukrainian → uk,
        Belarusian → be, other Cyrillic → ru, Latin → en) and the guess is shown. Use a
        here-document for multi-line text.
        """
    static let example = """
        add post @extremkz 2014-02-04 lang=ru platform=twitter <<END
        Завтра у #Есимов‘а на ланче… #Алматы
        END
        """
    static let arguments = [ArgumentSpec("AUTHOR", .person), ArgumentSpec("DATE", .date), ArgumentSpec("TEXT", .text)]
    static let options = [
        OptionSpec("id", .newId), OptionSpec("lang", .language), OptionSpec("platform", .word), OptionSpec("url", .word),
        OptionSpec("tag", .tag, repeatable: true), OptionSpec("source", .entry),
    ]
    static let changesCase = true
    static let adds: Kind? = .post

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let authorWord = call.required(0)
        let author = try notebook.resolve(authorWord, as: [.person])
        let date = try notebook.isoDate(call.required(1))
        let text = call.required(2).text
        guard !text.isEmpty else { throw CommandError("a post needs text", at: call.required(2)) }
        let handle = authorWord.text.hasPrefix("@") ? authorWord.text : (author.handles.first ?? author.id)
        let id = try call.options.first("id").map { word throws(CommandError) in try notebook.newId(word) }
            ?? IdGenerator.post(handleOrAuthor: handle, date: date, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var post = Entry(kind: .post, id: id, fields: [Field("Author", author.id), Field("Date", date), Field("Text", text)])
        if let platform = call.option("platform") { post.set("Platform", platform) }
        if let lang = try notebook.languageOf(call, text: text, for: id) { post.set("Lang", lang) }
        try notebook.applyProvenance(call, to: &post)
        notebook.put(post)
        notebook.added(post)
    }
}
