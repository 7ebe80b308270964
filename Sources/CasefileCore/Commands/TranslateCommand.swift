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
    static let arguments = [ArgumentSpec("ORIGINAL", .original), ArgumentSpec("LANG", .language), ArgumentSpec("TEXT", .text)]
    static let options = [
        OptionSpec("by", .text), OptionSpec("status", .status), OptionSpec("id", .newId), OptionSpec("url", .word),
        OptionSpec("tag", .tag, repeatable: true), OptionSpec("source", .source),
    ]
    static let changesCase = true
    static let adds: Kind? = .translation

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let langWord = call.required(1)
        let lang = try notebook.language(langWord)
        let original = try resolveOriginal(call.required(0), into: lang, on: notebook)
        if let originalLang = original.lang, LanguageTag.primary(originalLang) == LanguageTag.primary(lang) {
            let example = LanguageTag.primary(originalLang) == "ru" ? "kk" : "ru"
            if notebook.guessedLanguages.contains(original.id) {
                throw CommandError("\(original.id) is already in \(originalLang), as guessed from its text", at: langWord,
                                   hint: "if the guess is wrong: set \(original.id) lang=\(example) (the language it is in), then translate again")
            }
            throw CommandError("\(original.id) is already in \(originalLang)", at: langWord,
                               hint: "a translation is into another language; if \(originalLang) is wrong: set \(original.id) lang=\(example)")
        }
        let text = call.required(2).text
        guard !text.isEmpty else { throw CommandError("a translation needs text", at: call.required(2)) }
        let id = try call.options.first("id").map { word throws(CommandError) in try notebook.newId(word) }
            ?? IdGenerator.translation(of: original.id, lang: lang, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var translation = Entry(kind: .translation, id: id,
                                fields: [Field("Of", original.id), Field("Lang", lang), Field("Text", text)])
        // Unless told otherwise, the translator is whoever is at the keyboard; the logged
        // line then names them, so a replay by someone else gives the same case.
        let defaultBy = call.option("by") == nil && notebook.settings.userName != "unknown" ? notebook.settings.userName : nil
        if let by = call.option("by") ?? defaultBy { translation.set("By", by) }
        translation.set("Status", try status(call))
        try notebook.applyProvenance(call, to: &translation)
        let earlier = ReviewQueue(notebook: notebook).translations(of: original.id)
            .filter { $0.lang.map(LanguageTag.primary) == LanguageTag.primary(lang) }
        notebook.put(translation)
        notebook.added(translation)
        if let defaultBy {
            notebook.log.loggedSource = "translate \(Quoting.word(original.id)) \(Quoting.word(lang)) \(Quoting.word(text)) "
                + "id=\(Quoting.word(id)) by=\(Quoting.word(defaultBy))"
                + call.line.words.dropFirst(4).filter { $0.option != nil }.map { " " + $0.raw }.joined()
        }
        if !earlier.isEmpty {
            let named = earlier.map { "\($0.id) (\($0["Status"] ?? "draft"))" }.joined(separator: ", ")
            notebook.remark("note: \(original.id) already had a translation into \(lang): \(named); this one is \(id)")
        }
        GlossaryCheck.remark(on: translation, notebook: notebook)
    }

    /// The post, quote or translation `word` names; a person gets a hint naming their
    /// posts still to translate into `lang`.
    static func resolveOriginal(_ word: Word, into lang: String, on notebook: Notebook) throws(CommandError) -> Entry {
        do {
            return try notebook.resolve(word, as: [.post, .quote, .translation])
        } catch {
            guard let other = try? notebook.resolve(word), other.kind == .person else { throw error }
            let waiting = ReviewQueue(notebook: notebook).untranslated(by: other.id, into: lang)
            let shown = waiting.prefix(5).map(\.id).joined(separator: ", ") + (waiting.count > 5 ? ", …" : "")
            throw CommandError("'\(other.id)' is a person; translate takes a post or a quote", at: word,
                               hint: waiting.isEmpty ? "\(other.id) has no post or quote without a translation into \(lang)"
                                   : "\(other.id)'s posts without a translation into \(lang): \(shown)")
        }
    }

    static func status(_ call: Invocation) throws(CommandError) -> String {
        guard let word = call.options.first("status") else { return "draft" }
        return try status(call, word: word)
    }

    /// The status `word` names (draft, reviewed, final; case ignored), or an error with a
    /// suggestion.
    static func status(_ call: Invocation, word: Word) throws(CommandError) -> String {
        let lowered = word.text.lowercased()
        guard CaseValidator.statuses.contains(lowered) else {
            throw CommandError("'\(word.text)' is not a status", at: word,
                               hint: (Suggestions.hint(for: lowered, in: CaseValidator.statuses).map { $0 + " " } ?? "")
                                   + "use one of: " + CaseValidator.statuses.joined(separator: ", "))
        }
        return lowered
    }
}
