import Foundation

/// `list [KIND] [FIELD=VALUE]…`: one line per entry.
struct ListCommand: ShellCommand {
    static let name = "list"
    static let aliases = ["ls"]
    static let group = CommandGroup.viewing
    static let usage = "list [KIND] [FIELD=VALUE]… [FIELD!=VALUE]… [tag=T]"
    static let summary = "List entries, one line each, optionally of one kind and with given field values."
    static let help = """
        Lists entries in Id order. KIND is person, post, quote, translation, source, link or
        note. FIELD=VALUE keeps entries whose field has exactly that value (lang=ru,
        author=aitelenov, tag=detained); field names are matched without regard to case.
        """
    static let example = "list post lang=ru"
    static let arguments = [ArgumentSpec("KIND", .kind, optional: true), ArgumentSpec("FIELD=VALUE", .assignment, repeating: true),
                            ArgumentSpec("FIELD!=VALUE", .word, optional: true, repeating: true)]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var kinds = Kind.identified
        var negated = call.positionals.compactMap(ListFilter.init(negated:))
        let kindWord = call.word(0).flatMap { ListFilter(negated: $0) == nil ? $0 : nil }
        if let word = kindWord {
            guard let kind = Kind(word: word.text) ?? (word.text.lowercased() == "people" ? .person : nil) else {
                throw CommandError("'\(word.text)' is not a kind", at: word,
                                   hint: Suggestions.hint(for: word.text, in: Kind.allCases.map(\.word))
                                       ?? "kinds: " + Kind.allCases.map(\.word).joined(separator: ", "))
            }
            if kind == .link { return listLinks(notebook) }
            if kind == .note { return listNotes(notebook) }
            if kind == .session { throw CommandError("sessions are listed by log", at: word, hint: "log") }
            kinds = [kind]
        }
        for word in call.positionals.dropFirst(kindWord == nil ? 0 : 1) where ListFilter(negated: word) == nil {
            throw CommandError("unexpected '\(word.text)'", at: word, hint: "usage: \(usage)")
        }
        negated.sort { ($0.word.line, $0.word.column) < ($1.word.line, $1.word.column) }
        let filters = call.assignments.map { ListFilter(field: $0.field, value: $0.value, word: $0.word) } + negated
        let listedKinds = kinds
        try ListFilter.checkFields(filters, kinds: listedKinds) {
            listedKinds.lazy.flatMap { notebook.caseFile.orderedIds(of: $0) }.compactMap { notebook.caseFile.entries[$0] }
        }
        var count = 0
        var seen = 0
        let lists = kinds.map { notebook.caseFile.orderedIds(of: $0) }
        // Ids are padded to a common width (up to 28 columns) so the columns line up.
        var idWidth = 0
        for list in lists { for id in list where id.utf8.count > idWidth { idWidth = min(28, id.utf8.count) } }
        for list in lists {
            for id in list {
                seen += 1
                if seen % 4096 == 0, notebook.isInterrupted() {
                    notebook.say("(interrupted after \(count) entries)")
                    return
                }
                guard let entry = notebook.caseFile.entries[id], matches(entry, filters) else { continue }
                notebook.output.line(EntryLine.render(entry, width: notebook.output.width, idWidth: idWidth))
                count += 1
            }
        }
        notebook.say("\(count) \(count == 1 ? "entry" : "entries")")
    }

    static func matches(_ entry: Entry, _ filters: [ListFilter]) -> Bool {
        filters.allSatisfy { $0.matches(entry) }
    }

    static func listLinks(_ notebook: Notebook) {
        let keys = notebook.caseFile.orderedLinks()
        for key in keys { notebook.say("link        \(key.from) \(key.rel) \(key.to)") }
        notebook.say("\(keys.count) link\(keys.count == 1 ? "" : "s")")
    }

    static func listNotes(_ notebook: Notebook) {
        let keys = notebook.caseFile.orderedNotes()
        for key in keys {
            let line = "note        \(key.on)  \(key.at)  \(key.by)  " + key.text.replacingOccurrences(of: "\n", with: " ")
            notebook.output.line(TextWidth.truncate(Terminal.visible(line, keepNewlines: false), to: notebook.output.width))
        }
        notebook.say("\(keys.count) note\(keys.count == 1 ? "" : "s")")
    }
}
