/// `export ftm`: FollowTheMoney entities as JSON lines, for Aleph / OpenAleph and the
/// `ftm` tools.
///
/// person → `Person` (name, aliases in every script, position, keywords); each handle →
/// `UserAccount` (owner, username, service from the person's posts); post → `Message`
/// (sender, senderAccount, bodyText, date, language, sourceUrl), or `Article` when its
/// platform is a blog or a news site; source → `Document` (its SHA-256 in `notes`: FtM's
/// `contentHash` holds SHA-1 only); quote and note → `Note` on what they concern;
/// translation → a `Note` on the original with the text (`description`), the translator
/// (`publisher`) and the status (`summary`); link → `UnknownLink` (role = relation), or
/// `Documentation` when one end is a document; an entry's Source → `proof`. Ids are
/// derived from the case's Ids, so they are the same in every export.
public enum FtMExport {
    /// Platforms whose posts are articles rather than messages.
    static let articlePlatforms: Set<String> = ["blog", "article", "news", "web", "website", "livejournal", "medium", "substack"]

    /// Writes the entities of `set` to `out`, one per line.
    public static func write(_ set: ExportSet, to out: ExportStream) { write(set, partSize: nil, to: out) }

    /// Writes the entities of `set` to `out`, in parts of `partSize` entries, links and
    /// notes (nil: the default) written on every core: each entity depends on its entry alone.
    static func write(_ set: ExportSet, partSize: Int?, to out: ExportStream) {
        let exported = Exported(set)
        let servicesOf = services(set.entries(of: .post))
        let people = set.entries(of: .person), posts = set.entries(of: .post), quotes = set.entries(of: .quote)
        let translations = set.entries(of: .translation), sources = set.entries(of: .source)
        // Every kind's entities in one run of parts, so that no core waits at the end of a
        // kind for the other's last part: the k-th list's items are items starts[k]..<starts[k + 1].
        let counts = [people.count, posts.count, quotes.count, translations.count, sources.count, set.notes.count, set.links.count]
        let starts = counts.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
        out.appendParts(starts[counts.count], partSize: partSize) { range, out in
            var entity = FtMEntity(id: "", schema: "")
            var index = range.lowerBound
            while index < range.upperBound {
                guard let list = starts.indices.last(where: { starts[$0] <= index }), list < counts.count else { return }
                let end = min(range.upperBound, starts[list + 1])
                for item in (index - starts[list])..<(end - starts[list]) {
                    switch list {
                    case 0: person(servicesOf, people[item], exported, &entity, out)
                    case 1: post(posts[item], exported, &entity, out)
                    case 2: quote(quotes[item], exported, &entity, out)
                    case 3: translation(translations[item], exported, &entity, out)
                    case 4: source(sources[item], &entity, out)
                    case 5: note(set.notes[item], exported, &entity, out)
                    default: link(set.links[item], exported, &entity, out)
                    }
                }
                index = end
            }
        }
    }

    /// The platform of each author's first post, by author: an account's service. Worked
    /// out on every core, each part's first posts merged in order, so the first post wins.
    static func services(_ posts: [Entry], minimumPart: Int = 32_768) -> [String: String] {
        let parts = Parallel.parts(for: posts.count, minimum: minimumPart)
        let found = Parallel.map(parts) { part in
            var services: [String: String] = [:]
            for post in posts[Parallel.range(part, of: parts, count: posts.count)] {
                guard let author = post["Author"], services[author] == nil, let platform = post["Platform"] else { continue }
                services[author] = platform
            }
            return services
        }
        guard var services = found.first else { return [:] }
        for later in found.dropFirst() { services.merge(later) { first, _ in first } }
        return services
    }

