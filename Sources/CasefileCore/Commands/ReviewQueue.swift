/// What a translator still has to do, oldest first: originals with no translation into a
/// language, and translations not yet final. `untranslated`, `review` and `next` read it.
struct ReviewQueue {
    /// One piece of work.
    enum Item {
        /// A post or quote with no translation into the queue's language.
        case untranslated(Entry)
        /// A translation whose status is not final, with its original when paired.
        case review(Entry, original: Entry?)

        /// The post or quote the work is about (the translation itself when unpaired).
        var subject: Entry {
            switch self {
            case .untranslated(let original): return original
            case .review(let translation, let original): return original ?? translation
            }
        }
    }

    let notebook: Notebook

    /// The posts and quotes not in `lang` with no translation into it, by date (undated
    /// last), then Id.
    func untranslated(into lang: String) -> [Entry] {
        let target = LanguageTag.primary(lang)
        var found: [Entry] = []
        for kind in [Kind.post, .quote] {
            for id in notebook.caseFile.orderedIds(of: kind) {
                guard let entry = notebook.caseFile.entries[id] else { continue }
                if let own = entry.lang, LanguageTag.primary(own) == target { continue }
                if !translations(of: id).contains(where: { $0.lang.map(LanguageTag.primary) == target }) {
                    found.append(entry)
                }
            }
        }
        return found.sorted(by: Self.oldestFirst)
    }

    /// The posts and quotes of person `id` (as Author or Speaker) with no translation
    /// into `lang`, oldest first.
    func untranslated(by id: String, into lang: String) -> [Entry] {
        let target = LanguageTag.primary(lang)
        let works = notebook.referencesTo(id).compactMap { reference -> Entry? in
            guard case let .field(other, field) = reference, field == "Author" || field == "Speaker" else { return nil }
            return notebook.caseFile.entries[other]
        }
        return works.filter { work in
            if let own = work.lang, LanguageTag.primary(own) == target { return false }
            return !translations(of: work.id).contains { $0.lang.map(LanguageTag.primary) == target }
        }.sorted(by: Self.oldestFirst)
    }

    /// The translations (into `lang` when given) whose status is `status`, or any but
    /// final when nil, ordered by their original's date, then Id.
    func review(lang: String?, status: String?) -> [(translation: Entry, original: Entry?)] {
        let target = lang.map(LanguageTag.primary)
        var found: [(translation: Entry, original: Entry?)] = []
        for id in notebook.caseFile.orderedIds(of: .translation) {
            guard let translation = notebook.caseFile.entries[id] else { continue }
            if let target, translation.lang.map(LanguageTag.primary) != target { continue }
            let own = (translation["Status"] ?? "draft").lowercased()
            if let status { if own != status { continue } } else if own == "final" { continue }
            found.append((translation, translation["Of"].flatMap { notebook.caseFile.entries[$0] }))
        }
        return found.sorted { Self.oldestFirst($0.original ?? $0.translation, $1.original ?? $1.translation)
            || (($0.original ?? $0.translation).id == ($1.original ?? $1.translation).id && $0.translation.id < $1.translation.id) }
    }

    /// Both queues for `lang` in one list, oldest subject first; for one subject the
    /// missing translation comes before the ones to review.
    func items(lang: String) -> [Item] {
        var items = untranslated(into: lang).map(Item.untranslated)
        items += review(lang: lang, status: nil).map { Item.review($0.translation, original: $0.original) }
        return items.enumerated().sorted { left, right in
            let (a, b) = (left.element.subject, right.element.subject)
            if a.id == b.id { return left.offset < right.offset }
            return Self.oldestFirst(a, b)
        }.map(\.element)
    }

    /// The translations of `id` (entries whose `Of` is `id`).
    func translations(of id: String) -> [Entry] {
        notebook.referencesTo(id).compactMap { reference in
            guard case let .field(other, "Of") = reference, let translation = notebook.caseFile.entries[other],
                  translation.kind == .translation else { return nil }
            return translation
        }
    }

    /// Dated before undated, then by date, then by Id: the order work is listed in.
    static func oldestFirst(_ a: Entry, _ b: Entry) -> Bool {
        switch (a["Date"], b["Date"]) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.id < b.id
        }
    }
}
