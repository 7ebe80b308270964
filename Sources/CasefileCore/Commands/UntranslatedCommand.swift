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
        var table = EntryTable(width: notebook.output.width)
        for entry in found { table.measure(entry) }
        for entry in found { notebook.output.line(table.line(entry)) }
        // Posts and quotes already in LANG are its originals, not translated ones: said as such.
        var originals = 0
        var total = 0
        for kind in [Kind.post, .quote] {
            for id in notebook.caseFile.orderedIds(of: kind) {
                total += 1
                if let own = notebook.caseFile.entries[id]?.lang, LanguageTag.primary(own) == target { originals += 1 }
            }
        }
        let inLang = originals == 0 ? "" : originals == total
            ? (total == 1 ? "the one post or quote is an original in \(lang)" : "all \(total) posts and quotes are originals in \(lang)")
            : "\(originals) \(originals == 1 ? "is an original" : "are originals") in \(lang)"
        if found.isEmpty {
            if total == 0 {
                notebook.say("no posts or quotes yet")
            } else if originals == total {
                notebook.say(inLang + ": nothing to translate into \(lang)")
            } else {
                notebook.say("every post and quote not in \(lang) has a translation into \(lang)" + (inLang.isEmpty ? "" : "; " + inLang))
            }
        } else {
            notebook.say("\(found.count) without a translation into \(lang)" + (inLang.isEmpty ? "" : "; " + inLang))
        }
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