    private static func person(_ servicesOf: [String: String], _ person: Entry, _ exported: Exported,
                               _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start("person", person.id, schema: "Person")
        if let name = person.nameField {
            entity.add("name", name, .name)
        } else {
            entity.add("name", person.id, .name)
        }
        person.forEachField(named: "Alias") { entity.add("alias", $0, .name) }
        person.forEachField(named: "Role") { entity.add("position", $0) }
        common(person, &entity, exported)
        entity.write(to: out)
        person.forEachField(named: "Handle") { field in
            let handle = field.value
            entity.start(id: accountId(person.id, handle), schema: "UserAccount")
            entity.add("username", handle.hasPrefix("@") ? String(handle.dropFirst()) : handle)
            entity.addReference("owner", "person", person.id)
            entity.add("service", servicesOf[person.id])
            if let source = person["Source"], exported.isSource(source) { entity.addReference("proof", "source", source) }
            entity.write(to: out)
        }
    }

    private static func post(_ post: Entry, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        let isArticle = isArticlePost(post)
        let author = post["Author"]
        // A message is written with its sender: the exported person its Author names.
        let sender = isArticle ? nil : exported.sender(of: author)
        guard exported.isWritten(post, isArticle: isArticle, sender: sender) else { return }
        entity.start("post", post.id, schema: isArticle ? "Article" : "Message")
        if isArticle {
            entity.add("title", NetworkGraph.excerpt(post.text ?? post.id, 120))
            entity.add("author", author.flatMap { exported.set.caseFile[$0] }?.name ?? author)
            entity.add("publishedAt", from: post, "Date", .date)
        } else if let sender {
            entity.add("title") { title in
                if let name = sender.name { title.append(contentsOf: name) } else if var author { author.withUTF8 { title.append(contentsOf: $0) } }
                post.withField("Date") { date in
                    if sender.name != nil || author != nil { title.append(contentsOf: ", ".utf8) }
                    date.appendValue(to: &title)
                }
            }
            entity.add("sender", .entity) { $0.append(contentsOf: sender.entityId) }
            if let account = sender.accountId { entity.add("senderAccount", .entity) { $0.append(contentsOf: account) } }
            entity.add("date", from: post, "Date", .date)
        }
        entity.add("bodyText", from: post, "Text", .text)
        entity.add("language", from: post, "Lang", .language)
        common(post, &entity, exported)
        entity.write(to: out)
    }

    private static func quote(_ quote: Entry, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start("quote", quote.id, schema: "Note")
        let speakerId = quote["Speaker"]
        let speakerName = speakerId.flatMap { exported.set.caseFile[$0] }?.nameField
        entity.add("name", .name) { name in
            name.append(contentsOf: "Quote of ".utf8)
            if let speakerName { speakerName.appendValue(to: &name) } else { name.append(contentsOf: (speakerId ?? "unknown").utf8) }
        }
        entity.add("description", from: quote, "Text", .text)
        if let post = quote["Post"], exported.isPost(post) { entity.addReference("entity", "post", post) }
        if let speaker = exported.sender(of: speakerId) { entity.add("entity", .entity) { $0.append(contentsOf: speaker.entityId) } }
        entity.add("createdAt", from: quote, "Date", .date)
        entity.add("detectedLanguage", from: quote, "Lang", .language)
        common(quote, &entity, exported)
        entity.write(to: out)
    }

    private static func translation(_ translation: Entry, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start("translation", translation.id, schema: "Note")
        let original = translation["Of"]
        // ` into LANG`, or ` into ?` for a translation without a language.
        func putLanguage(_ bytes: inout [UInt8]) {
            bytes.append(contentsOf: " into ".utf8)
            if translation.withField("Lang", { $0.appendValue(to: &bytes) }) == nil { bytes.append(UInt8(ascii: "?")) }
        }
        entity.add("name", .name) { name in
            name.append(contentsOf: "Translation of ".utf8)
            var named = original ?? translation.id
            named.withUTF8 { name.append(contentsOf: $0) }
            putLanguage(&name)
        }
        entity.add("description", from: translation, "Text", .text)
        if let original, let prefix = exported.prefix(of: original) { entity.addReference("entity", prefix, original) }
        let by = translation["By"]
        entity.add("publisher", by)
        entity.add("summary", .text) { summary in
            summary.append(contentsOf: "Translation".utf8)
            putLanguage(&summary)
            if var by {
                summary.append(contentsOf: " by ".utf8)
                by.withUTF8 { summary.append(contentsOf: $0) }
            }
            translation.withField("Status") { status in
                summary.append(contentsOf: " (".utf8)
                status.appendValue(to: &summary)
                summary.append(UInt8(ascii: ")"))
            }
        }
        entity.add("detectedLanguage", from: translation, "Lang", .language)
        common(translation, &entity, exported)
        entity.write(to: out)
    }

