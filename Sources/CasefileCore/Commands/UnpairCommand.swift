/// `unpair TRANSLATION`: separates a translation from its original. The translation stays
/// in the case without `Of` until `pair` gives it an original again.
struct UnpairCommand: ShellCommand {
    static let name = "unpair"
    static let group = CommandGroup.translation
    static let usage = "unpair TRANSLATION"
    static let summary = "Separate a translation from its original; pair gives it one again."
    static let help = """
        Separates TRANSLATION from its original (removes its Of field). The translation
        stays in the case, unpaired, until `pair TRANSLATION ORIGINAL` pairs it again. Use
        it for a translation filed under the wrong original, or to free an original you are
        about to remove. `list translation` and `untranslated` show unpaired translations.
        """
    static let example = "unpair extremkz-2014-02-05.en"
    static let arguments = [ArgumentSpec("TRANSLATION", .translation)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var translation = try notebook.resolve(call.required(0), as: [.translation])
        guard let original = translation["Of"] else {
            notebook.confirm("\(translation.id) is not paired with an original")
            return
        }
        translation.set("Of", nil)
        notebook.put(translation)
        notebook.confirm("unpaired \(translation.id) from its original \(original)")
    }
}
