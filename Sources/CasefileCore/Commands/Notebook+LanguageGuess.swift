/// How a notebook reports language guesses.
public enum GuessReporting: Sendable {
    /// One line on the diagnostic stream per guess.
    case each
    /// Counted only (`guessCount`), for a summary at the end.
    case count
    /// Neither (replaying history that has been reported before).
    case silent
}

extension Notebook {
    /// The language of a text: the `lang=` given, or a guess that is reported and written
    /// into the logged command (`lang=…`), so a replay never depends on the guesser.
    func languageOf(_ call: Invocation, text: String, for id: String) throws(CommandError) -> String? {
        if let word = call.options.first("lang") { return try language(word) }
        let result = LanguageGuess.analyze(text)
        let lang = result.language ?? "und"
        if let reason = result.reason {
            reportGuess("\(id): language not guessed (und): \(reason); give lang=, or set \(id) lang=ru (or uk, kk…)")
        } else {
            reportGuess("\(id): language guessed as \(lang) (if wrong: set \(id) lang=…)")
        }
        guessedLanguages.insert(id)
        if let logged = Self.source(call, adding: "lang=\(lang)") { log.loggedSource = logged }
        return lang
    }

    /// Reports one guess as `guessReporting` says.
    func reportGuess(_ text: String) {
        guessCount += 1
        if guessReporting == .each { output.diagnostic(Terminal.visible(text)) }
    }

    /// The command's source with `option` put before its first argument, or nil when the
    /// source cannot be found in the words (the command is then logged as typed).
    static func source(_ call: Invocation, adding option: String) -> String? {
        let source = call.line.source
        guard let first = call.positionals.first, first.line == call.line.line else { return nil }
        let firstLine = source.prefix(while: { $0 != "\n" })
        guard first.column >= 1, first.column - 1 <= firstLine.count else { return nil }
        let at = firstLine.index(firstLine.startIndex, offsetBy: first.column - 1)
        guard source[at...].hasPrefix(first.raw) else { return nil }
        return String(source[..<at]) + option + " " + String(source[at...])
    }
}