    private static func source(_ source: Entry, _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start("source", source.id, schema: "Document")
        entity.add("title", from: source, "Title")
        entity.add("fileName", fileName(source))
        entity.add("sourceUrl", from: source, "Url", .url)
        entity.add("publishedAt", from: source, "Published", .date)
        entity.add("retrievedAt", from: source, "Retrieved", .date)
        source.withField("Sha256") { hash in
            entity.add("notes", .text) { notes in
                notes.append(contentsOf: "SHA-256: ".utf8)
                hash.appendValue(to: &notes)
            }
        }
        source.forEachField(named: "Tag") { entity.add("keywords", $0) }
        entity.write(to: out)
    }

    private static func note(_ key: NoteKey, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start(id: FtMEntity.hashedId("note", [key.on, key.at, key.by, key.text]), schema: "Note")
        entity.add("description", key.text, .text)
        if let prefix = exported.prefix(of: key.on) { entity.addReference("entity", prefix, key.on) }
        entity.add("createdAt", key.at, .date)
        entity.add("publisher", key.by)
        entity.write(to: out)
    }

    private static func link(_ key: LinkKey, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        guard let fromPrefix = exported.prefix(of: key.from), let toPrefix = exported.prefix(of: key.to) else { return }
        let id = FtMEntity.hashedId("link", [key.from, key.rel, key.to])
        let note = exported.set.caseFile.links[key]?.field("Note")
        let documentIsTo = exported.isDocument(key.to)
        if documentIsTo || exported.isDocument(key.from) {
            entity.start(id: id, schema: "Documentation")
            entity.addReference("document", documentIsTo ? toPrefix : fromPrefix, documentIsTo ? key.to : key.from)
            entity.addReference("entity", documentIsTo ? fromPrefix : toPrefix, documentIsTo ? key.from : key.to)
        } else {
            entity.start(id: id, schema: "UnknownLink")
            entity.addReference("subject", fromPrefix, key.from)
            entity.addReference("object", toPrefix, key.to)
        }
        entity.add("role", key.rel)
        entity.add("description", note, .text)
        entity.write(to: out)
    }

    /// Url, Source and Tag, which every kind may carry.
    private static func common(_ entry: Entry, _ entity: inout FtMEntity, _ exported: Exported) {
        entry.forEachField(named: "Url") { entity.add("sourceUrl", $0, .url) }
        entry.forEachField(named: "Source") { field in
            let source = field.value
            if exported.isSource(source) { entity.addReference("proof", "source", source) }
        }
        entry.forEachField(named: "Tag") { entity.add("keywords", $0) }
    }

    static func accountId(_ person: String, _ handle: String) -> String {
        FtMEntity.id("account", person + "@" + (handle.hasPrefix("@") ? String(handle.dropFirst()) : handle))
    }

    /// A document's file name: the last part of its URL's path, else its Id.
    static func fileName(_ source: Entry) -> String {
        if let url = source["Url"], let last = url.split(separator: "?").first?.split(separator: "/").last,
           !url.hasSuffix("/"), !last.contains(":") {
            return String(last)
        }
        return source.id
    }

    /// Whether `post` is written as an `Article` (its platform is a blog or a news site).
    static func isArticlePost(_ post: Entry) -> Bool {
        post.withField("Platform") { platform in platform.withValueBytes { bytes in
            // Most platforms are ASCII: compared on their bytes, in any case, with no string made.
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                return articlePlatforms.contains(String(decoding: bytes, as: UTF8.self).lowercased())
            }
            return articlePlatformBytes.contains { name in
                name.count == bytes.count && zip(name, bytes).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
            }
        } } ?? false
    }

    /// `articlePlatforms` as bytes.
    private static let articlePlatformBytes = articlePlatforms.map { Array($0.utf8) }
}
