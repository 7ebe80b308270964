/// `unpair TRANSLATION`: the translation stays, without an original.
struct UnpairCommand: ShellCommand {
    static let name = "unpair"
    static let group = CommandGroup.translation
    static let usage = "unpair TRANSLATION"
    static let summary = "Separate a translation from its original (the translation is kept)."
    static let example = "unpair extremkz-2014-02-05.en"
    static let arguments = [ArgumentSpec("TRANSLATION", .entry)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var translation = try notebook.resolve(call.required(0), as: [.translation])
        guard let original = translation["Of"] else {
            notebook.confirm("\(translation.id) has no original")
            return
        }
        translation.set("Of", nil)
        notebook.put(translation)
        notebook.confirm("unpaired \(translation.id) from \(original)")
    }
}
