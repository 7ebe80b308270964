/// Turns parsed batches into entries of the open case, through the notebook (so that the
/// whole import is one undoable change): people matched by the platform's account id, then
/// by handle; posts by the platform's post id (an edit's other ids too), or for articles by
/// author, date and text; links for replies, quotes, reposts and mentions.
struct ImportPlanner {
    let notebook: Notebook
    /// `by=` and `status=` for translations (articles).
    var translator: String?
    var status: String?
    /// `status=` for TMX and XLIFF units, nil when not given (the file's status then counts).
    var unitStatus: String?
    var summary = ImportSummary()

    /// `platform:account` → person Id, for the whole case (built once per import).
    var accounts: [String: String] = [:]
    /// `platform:post id` → post Id.
    var postIds: [String: String] = [:]
    /// Entries this import added, so that the same tweet met twice in a file counts once.
    var addedHere: Set<String> = []
    /// Entries found already present, each counted once however often the file repeats it.
    var presentCounted: Set<String> = []
    /// People met in this import, by account or handle key.
    var peopleMet: [String: String] = [:]

    init(notebook: Notebook) {
        self.notebook = notebook
        // One pass over the case: imports are O(case + file), never O(case) per record.
        for entry in notebook.caseFile.entries.values {
            switch entry.kind {
            case .person: for account in entry.values(ImportFields.account) { accounts[account] = entry.id }
            case .post: for id in entry.values(ImportFields.postId) { postIds[id] = entry.id }
            default: break
            }
        }
    }

    /// The Source entry for a batch: an existing one with the same SHA-256 (or, for an
    /// article, the same URL or title), else a new one.
    mutating func source(for batch: ImportBatch) -> String {
        let sources = notebook.caseFile.entries.values.filter { $0.kind == .source }
        if let same = sources.first(where: { $0["Sha256"] == batch.sha256 }) { return same.id }
        if batch.format == .article,
           var same = sources.first(where: { (batch.url != nil && $0["Url"] == batch.url) || $0["Title"] == batch.title }) {
            same.set("Sha256", batch.sha256)
            notebook.put(same)
            summary.updated[.source, default: 0] += 1
            return same.id
        }
        let id = IdGenerator.source(title: batch.title, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var entry = Entry(kind: .source, id: id, fields: [Field("Title", batch.title), Field("Sha256", batch.sha256)])
        if let url = batch.url { entry.set("Url", url) }
        if let published = batch.published { entry.set("Published", published) }
        if let retrieved = batch.retrieved { entry.set("Retrieved", retrieved) }
        entry.append(ImportFields.format, batch.format.rawValue)
        if let tool = batch.tool { entry.append(ImportFields.tool, tool) }
        notebook.put(entry)
        addedHere.insert(id)
        summary.added[.source, default: 0] += 1
        return id
    }

    /// The person Id for `person`: found by account, then handle, else added.
    mutating func person(_ person: ImportedPerson, source: String) -> String {
        let accountKey = person.account.map { person.platform + ":" + $0 }
        let handleKey = person.handle.map { "@" + HandleIndex.key($0) }
        if let key = accountKey ?? handleKey, let known = peopleMet[key] { return known }
        var found: String?
        if let accountKey { found = accounts[accountKey] }
        if found == nil, let handle = person.handle, let owner = notebook.handles.soleOwner(of: handle),
           let entry = notebook.caseFile.entries[owner] {
            // A handle now used by another account of the same platform is not that person.
            let prefix = person.platform + ":"
            let others = entry.values(ImportFields.account).filter { $0.hasPrefix(prefix) }
            if accountKey == nil || others.isEmpty { found = owner }
        }
        let id: String
        if let found, var entry = notebook.caseFile.entries[found] {
            let before = entry
            if let accountKey, !entry.values(ImportFields.account).contains(accountKey) { entry.append(ImportFields.account, accountKey) }
            if let handle = person.handle, !entry.handles.contains(where: { HandleIndex.key($0) == HandleIndex.key(handle) }) {
                // A changed handle: the new one is the handle, the old ones stay as aliases.
                for old in entry.handles where !entry.values("Alias").contains(old) { entry.append("Alias", old) }
                entry.set("Handle", handle)
            }
            if let name = person.name, !name.isEmpty, entry.name != name, !entry.values("Alias").contains(name) {
                entry.append("Alias", name)
            }
            if entry != before {
                notebook.put(entry)
                if !addedHere.contains(entry.id) { summary.updated[.person, default: 0] += 1 }
            }
            id = found
        } else {
            id = newPersonId(person)
            let name = person.name.flatMap { $0.isEmpty ? nil : $0 } ?? person.handle
                ?? "\(person.platform) account \(person.account ?? "?")"
            var entry = Entry(kind: .person, id: id, fields: [Field("Name", name), Field("Source", source)])
            if let handle = person.handle { entry.set("Handle", handle) }
            if let accountKey { entry.append(ImportFields.account, accountKey) }
            notebook.put(entry)
            addedHere.insert(id)
            summary.added[.person, default: 0] += 1
        }
        if let accountKey { accounts[accountKey] = id; peopleMet[accountKey] = id }
        if let handleKey { peopleMet[handleKey] = id }
        return id
    }

    /// An imported person's Id: the handle (as for posts), else a slug of the name, else
    /// the platform and account id.
    private func newPersonId(_ person: ImportedPerson) -> String {
        let entries = notebook.caseFile.entries
        let counters = notebook.idCounters
        if let handle = person.handle {
            let base = IdGenerator.slug(String(handle.dropFirst()), counters: counters, keepUnderscore: true)
            if !base.isEmpty, IdGenerator.problem(with: base) == nil {
                return entries[base] == nil ? base : IdGenerator.numbered(base, in: entries, counters: counters)
            }
        }
        if let name = person.name, !IdGenerator.slug(name, counters: counters).isEmpty {
            return IdGenerator.person(name: name, in: entries, counters: counters)
        }
        let base = IdGenerator.slug(person.platform + "-" + (person.account ?? "account"), counters: counters)
        return entries[base] == nil ? base : IdGenerator.numbered(base, in: entries, counters: counters)
    }
}

/// The fields an import adds beyond the schema's.
enum ImportFields {
    /// On a person: `platform:account id`, repeatable.
    static let account = "AccountId"
    /// On a post: `platform:post id`, one per known version.
    static let postId = "PostId"
    /// On a source: the format read.
    static let format = "Format"
    /// On a source: the tool and version that wrote the file.
    static let tool = "Tool"
}
