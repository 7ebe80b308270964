extension Notebook {
    /// The ISO form of a date word, or an error pointing at it.
    func isoDate(_ word: Word) throws(CommandError) -> String {
        switch DateParser.read(word.text) {
        case .date(let date): return date
        case .problem(let why, let hint):
            throw CommandError(why.hasPrefix("'") || why.hasPrefix(word.text) ? why : "'\(word.text)': \(why)", at: word, hint: hint)
        }
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

    /// Says what a command added, in one line.
    func added(_ entry: Entry) {
        guard showsConfirmations else { return }
        let head = Terminal.visible("added \(entry.kind.word) \(entry.id)", keepNewlines: false)
        let label = Terminal.visible((entry.name ?? entry.text ?? "").replacingOccurrences(of: "\n", with: " "), keepNewlines: false)
        // Cut at a word with an ellipsis: a confirmation cut mid-word reads as if the stored text were cut.
        let room = min(output.width, 100) - TextWidth.of(head) - 2
        confirm(head + (label.isEmpty || room < 8 ? "" : ": " + TextWidth.snippet(label, to: room)))
    }
}

extension Invocation {
    /// The word of positional `index` (callers only ask for required arguments, checked by parsing).
    func required(_ index: Int) -> Word {
        word(index) ?? Word("", line: line.line, column: 1)
    }
}
