/// `untranslated [LANG]`: the posts and quotes still lacking a translation into LANG.
struct UntranslatedCommand: ShellCommand {
    static let name = "untranslated"
    static let group = CommandGroup.translation
    static let usage = "untranslated [LANG]"
    static let summary = "List the posts and quotes that have no translation into LANG (default: the working language)."
    static let example = "untranslated en"
    static let arguments = [ArgumentSpec("LANG", .language, optional: true)]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let lang = try call.word(0).map { word throws(CommandError) in try notebook.language(word) }
            ?? notebook.caseFile.header.workingLanguage
        let target = LanguageTag.primary(lang)
        var count = 0
        for kind in [Kind.post, .quote] {
            for id in notebook.caseFile.orderedIds(of: kind) {
                guard let entry = notebook.caseFile.entries[id] else { continue }
                if let own = entry.lang, LanguageTag.primary(own) == target { continue }
                let translated = notebook.referencesTo(id).contains { reference in
                    guard case let .field(other, "Of") = reference, let translation = notebook.caseFile.entries[other],
                          let otherLang = translation.lang else { return false }
                    return LanguageTag.primary(otherLang) == target
                }
                if translated { continue }
                notebook.say(EntryLine.render(entry, width: notebook.output.width))
                count += 1
            }
        }
        notebook.say(count == 0 ? "every post and quote has a translation into \(lang)"
                                : "\(count) without a translation into \(lang)")
        // A translation `unpair` left behind may be the missing one: said, so it is not forgotten.
        let unpaired = notebook.caseFile.orderedIds(of: .translation).filter { id in
            guard let translation = notebook.caseFile.entries[id], translation["Of"] == nil,
                  let own = translation.lang else { return false }
            return LanguageTag.primary(own) == target
        }
        if !unpaired.isEmpty {
            let shown = unpaired.prefix(8).joined(separator: ", ") + (unpaired.count > 8 ? ", …" : "")
            notebook.say("\(Plural.count(unpaired.count, "translation")) into \(lang) not paired with "
                         + "an original: \(shown) (pair TRANSLATION ORIGINAL)")
        }
    }
}
