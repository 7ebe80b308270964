/// `unlink FROM REL TO`: removes a link.
struct UnlinkCommand: ShellCommand {
    static let name = "unlink"
    static let group = CommandGroup.relations
    static let usage = "unlink FROM REL TO"
    static let summary = "Remove a link."
    static let example = "unlink aitelenov criticizes esimov"
    static let arguments = [ArgumentSpec("FROM", .entry), ArgumentSpec("REL", .relation), ArgumentSpec("TO", .entry)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let from = try notebook.resolve(call.required(0))
        let to = try notebook.resolve(call.required(2))
        let rel = call.required(1).text.lowercased()
        let key = LinkKey(from: from.id, rel: rel, to: to.id)
        guard notebook.caseFile.links[key] != nil else {
            let existing = notebook.referencesTo(from.id).compactMap { reference -> String? in
                guard case let .link(link) = reference, link.from == from.id, link.to == to.id else { return nil }
                return link.rel
            }
            throw CommandError("there is no link \(from.id) \(rel) \(to.id)", at: call.required(1),
                               hint: existing.isEmpty ? "see the links with: show \(from.id)"
                                   : "linked as: " + existing.sorted().joined(separator: ", "))
        }
        notebook.removeLink(key)
        notebook.confirm("unlinked \(from.id) \(rel) \(to.id)")
    }
}
