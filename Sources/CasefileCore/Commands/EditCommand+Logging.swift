/// `edit` is made of the commands a script would use for the same change (`set`, `unset`,
/// `tag`, `untag`): they are run here, one after the other, so the session log records
/// them (an `edit` line could not be replayed: it needs an editor and the user). What
/// the change is, then, is what those commands make, and a replay makes the same.
extension EditCommand {
    /// The command lines that turn `old` into `new` (the same entry, edited): one `untag`
    /// and one `tag` for the tags, one `unset` for the fields removed, one `set` per field
    /// changed (a repeatable field given once per value).
    static func commandLines(from old: Entry, to new: Entry) -> [String] {
        let id = Quoting.word(old.id)
        var lines: [String] = []
        let removedTags = old.tags.filter { !new.tags.contains($0) }
        let addedTags = new.tags.filter { !old.tags.contains($0) }
        if !removedTags.isEmpty { lines.append((["untag", id] + removedTags.map(Quoting.word)).joined(separator: " ")) }
        var names: [String] = []
        for field in old.fields + new.fields where field.name != "Tag" && !names.contains(field.name) {
            names.append(field.name)
        }
        let removed = names.filter { new[$0] == nil }
        if !removed.isEmpty { lines.append((["unset", id] + removed.map(Quoting.word)).joined(separator: " ")) }
        for name in names where new[name] != nil && old.values(name) != new.values(name) {
            let key = name.lowercased()
            let assignments = new.values(name).map { key + "=" + Quoting.word($0) }
            lines.append((["set", id] + assignments).joined(separator: " "))
        }
        if !addedTags.isEmpty { lines.append((["tag", id] + addedTags.map(Quoting.word)).joined(separator: " ")) }
        return lines
    }

    /// Makes the change from `old` to `new` by running `commandLines`, quietly, as part of
    /// the running `edit` (one undo takes it all back). A command that refuses the change
    /// refuses the edit, at `word`.
    static func apply(from old: Entry, to new: Entry, on notebook: Notebook, at word: Word) throws(CommandError) {
        if new.comments != old.comments {
            throw CommandError("the edited entry adds comment lines, which no command can record in the session log",
                               at: word, hint: "remove the added # lines; put remarks in a note: annotate \(old.id) TEXT")
        }
        let showed = notebook.showsConfirmations
        notebook.showsConfirmations = false
        defer { notebook.showsConfirmations = showed }
        for text in commandLines(from: old, to: new) {
            let lexed = Lexer.lex(text)
            for line in lexed.commands {
                do {
                    try notebook.execute(line)
                } catch {
                    throw CommandError("the edit cannot be made: \(error.message)", at: word,
                                       hint: error.hint ?? "edit \(old.id) again and change it")
                }
            }
        }
    }
}
