/// `relation add NAME "DESCRIPTION"`: declares a relation word for this case.
struct RelationAddCommand: ShellCommand {
    static let name = "relation add"
    static let group = CommandGroup.relations
    static let usage = #"relation add NAME "DESCRIPTION""#
    static let summary = "Declare a relation word for this case, beside the built-in ones."
    static let help = """
        Declares NAME (lower-case letters, digits and dashes) as a relation of this case, so
        `link A NAME B` is accepted, completed and listed in `help link`. The declaration is
        kept in the case file's header (Relation: NAME DESCRIPTION). Declaring a name again
        replaces its description. Without a declaration, a one-off relation is written NAME!.
        """
    static let example = #"relation add witnessed-by "saw the event happen (a witness to a detention)""#
    static let arguments = [ArgumentSpec("NAME", .relation), ArgumentSpec("DESCRIPTION", .text, optional: true)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let nameWord = call.required(0)
        let name = nameWord.text.lowercased()
        guard Relation.isWellFormed(name) else {
            throw CommandError("'\(nameWord.text)' is not a relation word", at: nameWord,
                               hint: "use lower-case letters, digits and dashes, e.g. witnessed-by")
        }
        if Relation.words.contains(name) || Relation.vocabulary.contains(where: { $0.reverse == name }) {
            throw CommandError("'\(name)' is a built-in relation already", at: nameWord, hint: "link with it as it is")
        }
        let description = (call.word(1)?.text ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        let header = notebook.caseFile.header.declaring(name, description: description)
        if header == notebook.caseFile.header {
            notebook.confirm("relation \(name) is declared already")
            return
        }
        notebook.setHeader(header)
        notebook.confirm("declared relation \(name)" + (description.isEmpty ? "" : ": " + description))
    }
}
