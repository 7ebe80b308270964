/// `pair TRANSLATION ORIGINAL`: makes an existing translation the translation of ORIGINAL.
struct PairCommand: ShellCommand {
    static let name = "pair"
    static let group = CommandGroup.translation
    static let usage = "pair TRANSLATION ORIGINAL"
    static let summary = "Pair an existing translation with its original."
    static let example = "pair extremkz-2014-02-05.en extremkz-2014-02-05"
    static let arguments = [ArgumentSpec("TRANSLATION", .translation), ArgumentSpec("ORIGINAL", .original)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var translation = try notebook.resolve(call.required(0), as: [.translation])
        let originalWord = call.required(1)
        let original = try notebook.resolve(originalWord, as: [.post, .quote, .translation])
        if original.id == translation.id {
            throw CommandError("a translation cannot be its own original", at: originalWord)
        }
        if let lang = translation.lang, let originalLang = original.lang,
           LanguageTag.primary(lang) == LanguageTag.primary(originalLang) {
            throw CommandError("both are in \(lang)", at: originalWord, hint: "a translation is into another language")
        }
        if translation["Of"] == original.id {
            notebook.confirm("\(translation.id) is already the translation of \(original.id)")
            return
        }
        translation.set("Of", original.id)
        notebook.put(translation)
        notebook.confirm("paired \(translation.id) with its original \(original.id)")
    }
}
