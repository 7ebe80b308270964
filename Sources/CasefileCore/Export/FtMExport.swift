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
    public static func write(_ set: ExportSet, to out: ExportStream) {
        let caseFile = set.caseFile
        let exported = Exported(set)
        var servicesOf: [String: String] = [:]
        for id in set.ids(of: .post) {
            guard let post = caseFile[id], let author = post["Author"], let platform = post["Platform"], servicesOf[author] == nil else { continue }
            servicesOf[author] = platform
        }
        for person in set.entries(of: .person) {
            var entity = FtMEntity(id: FtMEntity.id("person", person.id), schema: "Person")
            entity.add("name", person.name ?? person.id, .name)
            for alias in person.values("Alias") { entity.add("alias", alias, .name) }
            for role in person.values("Role") { entity.add("position", role) }
            common(person, &entity, exported)
            entity.write(to: out)
            for handle in person.handles {
                var account = FtMEntity(id: accountId(person.id, handle), schema: "UserAccount")
                account.add("username", handle.hasPrefix("@") ? String(handle.dropFirst()) : handle)
                account.add("owner", FtMEntity.id("person", person.id), .entity)
                account.add("service", servicesOf[person.id])
                account.add("proof", exported.document(person["Source"]), .entity)
                account.write(to: out)
            }
        }
        for post in set.entries(of: .post) {
            let isArticle = isArticlePost(post)
            var entity = FtMEntity(id: FtMEntity.id("post", post.id), schema: isArticle ? "Article" : "Message")
            let author = post["Author"].flatMap { caseFile[$0] }
            if isArticle {
                entity.add("title", NetworkGraph.excerpt(post.text ?? post.id, 120))
                entity.add("author", author?.name ?? post["Author"])
                entity.add("publishedAt", post["Date"], .date)
            } else {
                entity.add("title", [author?.name ?? post["Author"], post["Date"]].compactMap { $0 }.joined(separator: ", "))
                entity.add("sender", exported.person(post["Author"]), .entity)
                if let author, let handle = author.handles.first, exported.contains(author.id) {
                    entity.add("senderAccount", accountId(author.id, handle), .entity)
                }
                entity.add("date", post["Date"], .date)
            }
            entity.add("bodyText", post.text, .text)
            entity.add("language", post.lang, .language)
            common(post, &entity, exported)
            if !exported.isWritten(post, isArticle: isArticle) { continue }
            entity.write(to: out)
        }
        for quote in set.entries(of: .quote) {
            var entity = FtMEntity(id: FtMEntity.id("quote", quote.id), schema: "Note")
            let speaker = quote["Speaker"].flatMap { caseFile[$0] }
            entity.add("name", "Quote of " + (speaker?.name ?? quote["Speaker"] ?? "unknown"), .name)
            entity.add("description", quote.text, .text)
            entity.add("entity", exported.post(quote["Post"]), .entity)
            entity.add("entity", exported.person(quote["Speaker"]), .entity)
            entity.add("createdAt", quote["Date"], .date)
            entity.add("detectedLanguage", quote.lang, .language)
            common(quote, &entity, exported)
            entity.write(to: out)
        }
        for translation in set.entries(of: .translation) {
            var entity = FtMEntity(id: FtMEntity.id("translation", translation.id), schema: "Note")
            let lang = translation.lang ?? "?"
            entity.add("name", "Translation of \(translation["Of"] ?? translation.id) into \(lang)", .name)
            entity.add("description", translation.text, .text)
            entity.add("entity", exported.any(translation["Of"]), .entity)
            entity.add("publisher", translation["By"])
            var summary = "Translation into \(lang)"
            if let by = translation["By"] { summary += " by \(by)" }
            if let status = translation["Status"] { summary += " (\(status))" }
            entity.add("summary", summary, .text)
            entity.add("detectedLanguage", translation.lang, .language)
            common(translation, &entity, exported)
            entity.write(to: out)
        }
        for source in set.entries(of: .source) {
            var entity = FtMEntity(id: FtMEntity.id("source", source.id), schema: "Document")
            entity.add("title", source["Title"])
            entity.add("fileName", fileName(source))
            entity.add("sourceUrl", source["Url"], .url)
            entity.add("publishedAt", source["Published"], .date)
            entity.add("retrievedAt", source["Retrieved"], .date)
            if let hash = source["Sha256"] { entity.add("notes", "SHA-256: " + hash, .text) }
            for tag in source.tags { entity.add("keywords", tag) }
            entity.write(to: out)
        }
        for key in set.notes {
            var entity = FtMEntity(id: FtMEntity.hashedId("note", [key.on, key.at, key.by, key.text]), schema: "Note")
            entity.add("description", key.text, .text)
            entity.add("entity", exported.any(key.on), .entity)
            entity.add("createdAt", key.at, .date)
            entity.add("publisher", key.by)
            entity.write(to: out)
        }
        for key in set.links {
            guard let from = exported.any(key.from), let to = exported.any(key.to) else { continue }
            let id = FtMEntity.hashedId("link", [key.from, key.rel, key.to])
            let note = caseFile.links[key]?.note
            if exported.isDocument(key.from) || exported.isDocument(key.to) {
                let (document, other) = exported.isDocument(key.to) ? (to, from) : (from, to)
                var entity = FtMEntity(id: id, schema: "Documentation")
                entity.add("document", document, .entity)
                entity.add("entity", other, .entity)
                entity.add("role", key.rel)
                entity.add("description", note, .text)
                entity.write(to: out)
            } else {
                var entity = FtMEntity(id: id, schema: "UnknownLink")
                entity.add("subject", from, .entity)
                entity.add("object", to, .entity)
                entity.add("role", key.rel)
                entity.add("description", note, .text)
                entity.write(to: out)
            }
        }
    }

    /// Url, Source and Tag, which every kind may carry.
    private static func common(_ entry: Entry, _ entity: inout FtMEntity, _ exported: Exported) {
        for url in entry.values("Url") { entity.add("sourceUrl", url, .url) }
        for source in entry.values("Source") { entity.add("proof", exported.document(source), .entity) }
        for tag in entry.tags { entity.add("keywords", tag) }
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

    /// The entity ids of what the export holds, by the Ids of the case.
    struct Exported {
        let set: ExportSet
        /// The kind of every exported entry, by Id: one hash per question (every Id of
        /// `set.ids[k]` is an entry of the k-th kind, as both ways of making a set ensure).
        let kinds: [String: Kind]

        init(_ set: ExportSet) {
            self.set = set
            var kinds = [String: Kind](minimumCapacity: set.entryCount)
            for (ordinal, list) in set.ids.enumerated() where !list.isEmpty {
                let kind = Kind.allCases[ordinal]
                for id in list { kinds[id] = kind }
            }
            self.kinds = kinds
        }

        func contains(_ id: String) -> Bool { kinds[id] != nil }

        private func kind(_ id: String?) -> Kind? {
            guard let id else { return nil }
            return kinds[id]
        }

        /// The entity id of the exported entry `id`, whatever its kind; nil when it is
        /// not exported (or is a post left out for want of a sender).
        func any(_ id: String?) -> String? {
            guard let id, let kind = kind(id) else { return nil }
            switch kind {
            case .person: return FtMEntity.id("person", id)
            case .post: return post(id)
            case .quote: return FtMEntity.id("quote", id)
            case .translation: return FtMEntity.id("translation", id)
            case .source: return FtMEntity.id("source", id)
            default: return nil
            }
        }

        func person(_ id: String?) -> String? { kind(id) == .person ? id.map { FtMEntity.id("person", $0) } : nil }

        func document(_ id: String?) -> String? { kind(id) == .source ? id.map { FtMEntity.id("source", $0) } : nil }

        func post(_ id: String?) -> String? {
            guard let id, kind(id) == .post, let post = set.caseFile[id] else { return nil }
            return isWritten(post, isArticle: isArticlePost(post)) ? FtMEntity.id("post", id) : nil
        }

        /// Whether the exported post `post` is written: a message needs its sender (one
        /// whose author is not exported is not written) and a text.
        func isWritten(_ post: Entry, isArticle: Bool) -> Bool {
            if isArticle { return true }
            guard kind(post["Author"]) == .person else { return false }
            return !(post.text.map(FtMEntity.isBlank) ?? true)
        }

        /// Whether `id` is written as a document (a source, or an article).
        func isDocument(_ id: String) -> Bool {
            guard let kind = kinds[id] else { return false }
            if kind == .source { return true }
            return kind == .post && set.caseFile[id].map(isArticlePost) ?? false
        }
    }

    /// Whether `post` is written as an `Article` (its platform is a blog or a news site).
    static func isArticlePost(_ post: Entry) -> Bool {
        guard let platform = post["Platform"] else { return false }
        // Most platforms are written in lower case already: no new string for them.
        if platform.utf8.allSatisfy({ !(0x41...0x5A).contains($0) && $0 < 0x80 }) { return articlePlatforms.contains(platform) }
        return articlePlatforms.contains(platform.lowercased())
    }
}
