/// `link FROM REL TO`: a typed relation between two entries.
struct LinkCommand: ShellCommand {
    static let name = "link"
    static let group = CommandGroup.relations
    static let usage = "link FROM REL TO [note=TEXT]"
    static let summary = "Link two entries with a relation (authored, mentions, detained-with, criticizes, …)."
    static let help = """
        Links FROM to TO with the relation REL. Relations are free words; the known ones are
        authored, mentions, quotes, replies-to, detained-with, criticizes, supports, same-as
        and member-of, and `show` reads them from both ends (aitelenov authored X /
        X authored-by aitelenov). A relation word outside that list is accepted and noted.
        """
    static let example = "link aitelenov detained-with kibraev"
    static let arguments = [ArgumentSpec("FROM", .entry), ArgumentSpec("REL", .relation), ArgumentSpec("TO", .entry)]
    static let options = [OptionSpec("note", .text)]
    static let changesCase = true
    static let adds: Kind? = .link

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let from = try notebook.resolve(call.required(0))
        let relWord = call.required(1)
        let rel = relWord.text.lowercased()
        let to = try notebook.resolve(call.required(2))
        if from.id == to.id { throw CommandError("an entry cannot be linked to itself", at: call.required(2)) }
        guard Relation.isWellFormed(rel) else {
            throw CommandError("'\(relWord.text)' is not a relation word", at: relWord,
                               hint: "use lower-case letters and dashes, e.g. " + Relation.words.prefix(4).joined(separator: ", "))
        }
        if !Relation.words.contains(rel) {
            // The help promises that a relation outside the vocabulary is noted, so a typo
            // never goes unseen; a reverse reading (authored-by) is said to be one.
            if let known = Relation.vocabulary.first(where: { $0.reverse == rel && $0.word != rel }) {
                notebook.remark("note: '\(rel)' is how \(known.word) reads from the other end; "
                                + "link \(to.id) \(known.word) \(from.id) says the same")
            } else {
                let close = Suggestions.hint(for: rel, in: Relation.words) ?? "known: " + Relation.words.joined(separator: ", ")
                notebook.remark("note: '\(rel)' is not a known relation (\(close))")
            }
        }
        let key = LinkKey(from: from.id, rel: rel, to: to.id)
        var link = notebook.caseFile.links[key] ?? Link(key)
        if let note = call.option("note") {
            link.fields.removeAll { $0.name == "Note" }
            link.fields.insert(Field("Note", note), at: 0)
        }
        if notebook.caseFile.links[key] == link {
            notebook.confirm("already linked: \(from.id) \(rel) \(to.id)")
            return
        }
        notebook.put(link)
        notebook.confirm("linked \(from.id) \(rel) \(to.id)")
    }
}
