/// `pair TRANSLATION ORIGINAL`: makes an existing translation the translation of ORIGINAL.
struct PairCommand: ShellCommand {
    static let name = "pair"
    static let group = CommandGroup.translation
    static let usage = "pair TRANSLATION ORIGINAL [--force]"
    static let summary = "Pair an existing translation with its original."
    static let example = "pair extremkz-2014-02-05.en extremkz-2014-02-05"
    static let arguments = [ArgumentSpec("TRANSLATION", .entry), ArgumentSpec("ORIGINAL", .entry)]
    static let flags = [FlagSpec(["--force"])]
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
        if let loop = notebook.caseFile.ofWouldLoop(translation: translation.id, original: original.id) {
            throw CommandError("\(original.id) is itself a translation of \(translation.id): pairing them would make each the other's original (\(loop.joined(separator: " → ")))",
                               at: originalWord, hint: "pair \(translation.id) with the true original of both")
        }
        if translation["Of"] == original.id {
            notebook.confirm("\(translation.id) is already the translation of \(original.id)")
            return
        }
        if let earlier = translation["Of"], call.flags["--force"] == nil {
            throw CommandError("\(translation.id) is already the translation of \(earlier)", at: call.required(0),
                               hint: "pair --force \(translation.id) \(original.id) moves it (\(earlier) is then left "
                                   + "without it); unpair \(translation.id) first to keep it unpaired")
        }
        // Of chains (a translation of a translation) must end at an original: refuse a cycle.
        var seen: Set<String> = [translation.id]
        var next: Entry? = original
        while let step = next, step.kind == .translation, let of = step["Of"] {
            if seen.contains(of) || of == translation.id {
                throw CommandError("pairing \(translation.id) with \(original.id) would make a loop of translations",
                                   at: originalWord, hint: "pair it with the post or quote it was translated from")
            }
            seen.insert(of)
            next = notebook.caseFile.entries[of]
        }
        translation.set("Of", original.id)
        notebook.put(translation)
        notebook.confirm("paired \(translation.id) with its original \(original.id)")
    }
}
