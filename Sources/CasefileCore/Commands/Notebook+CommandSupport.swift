extension Notebook {
    /// The ISO form of a date word, or an error pointing at it.
    func isoDate(_ word: Word) throws(CommandError) -> String {
        guard let date = DateParser.iso(word.text) else {
            throw CommandError("'\(word.text)' is not a date I can read", at: word,
                               hint: "write 2014-02-04, 4 February 2014 or February 4, 2014")
        }
        return date
    }

    /// A checked language tag. BCP 47 allows primary subtags of five to eight letters, but
    /// none is registered: a word like `english` is a language's name typed by mistake.
    func language(_ word: Word) throws(CommandError) -> String {
        let primary = LanguageTag.primary(word.text)
        guard LanguageTag.isValid(word.text), primary.count <= 3 else {
            let named = Self.languageNames[word.text.lowercased()] ?? Self.languageNames[primary.lowercased()]
            throw CommandError("'\(word.text)' is not a language tag", at: word,
                               hint: named.map { "did you mean '\($0)'?" } ?? "use a BCP 47 tag such as ru, kk, en or kk-Cyrl")
        }
        return word.text
    }

    /// Language names people type instead of tags, for the hint.
    static let languageNames = [
        "english": "en", "russian": "ru", "kazakh": "kk", "qazaq": "kk", "german": "de", "french": "fr",
        "ukrainian": "uk", "uzbek": "uz", "kyrgyz": "ky", "chinese": "zh", "turkish": "tr", "spanish": "es",
    ]

    /// A user-given Id, checked for form and for being free. `hint` says what to do when it is taken.
    func newId(_ word: Word, hint: String = "choose another id=, or leave it out to have one made") throws(CommandError) -> String {
        if let problem = IdGenerator.problem(with: word.text) { throw CommandError(problem, at: word) }
        if let existing = caseFile.entries[word.text] {
            throw CommandError("the Id '\(word.text)' is taken by a \(existing.kind.word)", at: word, hint: hint)
        }
        return word.text
    }

    /// Applies the provenance options every `add` takes: url=, source=, tag=….
    func applyProvenance(_ call: Invocation, to entry: inout Entry) throws(CommandError) {
        if let url = call.option("url") { entry.set("Url", url) }
        if let word = call.options.first("source") {
            entry.set("Source", try resolve(word, as: [.source]).id)
        }
        for tag in call.optionValues("tag") where !entry.tags.contains(tag) { entry.append("Tag", tag) }
    }

    /// The language of a text: the `lang=` given, or a guess that is reported.
    func languageOf(_ call: Invocation, text: String, for id: String) throws(CommandError) -> String? {
        if let word = call.options.first("lang") { return try language(word) }
        guard let guess = LanguageGuess.guess(text) else { return nil }
        remark("\(id): language guessed as \(guess) (give lang= to set it)")
        return guess
    }

    /// Says what a command added, in one line.
    func added(_ entry: Entry) {
        guard showsConfirmations else { return }
        let label = entry.name ?? entry.text.map { String($0.prefix(60)) } ?? ""
        confirm("added \(entry.kind.word) \(entry.id)" + (label.isEmpty ? "" : ": " + label.replacingOccurrences(of: "\n", with: " ")))
    }
}

extension Invocation {
    /// The word of positional `index` (callers only ask for required arguments, checked by parsing).
    func required(_ index: Int) -> Word {
        word(index) ?? Word("", line: line.line, column: 1)
    }
}
