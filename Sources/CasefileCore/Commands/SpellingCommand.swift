/// `spelling PERSON LANG NAME`: how the case writes a person's name in a language.
struct SpellingCommand: ShellCommand {
    static let name = "spelling"
    static let group = CommandGroup.translation
    static let usage = "spelling PERSON LANG NAME"
    static let summary = "Record how a person's name is written in LANG (the case's glossary)."
    static let help = """
        Records NAME as the spelling of PERSON's name in LANG (a `Spelling: LANG NAME`
        field; one per language, replacing an earlier one). After `translate`, and with
        `casefile check --names`, a translation into LANG that writes the person otherwise
        (Yesimov where the case says Esimov) is named. `show PERSON` lists the spellings.
        """
    static let example = #"spelling esimov en "Akhmetzhan Esimov""#
    static let arguments = [ArgumentSpec("PERSON", .person), ArgumentSpec("LANG", .language), ArgumentSpec("NAME", .text)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var person = try notebook.resolve(call.required(0), as: [.person])
        let lang = try notebook.language(call.required(1))
        let name = call.required(2).text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains("\n") else {
            throw CommandError("a spelling is a name on one line", at: call.required(2))
        }
        let kept = person.values("Spelling").filter { value in
            GlossaryCheck.parse(value).map { LanguageTag.primary($0.lang) != LanguageTag.primary(lang) } ?? true
        }
        let value = "\(lang) \(name)"
        guard kept.count != person.values("Spelling").count - 1 || !person.values("Spelling").contains(value) else {
            notebook.confirm("\(person.id) is already spelt \(name) in \(lang)")
            return
        }
        person.set("Spelling", nil)
        for spelling in kept + [value] { person.append("Spelling", spelling) }
        notebook.put(person)
        notebook.confirm("\(person.id) is spelt \(name) in \(lang)")
    }
}
