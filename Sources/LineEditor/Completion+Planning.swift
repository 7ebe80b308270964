extension Completion {
    /// What TAB does to the line: the word to replace (from `start` to the cursor), the text
    /// replacing it, and whether to list the candidates. Independent of libedit.
    struct Plan: Equatable {
        /// The replacement for the typed word, or nil to leave the line alone.
        var replacement: String?
        /// Whether to list the candidates under the prompt.
        var listsCandidates: Bool
    }

    /// The plan for the typed word `typed` (the text from `start` to the cursor).
    ///
    /// One candidate replaces the word, with a space unless the candidate says otherwise.
    /// Several are listed; their longest common prefix (by Characters, so a UTF-8 sequence is
    /// never cut) replaces the word when it extends it — compared case-insensitively, so
    /// `ес` becomes `Ес` — and is left alone when the candidates do not share the typed
    /// prefix at all (`Айт` offering `aitelenov` and `aitbaev`).
    func plan(typed: String) -> Plan {
        guard let first = candidates.first else { return Plan(replacement: nil, listsCandidates: false) }
        if candidates.count == 1 {
            return Plan(replacement: first.value + (first.appendsSpace ? " " : ""), listsCandidates: false)
        }
        let prefix = Completion.commonPrefix(of: candidates.map(\.value))
        let extends = prefix.count >= typed.count
            && prefix.lowercased().hasPrefix(typed.lowercased())
            && prefix != typed
        return Plan(replacement: extends ? prefix : nil, listsCandidates: true)
    }

    /// The longest common prefix of `values`, compared Character by Character.
    static func commonPrefix(of values: [String]) -> String {
        guard var prefix = values.first.map({ Array($0) }) else { return "" }
        for value in values.dropFirst() {
            var length = 0
            for character in value {
                guard length < prefix.count, prefix[length] == character else { break }
                length += 1
            }
            prefix.removeSubrange(length...)
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }
}
