/// The shared selection step: search hits and `--entries` Ids become an export set with
/// what they need to be read (translations, originals, authors, sources) and the links
/// and notes that follow them.
extension ExportSet {
    /// Fields whose value names another entry that a reader of the selected one needs.
    static let followedReferences = ["Author", "Speaker", "Post", "Of", "Source"]

    /// The set chosen by `selection`, where `matches` are the Ids its query found.
    ///
    /// - the *chosen* entries are the matches and the `--entries` Ids (every entry when
    ///   neither narrows), each original with its translations and each translation with
    ///   its original; translations whose status is not among `statuses` are left out;
    /// - links with an end among the chosen entries follow them, and bring their other end;
    /// - the entries these name (authors, speakers, posts quoted, sources) come along,
    ///   and the notes on everything in the set.
    /// - Complexity: O(n) over the case's translations, links and notes, plus the size of the set.
    public init(caseFile: CaseFile, selection: ExportSelection, matches: [String]) {
        let statuses = Set(selection.statuses.map { $0.lowercased() })
        func keeps(_ translation: Entry) -> Bool {
            statuses.isEmpty || statuses.contains((translation["Status"] ?? "").lowercased())
        }
        let narrowed = !selection.query.isEmpty || !selection.entries.isEmpty
        var translationsOf: [String: [String]] = [:]
        for entry in caseFile.entries.values where entry.kind == .translation {
            if let original = entry["Of"] { translationsOf[original, default: []].append(entry.id) }
        }
        var core = Set<String>()
        if narrowed {
            core.formUnion(matches)
            core.formUnion(selection.entries)
        } else {
            core = Set(caseFile.entries.keys)
        }
        var chosen = Set<String>()
        var expanded = Set<String>()
        // An entry comes with its pair: an original with its (kept) translations, a
        // translation with its original (alone: `lang:en` does not bring the `kk` ones).
        // Whatever order the entries come in, the result is the same.
        func include(_ id: String) {
            guard let entry = caseFile[id] else { return }
            if entry.kind == .translation {
                guard keeps(entry) else { return }
                chosen.insert(id)
                if let original = entry["Of"], caseFile[original] != nil { chosen.insert(original) }
            } else {
                chosen.insert(id)
                guard expanded.insert(id).inserted else { return }
                for translation in translationsOf[id] ?? [] where caseFile[translation].map(keeps) ?? false {
                    chosen.insert(translation)
                }
            }
        }
        for id in core { include(id) }
        var links: [LinkKey] = []
        for key in caseFile.links.keys where core.contains(key.from) || core.contains(key.to) {
            guard caseFile[key.from] != nil || caseFile[key.to] != nil else { continue }
            links.append(key)
            include(key.from)
            include(key.to)
        }
        // What the chosen entries name, and what that names in turn (a quote's post's author).
        var work = Array(chosen)
        while let id = work.popLast() {
            guard let entry = caseFile[id] else { continue }
            for field in entry.fields where Self.followedReferences.contains(field.name) {
                guard let target = caseFile[field.value], !chosen.contains(target.id) else { continue }
                if target.kind == .translation && !keeps(target) { continue }
                chosen.insert(target.id)
                work.append(target.id)
            }
        }
        var notes: [NoteKey] = []
        for key in caseFile.notes.keys where chosen.contains(key.on) { notes.append(key) }
        var records = [[Entry]](repeating: [], count: Kind.allCases.count)
        for id in chosen { if let entry = caseFile[id] { records[entry.kind.ordinal].append(entry) } }
        for index in records.indices { records[index].sort { ByteOrder.less($0.id, $1.id) } }
        links.sort()
        notes.sort()
        self.init(caseFile: caseFile, selection: selection.isEverything ? nil : selection, records: records,
                  links: links, notes: notes)
    }
}
