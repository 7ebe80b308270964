/// `link FROM REL TO`: a typed relation between two entries.
struct LinkCommand: ShellCommand {
    static let name = "link"
    static let group = CommandGroup.relations
    static let usage = "link FROM REL TO [note=TEXT]"
    static let summary = "Link two entries with a relation (authored, mentions, detained-with, criticizes, …)."
    static let help = """
        Links FROM to TO with the relation REL. The vocabulary is authored, mentions, quotes,
        replies-to, detained-with, criticizes, supports, same-as and member-of, plus the
        relations the case declares (`relation add NAME "DESCRIPTION"`); `show` reads them
        from both ends (aitelenov authored X / X authored-by aitelenov). A word outside the
        vocabulary is refused with the nearest known one, so a typo never becomes data;
        write REL! (witnessed-by!) to link with a one-off word anyway.
        """
    static let example = "link aitelenov detained-with kibraev"
    static let arguments = [ArgumentSpec("FROM", .entry), ArgumentSpec("REL", .relation), ArgumentSpec("TO", .entry)]
    static let options = [OptionSpec("note", .text)]
    static let changesCase = true
    static let adds: Kind? = .link

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let from = try notebook.resolve(call.required(0))
        let relWord = call.required(1)
        var rel = relWord.text.lowercased()
        let to = try notebook.resolve(call.required(2))
        if from.id == to.id { throw CommandError("an entry cannot be linked to itself", at: call.required(2)) }
        let forced = rel.hasSuffix("!") && rel.count > 1
        if forced { rel.removeLast() }
        guard Relation.isWellFormed(rel) else {
            throw CommandError("'\(relWord.text)' is not a relation word", at: relWord,
                               hint: "use lower-case letters and dashes, e.g. " + Relation.words.prefix(4).joined(separator: ", "))
        }
        let known = notebook.caseFile.relationWords
        if !known.contains(rel) && !forced {
            if let vocabulary = Relation.vocabulary.first(where: { $0.reverse == rel && $0.word != rel }) {
                throw CommandError("'\(rel)' is how \(vocabulary.word) reads from the other end", at: relWord,
                                   hint: "link \(to.id) \(vocabulary.word) \(from.id) says the same (or write \(rel)! to keep this word)")
            }
            let close = Suggestions.hint(for: rel, in: known).map { $0 + "; " } ?? ""
            throw CommandError("'\(rel)' is not a relation of this case", at: relWord,
                               hint: close + "declare it with relation add \(rel) \"DESCRIPTION\", or write \(rel)! for a one-off")
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
