/// `add person NAME …`: a person, with handles, aliases, role and tags.
struct AddPersonCommand: ShellCommand {
    static let name = "add person"
    static let group = CommandGroup.entries
    static let usage = "add person NAME [id=ID] [handle=@x]… [alias=NAME]… [role=ROLE] [tag=T]… [url=URL] [source=ID]"
    static let summary = "Add a person."
    static let help = """
        Adds a person. The Id is made from the surname, transliterated to ASCII
        (Ахметжан Есимов → esimov), unless you give id=. Handles begin with @ and may
        stand wherever the person's Id is expected.
        """
    static let example = #"add person "Nurali Aitelenov" handle=@extremkz alias="IT-len-off Нурали" tag=detained"#
    static let arguments = [ArgumentSpec("NAME", .text)]
    static let options = [
        OptionSpec("id", .newId), OptionSpec("handle", .word, repeatable: true),
        OptionSpec("alias", .text, repeatable: true), OptionSpec("role", .text), OptionSpec("tag", .tag, repeatable: true),
        OptionSpec("url", .word), OptionSpec("source", .entry),
    ]
    static let changesCase = true
    static let adds: Kind? = .person

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let nameWord = call.required(0)
        let name = nameWord.text.trimmingCharacters(in: " \t")
        guard !name.isEmpty else { throw CommandError("a person needs a name", at: nameWord) }
        let id = try call.options.first("id").map { word throws(CommandError) in try notebook.newId(word) }
            ?? IdGenerator.person(name: name, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var person = Entry(kind: .person, id: id, fields: [Field("Name", name)])
        for word in call.options["handle"] ?? [] {
            let handle = word.text.hasPrefix("@") ? word.text : "@" + word.text
            guard handle.count > 1, !handle.contains(" ") else {
                throw CommandError("'\(word.text)' is not a handle", at: word, hint: "write handle=@name")
            }
            let owners = notebook.people(withHandle: handle)
            if !owners.isEmpty {
                notebook.remark("note: \(handle) is also the handle of \(owners.joined(separator: ", "))")
            }
            person.append("Handle", handle)
        }
        for alias in call.optionValues("alias") { person.append("Alias", alias) }
        if let role = call.option("role") { person.set("Role", role) }
        try notebook.applyProvenance(call, to: &person)
        notebook.put(person)
        notebook.added(person)
    }
}
