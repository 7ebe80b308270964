/// A merged case whose log still explains it. Theirs' session records were saved against
/// the common ancestor, so replayed on top of ours they can fail (a link to an entry we
/// removed) or undo what the merge kept (a conflict resolved as ours). Instead, the merged
/// file records one more session on top of ours: the commands that turn ours into the
/// merged case, run and saved like any session, so `revision --check` passes on it and
/// every earlier revision (ours) still rebuilds. The message names theirs' revisions it
/// takes in and the conflicts kept as ours.
extension CaseMerge {
    /// The merged case with the merge session on top of ours, or nil when some change
    /// cannot be written as commands (then the plain merge is all there is).
    public func withMergeSession(ours: CaseFile, base: CaseFile, theirs: CaseFile, settings: Settings) -> CaseFile? {
        let notebook = Notebook(caseFile: ours, output: BufferOutput(), settings: settings)
        notebook.showsConfirmations = false
        notebook.journaling = false
        notebook.sealsSessions = false
        var target = merged
        target.sessions = ours.sessions
        guard Self.run(Self.commands(from: ours, to: target, notebook: notebook), on: notebook) else { return nil }
        let taken = theirs.sessions.filter { !base.sessions.contains($0) }.sorted { $0.revision < $1.revision }
        var message = "merge"
        if !taken.isEmpty {
            message += " of their revisions " + taken.map { session in
                "\(session.revision)" + (session.by.map { " by \($0)" } ?? "") + (session.message.map { " (\($0))" } ?? "")
            }.joined(separator: ", ")
        }
        if !conflicts.isEmpty { message += "; kept ours: " + conflicts.joined(separator: "; ") }
        // Recorded even when ours was kept whole: the log says their revisions were seen.
        if notebook.hasUnsavedChanges || !taken.isEmpty {
            var prepared = notebook.prepareSave(message: message)
            // Both parents' hashes, ours first, as a git merge commit names its parents.
            SessionChain.seal(&prepared.caseFile, parents: [SessionChain.digest(of: ours), SessionChain.digest(of: theirs)])
            notebook.commitSave(prepared, path: nil, hash: nil)
        }
        var result = notebook.caseFile
        // What the commands made must be the merge, in every record.
        var expected = merged
        expected.sessions = result.sessions
        expected.header = result.header
        result.foreign = merged.foreign
        result.descriptorExtras = merged.descriptorExtras
        result.descriptorComments = merged.descriptorComments
        result.trailingComments = merged.trailingComments
        result.leadingComments = merged.leadingComments
        guard CaseWriter.bytes(of: result) == CaseWriter.bytes(of: expected) else { return nil }
        return result
    }

    /// Runs `lines` one by one as a session would; false at the first that fails.
    static func run(_ lines: [String]?, on notebook: Notebook) -> Bool {
        guard let lines else { return false }
        for line in lines {
            guard notebook.runInteractive(line).isEmpty else { return false }
        }
        return true
    }

    /// The command lines that turn `old` into `new` (run on `notebook`, which holds `old`,
    /// as they are made: an added entry's other fields follow from what `add` made), or
    /// nil when a change has no command (a note removed by itself, a header change).
    static func commands(from old: CaseFile, to new: CaseFile, notebook: Notebook) -> [String]? {
        var lines: [String] = []
        func word(_ text: String) -> String { Quoting.word(text) }
        if old.header.title != new.header.title { return nil }
        for (key, _) in old.notes where new.notes[key] == nil && new.entries[key.on] != nil { return nil }
        for (key, link) in old.links where new.links[key] != link {
            if new.entries[key.from] != nil && new.entries[key.to] != nil {
                lines.append("unlink \(word(key.from)) \(word(key.rel)) \(word(key.to))")
            }
        }
        for id in old.entries.keys.sorted() where new.entries[id]?.kind != old.entries[id]?.kind {
            lines.append("rm \(word(id)) --cascade")
        }
        guard run(lines, on: notebook) else { return nil }
        lines = []
        let order: [Kind] = [.source, .person, .post, .quote, .translation]
        for kind in order {
            for id in new.orderedIds(of: kind) {
                guard let entry = new.entries[id] else { continue }
                if notebook.caseFile.entries[id] == nil {
                    guard let add = addLine(entry), run([add], on: notebook) else { return nil }
                }
                guard let current = notebook.caseFile.entries[id] else { return nil }
                if current != entry {
                    guard current.comments == entry.comments,
                          run(EditCommand.commandLines(from: current, to: entry), on: notebook) else { return nil }
                }
            }
        }
        for key in new.orderedLinks() {
            guard let link = new.links[key], notebook.caseFile.links[key] != link else { continue }
            var line = "link \(word(key.from)) \(word(key.rel)) \(word(key.to))"
            if let note = link["Note"] { line += " note=" + word(note) }
            lines.append(line)
        }
        for key in new.orderedNotes() where notebook.caseFile.notes[key] == nil {
            lines.append("annotate \(word(key.on)) \(word(key.text))" + (key.by.isEmpty ? "" : " by=" + word(key.by))
                         + (key.at.isEmpty ? "" : " at=" + key.at))
        }
        return lines
    }

    /// The `add` (or `translate`) line that makes an entry of `entry`'s kind with its Id
    /// and mandatory fields; `set` and `tag` give it the rest.
    static func addLine(_ entry: Entry) -> String? {
        func word(_ text: String) -> String { Quoting.word(text) }
        let id = " id=" + word(entry.id)
        switch entry.kind {
        case .person: return entry["Name"].map { "add person \(word($0))" + id }
        case .source: return entry["Title"].map { "add source \(word($0))" + id }
        case .post:
            guard let author = entry["Author"], let date = entry["Date"], let text = entry["Text"] else { return nil }
            return "add post \(word(author)) \(word(date)) \(word(text))" + id + (entry.lang.map { " lang=" + word($0) } ?? "")
        case .quote:
            guard let speaker = entry["Speaker"], let text = entry["Text"] else { return nil }
            return "add quote \(word(speaker)) \(word(text))" + id + (entry.lang.map { " lang=" + word($0) } ?? "")
        case .translation:
            guard let of = entry["Of"], let lang = entry.lang, let text = entry["Text"] else { return nil }
            return "translate \(word(of)) \(word(lang)) \(word(text))" + id
        default: return nil
        }
    }
}
