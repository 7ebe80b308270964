extension FtMExport {
    /// What the export holds, by the Ids of the case: which entries are written, as what.
    struct Exported {
        let set: ExportSet
        /// The kind of every exported entry, by Id: one hash per question (every Id of
        /// `set.ids[k]` is an entry of the k-th kind, as both ways of making a set ensure).
        /// Nil when the set holds every entry of the case: the case's own map answers then,
        /// and no map of a million Ids is built.
        let kinds: [String: Kind]?
        /// The exported people, by Id, with what their messages refer to: worked out once
        /// for the export, not for each of a person's posts.
        let senders: [String: Sender]

        /// An exported person as the sender of messages: one object, its bytes copied out
        /// of the case once, so that a post takes one count of it and none of the mapping.
        final class Sender {
            /// The person's entity id.
            let entityId: [UInt8]
            /// The entity id of the person's (first) account, if the person has a handle.
            let accountId: [UInt8]?
            /// The person's name (or title), if any.
            let name: [UInt8]?

            init(_ person: Entry) {
                entityId = Array(FtMEntity.id("person", person.id).utf8)
                accountId = person["Handle"].map { Array(FtMExport.accountId(person.id, $0).utf8) }
                name = person.nameField.map { field in
                    var bytes: [UInt8] = []
                    field.appendValue(to: &bytes)
                    return bytes
                }
            }
        }

        init(_ set: ExportSet) {
            self.set = set
            var senders: [String: Sender] = [:]
            senders.reserveCapacity(set.entries(of: .person).count)
            for person in set.entries(of: .person) { senders[person.id] = Sender(person) }
            self.senders = senders
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
        private func entry(_ id: String) -> Entry? {
            guard let kinds else { return set.caseFile[id] }
            return kinds[id] == nil ? nil : set.caseFile[id]
        }

        private func kind(_ id: String) -> Kind? {
            guard let kinds else { return set.caseFile[id]?.kind }
            return kinds[id]
        }

        /// The prefix of the entity id of the exported entry `id`, whatever its kind
        /// (`FtMEntity.id(prefix, id)` is its entity id); nil when it is not exported (or is
        /// a post left out for want of a sender).
        func prefix(of id: String) -> String? {
            guard let entry = entry(id) else { return nil }
            switch entry.kind {
            case .person: return "person"
            case .post: return isWritten(entry, isArticle: isArticlePost(entry)) ? "post" : nil
            case .quote: return "quote"
            case .translation: return "translation"
            case .source: return "source"
            default: return nil
            }
        }

        /// Whether `id` is an exported source.
        func isSource(_ id: String) -> Bool { kind(id) == .source }

        /// Whether `id` is an exported post that is written.
        func isPost(_ id: String) -> Bool {
            guard let post = entry(id), post.kind == .post else { return false }
            return isWritten(post, isArticle: isArticlePost(post))
        }

        /// The exported person `author` names, or nil.
        func sender(of author: String?) -> Sender? { author.flatMap { senders[$0] } }

        /// Whether the exported post `post` is written: a message needs its sender (one
        /// whose author is not exported is not written) and a text.
        func isWritten(_ post: Entry, isArticle: Bool) -> Bool {
            isWritten(post, isArticle: isArticle, sender: isArticle ? nil : sender(of: post["Author"]))
        }

        /// `isWritten(_:isArticle:)` for a message whose `sender(of:)` is known.
        func isWritten(_ post: Entry, isArticle: Bool, sender: Sender?) -> Bool {
            if isArticle { return true }
            guard sender != nil else { return false }
            return post.withField("Text") { !$0.withValueBytes(FtMEntity.isBlank) } ?? false
        }

        /// Whether `id` is written as a document (a source, or an article).
        func isDocument(_ id: String) -> Bool {
            guard let entry = entry(id) else { return false }
            return entry.kind == .source || (entry.kind == .post && isArticlePost(entry))
        }
    }
}
