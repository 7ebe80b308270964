/// `translate ORIGINAL LANG TEXT …`: a translation paired with its original.
struct TranslateCommand: ShellCommand {
    static let name = "translate"
    static let group = CommandGroup.translation
    static let usage = "translate ORIGINAL LANG TEXT [by=WHO] [status=draft|reviewed|final] [id=ID] [url=URL] [tag=T]… [source=ID]"
    static let summary = "Add a translation of a post or quote into LANG."
    static let help = """
        Adds a translation of ORIGINAL into LANG, paired with it: `show` puts the two side
        by side. The Id is the original's Id and the language (extremkz-2014-02-04.en).
        The status is draft unless given.
        """
    static let example = #"translate extremkz-2014-02-04 en by="Global Voices" status=final "Tomorrow at #Esimov's lunch…""#
    static let arguments = [ArgumentSpec("ORIGINAL", .entry), ArgumentSpec("LANG", .language), ArgumentSpec("TEXT", .text)]
    static let options = [
        OptionSpec("by", .text), OptionSpec("status", .status), OptionSpec("id", .newId), OptionSpec("url", .word),
        OptionSpec("tag", .tag, repeatable: true), OptionSpec("source", .entry),
    ]
    static let changesCase = true
    static let adds: Kind? = .translation

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let original = try notebook.resolve(call.required(0), as: [.post, .quote, .translation])
        let langWord = call.required(1)
        let lang = try notebook.language(langWord)
        if let originalLang = original.lang, LanguageTag.primary(originalLang) == LanguageTag.primary(lang) {
            let example = LanguageTag.primary(originalLang) == "ru" ? "kk" : "ru"
            if notebook.guessedLanguages.contains(original.id) {
                throw CommandError("\(original.id) is already in \(originalLang), as guessed from its text", at: langWord,
                                   hint: "if the guess is wrong: set \(original.id) lang=\(example) (the language it is in), then translate again")
            }
            throw CommandError("\(original.id) is already in \(originalLang)", at: langWord,
                               hint: "a translation is into another language; if \(originalLang) is wrong: set \(original.id) lang=\(example)")
        }
        let text = notebook.cleanText(call.required(2).text)
        guard !text.isEmpty else { throw CommandError("a translation needs text", at: call.required(2)) }
        let id = try call.options.first("id").map { word throws(CommandError) in try notebook.newId(word) }
            ?? IdGenerator.translation(of: original.id, lang: lang, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var translation = Entry(kind: .translation, id: id,
                                fields: [Field("Of", original.id), Field("Lang", lang), Field("Text", text)])
        if let by = call.option("by") { translation.set("By", by) }
        translation.set("Status", try status(call))
        try notebook.applyProvenance(call, to: &translation)
        notebook.put(translation)
        notebook.added(translation)
    }

    static func status(_ call: Invocation) throws(CommandError) -> String {
        guard let word = call.options.first("status") else { return "draft" }
        guard CaseValidator.statuses.contains(word.text) else {
            throw CommandError("'\(word.text)' is not a status", at: word,
                               hint: "use one of: " + CaseValidator.statuses.joined(separator: ", "))
        }
        return word.text
    }
}
