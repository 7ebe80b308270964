/// `untranslated [LANG]`: the posts and quotes still lacking a translation into LANG.
struct UntranslatedCommand: ShellCommand {
    static let name = "untranslated"
    static let group = CommandGroup.translation
    static let usage = "untranslated [LANG]"
    static let summary = "List the posts and quotes that have no translation into LANG (default: the working language), oldest first."
    static let example = "untranslated en"
    static let arguments = [ArgumentSpec("LANG", .language, optional: true)]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let lang = try call.word(0).map { word throws(CommandError) in try notebook.language(word) }
            ?? notebook.caseFile.header.workingLanguage
        let target = LanguageTag.primary(lang)
        let found = ReviewQueue(notebook: notebook).untranslated(into: lang)
        for entry in found { notebook.say(EntryLine.render(entry, width: notebook.output.width)) }
        let count = found.count
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
            notebook.say("\(unpaired.count) translation\(unpaired.count == 1 ? "" : "s") into \(lang) not paired with "
                         + "an original: \(shown) (pair TRANSLATION ORIGINAL)")
        }
    }
}
