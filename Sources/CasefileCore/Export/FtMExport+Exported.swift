extension FtMExport {
    /// The entity ids of what the export holds, by the Ids of the case.
    struct Exported {
        let set: ExportSet
        /// The kind of every exported entry, by Id: one hash per question (every Id of
        /// `set.ids[k]` is an entry of the k-th kind, as both ways of making a set ensure).
        /// Nil when the set holds every entry of the case: the case's own map answers then,
        /// and no map of a million Ids is built.
        let kinds: [String: Kind]?

        init(_ set: ExportSet) {
            self.set = set
            // The set's entries are entries of the case, each once: as many means all of them.
            guard set.entryCount != set.caseFile.entries.count else {
                kinds = nil
                return
            }
            var kinds = [String: Kind](minimumCapacity: set.entryCount)
            for (ordinal, list) in set.ids.enumerated() where !list.isEmpty {
                let kind = Kind.allCases[ordinal]
                for id in list { kinds[id] = kind }
            }
            self.kinds = kinds
        }

        /// The exported entry `id`, or nil when it is not exported.
        private func entry(_ id: String?) -> Entry? {
            guard let id else { return nil }
            guard let kinds else { return set.caseFile[id] }
            return kinds[id] == nil ? nil : set.caseFile[id]
        }

        private func kind(_ id: String?) -> Kind? {
            guard let id else { return nil }
            guard let kinds else { return set.caseFile[id]?.kind }
            return kinds[id]
        }

        /// The entity id of the exported entry `id`, whatever its kind; nil when it is
        /// not exported (or is a post left out for want of a sender).
        func any(_ id: String?) -> String? {
            guard let id, let entry = entry(id) else { return nil }
            switch entry.kind {
            case .person: return FtMEntity.id("person", id)
            case .post: return isWritten(entry, isArticle: isArticlePost(entry)) ? FtMEntity.id("post", id) : nil
            case .quote: return FtMEntity.id("quote", id)
            case .translation: return FtMEntity.id("translation", id)
            case .source: return FtMEntity.id("source", id)
            default: return nil
            }
        }

        func person(_ id: String?) -> String? { kind(id) == .person ? id.map { FtMEntity.id("person", $0) } : nil }

        func document(_ id: String?) -> String? { kind(id) == .source ? id.map { FtMEntity.id("source", $0) } : nil }

        func post(_ id: String?) -> String? {
            guard let id, let post = entry(id), post.kind == .post else { return nil }
            return isWritten(post, isArticle: isArticlePost(post)) ? FtMEntity.id("post", id) : nil
        }

        /// The exported person the Author of `post` names, or nil.
        func sender(of post: Entry) -> Entry? {
            guard let author = entry(post["Author"]), author.kind == .person else { return nil }
            return author
        }

        /// Whether the exported post `post` is written: a message needs its sender (one
        /// whose author is not exported is not written) and a text.
        func isWritten(_ post: Entry, isArticle: Bool) -> Bool {
            isWritten(post, isArticle: isArticle, sender: isArticle ? nil : sender(of: post))
        }

        /// `isWritten(_:isArticle:)` for a message whose `sender(of:)` is known.
        func isWritten(_ post: Entry, isArticle: Bool, sender: Entry?) -> Bool {
            if isArticle { return true }
            guard sender != nil else { return false }
            return !(post.text.map(FtMEntity.isBlank) ?? true)
        }

        /// Whether `id` is written as a document (a source, or an article).
        func isDocument(_ id: String) -> Bool {
            guard let entry = entry(id) else { return false }
            return entry.kind == .source || (entry.kind == .post && isArticlePost(entry))
        }
    }
}
