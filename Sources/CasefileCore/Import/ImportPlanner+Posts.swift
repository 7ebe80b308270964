extension ImportPlanner {
    /// Adds (or updates) the batch's people, posts, links and translations.
    mutating func apply(_ batch: ImportBatch, progress: ImportProgress) {
        // Translation memories change translations only: no Source, no people, no posts.
        if batch.format.holdsUnits { return applyUnits(batch) }
        let source = source(for: batch)
        for person in batch.people { _ = self.person(person, source: source) }
        var postEntries: [String?] = []
        postEntries.reserveCapacity(batch.posts.count)
        var contentIndex: [String: [String]]?
        let guesses = LanguageGuesses(batch.posts, known: postIds)
        for (index, post) in batch.posts.enumerated() {
            if index & 1023 == 0 { progress.report("\(index) of \(batch.posts.count) posts") }
            if post.text.isEmpty {
                summary.skipped.append("\(post.location): a post without text")
                postEntries.append(nil)
                continue
            }
            let author = person(post.author, source: source)
            if post.postId == nil && contentIndex == nil { contentIndex = postsByText() }
            postEntries.append(self.post(post, author: author, source: source, contentIndex: &contentIndex,
                                         guess: { guesses.language(of: index, text: $0) }))
        }
        for (index, post) in batch.posts.enumerated() {
            guard let from = postEntries[index] else { continue }
            for reference in post.references {
                guard let to = postIds[post.platform + ":" + reference.postId], to != from else { continue }
                link(from, reference.rel, to)
            }
            for handle in post.mentions {
                guard let person = notebook.handles.soleOwner(of: handle) else { continue }
                link(from, "mentions", person)
            }
        }
        for translation in batch.translations {
            guard translation.post < postEntries.count, let original = postEntries[translation.post] else { continue }
            translate(original, translation, source: source)
        }
    }

    private mutating func link(_ from: String, _ rel: String, _ to: String) {
        let key = LinkKey(from: from, rel: rel, to: to)
        guard notebook.caseFile.links[key] == nil else { return }
        notebook.put(Link(key))
        summary.added[.link, default: 0] += 1
    }

    /// The post's Id: an existing one (updated when this is a newer version), or a new post.
    private mutating func post(_ post: ImportedPost, author: String, source: String,
                               contentIndex: inout [String: [String]]?, guess: (String) -> String?) -> String {
        let keys = Self.keys(of: post)
        let text = Self.storedText(of: post)
        var existing: String?
        for key in keys where existing == nil { existing = postIds[key] }
        if existing == nil, post.postId == nil {
            let notebook = notebook
            existing = contentIndex?[text]?.first { id in
                guard let entry = notebook.caseFile.entries[id] else { return false }
                return entry["Author"] == author && (post.date == nil || entry["Date"].map { $0.hasPrefix(post.date ?? "") } == true)
            }
        }
        if let existing, var entry = notebook.caseFile.entries[existing] {
            for key in keys where postIds[key] == nil { postIds[key] = existing }
            let versions = entry.values(ImportFields.postId)
            if let id = post.postId, let key = keys.first, !versions.contains(key),
               versions.allSatisfy({ Self.isNewer(id, than: $0, platform: post.platform) }) {
                // A newer version of an edited post: its text and URL, every id kept.
                entry.set("Text", text)
                if let url = post.url { entry.set("Url", url) }
                entry.append(ImportFields.postId, key)
                notebook.put(entry)
                if !addedHere.contains(existing) { summary.updated[.post, default: 0] += 1 }
            } else if !addedHere.contains(existing), presentCounted.insert(existing).inserted {
                summary.alreadyPresent += 1
            }
            return existing
        }
        let handle = post.author.handle ?? notebook.caseFile.entries[author]?.handles.first ?? author
        let day = post.date.map { String($0.prefix(10)) }
        let id = IdGenerator.post(handleOrAuthor: handle, date: day, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var entry = Entry(kind: .post, id: id, fields: [Field("Author", author), Field("Text", text), Field("Platform", post.platform),
                                                         Field("Source", source)])
        if let date = post.date { entry.set("Date", date) }
        if let lang = post.lang ?? guess(text) { entry.set("Lang", lang) }
        if let url = post.url { entry.set("Url", url) }
        if let key = keys.first, post.postId != nil { entry.append(ImportFields.postId, key) }
        if let forwarded = post.forwardedFrom { entry.append("ForwardedFrom", forwarded) }
        notebook.put(entry)
        addedHere.insert(id)
        for key in keys { postIds[key] = id }
        if post.postId == nil { contentIndex?[text, default: []].append(id) }
        summary.added[.post, default: 0] += 1
        return id
    }

    /// Whether platform post id `id` is later than `key` (`platform:id`): tweet ids grow with time.
    static func isNewer(_ id: String, than key: String, platform: String) -> Bool {
        let other = key.hasPrefix(platform + ":") ? String(key.dropFirst(platform.count + 1)) : key
        if id.count != other.count { return id.count > other.count }
        return id > other
    }

    /// Posts without a platform id, by text (articles match quoted posts this way).
    private func postsByText() -> [String: [String]] {
        var index: [String: [String]] = [:]
        for entry in notebook.caseFile.entries.values where entry.kind == .post {
            if let text = entry.text { index[text, default: []].append(entry.id) }
        }
        return index
    }

    private mutating func translate(_ original: String, _ translation: ImportedTranslation, source: String) {
        let text = translation.text
        let existing = notebook.referencesTo(original).compactMap { reference -> Entry? in
            guard case let .field(id, "Of") = reference else { return nil }
            return notebook.caseFile.entries[id]
        }.filter { $0.kind == .translation && $0.lang == translation.lang }
        if existing.contains(where: { $0.text == text }) {
            summary.alreadyPresent += 1
            return
        }
        let id = IdGenerator.translation(of: original, lang: translation.lang, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var entry = Entry(kind: .translation, id: id, fields: [Field("Of", original), Field("Lang", translation.lang),
                                                                Field("Source", source), Field("Text", text)])
        if let translator { entry.set("By", translator) }
        if let status { entry.set("Status", status) }
        notebook.put(entry)
        addedHere.insert(id)
        summary.added[.translation, default: 0] += 1
    }
}
