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

    /// Writes the entities of `set` to `out`, each kind's in parts of `partSize` entries
    /// (nil: the default) written on every core: each entity depends on its entry alone.
    static func write(_ set: ExportSet, partSize: Int?, to out: ExportStream) {
        let exported = Exported(set)
        var servicesOf: [String: String] = [:]
        for post in set.entries(of: .post) {
            guard let author = post["Author"], let platform = post["Platform"], servicesOf[author] == nil else { continue }
            servicesOf[author] = platform
        }
        /// Writes `write(entry, &entity, out)` for each of `entries`, in parts, with one entity reused per part.
        func each<Item>(_ items: [Item], _ write: (Item, inout FtMEntity, ExportStream) -> Void) {
            out.appendParts(items.count, partSize: partSize) { range, out in
                var entity = FtMEntity(id: "", schema: "")
                for index in range { write(items[index], &entity, out) }
            }
        }
        each(set.entries(of: .person)) { person(servicesOf, $0, exported, &$1, $2) }
        each(set.entries(of: .post)) { post($0, exported, &$1, $2) }
        each(set.entries(of: .quote)) { quote($0, exported, &$1, $2) }
        each(set.entries(of: .translation)) { translation($0, exported, &$1, $2) }
        each(set.entries(of: .source)) { source($0, &$1, $2) }
        each(set.notes) { note($0, exported, &$1, $2) }
        each(set.links) { link($0, exported, &$1, $2) }
    }

    private static func person(_ servicesOf: [String: String], _ person: Entry, _ exported: Exported,
                               _ entity: inout FtMEntity, _ out: ExportStream) {
        let personId = FtMEntity.id("person", person.id)
        entity.start(id: personId, schema: "Person")
        entity.add("name", person.name ?? person.id, .name)
        for field in person.fields where field.name == "Alias" { entity.add("alias", field.value, .name) }
        for field in person.fields where field.name == "Role" { entity.add("position", field.value) }
        common(person, &entity, exported)
        entity.write(to: out)
        for field in person.fields where field.name == "Handle" {
            let handle = field.value
            entity.start(id: accountId(person.id, handle), schema: "UserAccount")
            entity.add("username", handle.hasPrefix("@") ? String(handle.dropFirst()) : handle)
            entity.add("owner", personId, .entity)
            entity.add("service", servicesOf[person.id])
            entity.add("proof", exported.document(person["Source"]), .entity)
            entity.write(to: out)
        }
    }

    private static func post(_ post: Entry, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        let isArticle = isArticlePost(post)
        let author = post["Author"]
        // A message is written with its sender: the exported person its Author names.
        let sender = isArticle ? nil : exported.sender(of: post)
        guard exported.isWritten(post, isArticle: isArticle, sender: sender) else { return }
        entity.start(id: FtMEntity.id("post", post.id), schema: isArticle ? "Article" : "Message")
        if isArticle {
            entity.add("title", NetworkGraph.excerpt(post.text ?? post.id, 120))
            entity.add("author", author.flatMap { exported.set.caseFile[$0] }?.name ?? author)
            entity.add("publishedAt", post["Date"], .date)
        } else if let sender {
            let date = post["Date"]
            let who = sender.name ?? author
            entity.add("title", who.map { who in date.map { who + ", " + $0 } ?? who } ?? date)
            entity.add("sender", FtMEntity.id("person", sender.id), .entity)
            if let handle = sender["Handle"] { entity.add("senderAccount", accountId(sender.id, handle), .entity) }
            entity.add("date", date, .date)
        }
        entity.add("bodyText", post.text, .text)
        entity.add("language", post.lang, .language)
        common(post, &entity, exported)
        entity.write(to: out)
    }

    private static func quote(_ quote: Entry, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start(id: FtMEntity.id("quote", quote.id), schema: "Note")
        let speakerId = quote["Speaker"]
        let speaker = speakerId.flatMap { exported.set.caseFile[$0] }
        entity.add("name", "Quote of " + (speaker?.name ?? speakerId ?? "unknown"), .name)
        entity.add("description", quote.text, .text)
        entity.add("entity", exported.post(quote["Post"]), .entity)
        entity.add("entity", exported.person(speakerId), .entity)
        entity.add("createdAt", quote["Date"], .date)
        entity.add("detectedLanguage", quote.lang, .language)
        common(quote, &entity, exported)
        entity.write(to: out)
    }

    private static func translation(_ translation: Entry, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start(id: FtMEntity.id("translation", translation.id), schema: "Note")
        let lang = translation.lang ?? "?"
        let original = translation["Of"]
        entity.add("name", "Translation of " + (original ?? translation.id) + " into " + lang, .name)
        entity.add("description", translation.text, .text)
        entity.add("entity", exported.any(original), .entity)
        let by = translation["By"]
        entity.add("publisher", by)
        var summary = "Translation into " + lang
        if let by { summary += " by " + by }
        if let status = translation["Status"] { summary += " (" + status + ")" }
        entity.add("summary", summary, .text)
        entity.add("detectedLanguage", translation.lang, .language)
        common(translation, &entity, exported)
        entity.write(to: out)
    }

    private static func source(_ source: Entry, _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start(id: FtMEntity.id("source", source.id), schema: "Document")
        entity.add("title", source["Title"])
        entity.add("fileName", fileName(source))
        entity.add("sourceUrl", source["Url"], .url)
        entity.add("publishedAt", source["Published"], .date)
        entity.add("retrievedAt", source["Retrieved"], .date)
        if let hash = source["Sha256"] { entity.add("notes", "SHA-256: " + hash, .text) }
        for field in source.fields where field.name == "Tag" { entity.add("keywords", field.value) }
        entity.write(to: out)
    }

    private static func note(_ key: NoteKey, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        entity.start(id: FtMEntity.hashedId("note", [key.on, key.at, key.by, key.text]), schema: "Note")
        entity.add("description", key.text, .text)
        entity.add("entity", exported.any(key.on), .entity)
        entity.add("createdAt", key.at, .date)
        entity.add("publisher", key.by)
        entity.write(to: out)
    }

    private static func link(_ key: LinkKey, _ exported: Exported, _ entity: inout FtMEntity, _ out: ExportStream) {
        guard let from = exported.any(key.from), let to = exported.any(key.to) else { return }
        let id = FtMEntity.hashedId("link", [key.from, key.rel, key.to])
        let note = exported.set.caseFile.links[key]?.note
        if exported.isDocument(key.from) || exported.isDocument(key.to) {
            let (document, other) = exported.isDocument(key.to) ? (to, from) : (from, to)
            entity.start(id: id, schema: "Documentation")
            entity.add("document", document, .entity)
            entity.add("entity", other, .entity)
        } else {
            entity.start(id: id, schema: "UnknownLink")
            entity.add("subject", from, .entity)
            entity.add("object", to, .entity)
        }
        entity.add("role", key.rel)
        entity.add("description", note, .text)
        entity.write(to: out)
    }

    /// Url, Source and Tag, which every kind may carry.
    private static func common(_ entry: Entry, _ entity: inout FtMEntity, _ exported: Exported) {
        for field in entry.fields where field.name == "Url" { entity.add("sourceUrl", field.value, .url) }
        for field in entry.fields where field.name == "Source" { entity.add("proof", exported.document(field.value), .entity) }
        for field in entry.fields where field.name == "Tag" { entity.add("keywords", field.value) }
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
        guard let platform = post["Platform"] else { return false }
        // Most platforms are written in lower case already: no new string for them.
        if platform.utf8.allSatisfy({ !(0x41...0x5A).contains($0) && $0 < 0x80 }) { return articlePlatforms.contains(platform) }
        return articlePlatforms.contains(platform.lowercased())
    }
}
