/// `unpair TRANSLATION`: separates a translation from its original.
///
/// The file format makes `Of` mandatory for a translation (`%mandatory: Of Lang Text`),
/// and a file missing it is refused on load. So, until the format allows a translation
/// without an original, unpair refuses rather than write a file that cannot be opened
/// again, and says how to re-pair or remove the translation instead.
struct UnpairCommand: ShellCommand {
    static let name = "unpair"
    static let group = CommandGroup.translation
    static let usage = "unpair TRANSLATION"
    static let summary = "Separate a translation from its original (refused while the format requires one)."
    static let help = """
        A translation must name its original (the case file requires Of), so a translation
        cannot be left without one: pair it with the right original instead (pair
        TRANSLATION ORIGINAL), or remove it (rm TRANSLATION).
        """
    static let example = "unpair extremkz-2014-02-05.en"
    static let arguments = [ArgumentSpec("TRANSLATION", .entry)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let word = call.required(0)
        let translation = try notebook.resolve(word, as: [.translation])
        guard let original = translation["Of"] else {
            notebook.confirm("\(translation.id) has no original")
            return
        }
        throw CommandError("\(translation.id) would have no original, and a translation must have one (Of)", at: word,
                           hint: "pair it with the right one (pair \(translation.id) ORIGINAL), "
                               + "or remove it (rm \(translation.id)); it is now the translation of \(original)")
    }
}
