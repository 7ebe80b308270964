extension Notebook {
    /// The entry a word names: an exact Id, a `@handle`, or an unambiguous Id prefix,
    /// of one of `kinds` (any kind when empty). Unknown or ambiguous words list the candidates.
    public func resolve(_ word: Word, as kinds: Set<Kind> = []) throws(CommandError) -> Entry {
        let text = word.text
        // Only errors need the words for the kinds: not built for every lookup.
        var what: String {
            let words = Kind.allCases.filter { kinds.contains($0) }.map(\.word)
            guard let last = words.last else { return "entry" }
            return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
        }
        func accept(_ entry: Entry) throws(CommandError) -> Entry {
            guard kinds.isEmpty || kinds.contains(entry.kind) else {
                throw CommandError("'\(entry.id)' is a \(entry.kind.word), not a \(what)", at: word)
            }
            return entry
        }
        if text.isEmpty { throw CommandError("an empty Id", at: word, hint: "name an entry by its Id or @handle") }
        if let entry = caseFile.entries[text] { return try accept(entry) }
        if text.utf8.first == UInt8(ascii: "@") {
            if let owner = handles.soleOwner(of: text), let entry = caseFile.entries[owner] { return try accept(entry) }
            let people = self.people(withHandle: text)
            if people.count == 1, let entry = caseFile.entries[people[0]] { return try accept(entry) }
            if people.count > 1 {
                throw CommandError("\(text) is the handle of several people", at: word,
                                   hint: "use one of the Ids: " + people.joined(separator: ", "))
            }
            // Only on this error path: every handle is compared (case-insensitively).
            let close = Suggestions.closest(to: HandleIndex.key(text), in: handles.allKeys).map { "@" + $0 }
            let add = "add person NAME handle=\(text)"
            throw CommandError("no person has the handle \(text)", at: word,
                               hint: close.isEmpty ? "add it with: " + add
                                   : "did you mean " + close.joined(separator: " or ") + "? If not, add it with: " + add)
        }
        let lowered = text.lowercased()
        if lowered != text, let entry = caseFile.entries[lowered] { return try accept(entry) }
        // Counting every match of a short prefix would be O(n) on a big case: look at 201.
        var candidates = ids(withPrefix: lowered, limit: 201)
        if !kinds.isEmpty { candidates = candidates.filter { caseFile.entries[$0].map { kinds.contains($0.kind) } ?? false } }
        if candidates.count == 1, let entry = caseFile.entries[candidates[0]] { return entry }
        if candidates.count > 1, let original = soleOriginal(among: candidates, kinds: kinds) { return original }
        if candidates.count > 1 {
            let shown = candidates.prefix(8).joined(separator: ", ")
            let more = candidates.count > 8 ? ", …" : ""
            let count = candidates.count > 200 ? "more than 200" : String(candidates.count)
            throw CommandError("'\(text)' is ambiguous: it starts \(count) Ids", at: word,
                               hint: "did you mean one of: \(shown)\(more)?")
        }
        throw CommandError("no \(what) '\(text)'", at: word, hint: suggestion(for: lowered, kinds: kinds))
    }

    /// The one candidate the others are translations of (`politrash-2014-03-24` among it
    /// and `politrash-2014-03-24.en`), where an original may be meant: a prefix of a post's
    /// Id is that post even once it has translations.
    private func soleOriginal(among candidates: [String], kinds: Set<Kind>) -> Entry? {
        guard kinds.isEmpty || kinds.contains(.post) || kinds.contains(.quote), candidates.count <= 200 else { return nil }
        let named = Set(candidates)
        var original: Entry?
        for id in candidates {
            guard let entry = caseFile.entries[id] else { continue }
            if entry.kind == .translation, let of = entry["Of"], named.contains(of) { continue }
            guard original == nil else { return nil }
            original = entry
        }
        return original
    }

    /// A did-you-mean for an unknown Id, from Ids sharing its first letters.
    private func suggestion(for text: String, kinds: Set<Kind>) -> String {
        var pool: [String] = []
        var length = min(3, text.count)
        while pool.isEmpty && length > 0 {
            pool = ids(withPrefix: String(text.prefix(length)), limit: 500)
            length -= 1
        }
        if !kinds.isEmpty { pool = pool.filter { caseFile.entries[$0].map { kinds.contains($0.kind) } ?? false } }
        return Suggestions.hint(for: text, in: pool) ?? "list the Ids with: list" + (kinds.count == 1 ? " \(kinds.first?.word ?? "")" : "")
    }
}
