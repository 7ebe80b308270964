/// The words of a name or a text, each with the folding keys search gives it, for
/// telling whether two spellings are the same name (Yesimov, Esimov, Есимов).
struct NameWords {
    /// The word as written (a trailing possessive `'s` removed).
    var text: String
    /// Its normal form (case-folded).
    var surface: String
    /// Its folding keys, stems included.
    var keys: [String]
    /// The number of letters.
    var letters: Int

    /// The words of `text`: runs of letters (apostrophes inside kept out of the key).
    static func words(of text: String) -> [NameWords] {
        var result: [NameWords] = []
        var current = ""
        func flush() {
            var word = current
            current = ""
            for suffix in ["'s", "’s", "‘s"] where word.hasSuffix(suffix) { word.removeLast(2) }
            while let last = word.last, last == "'" || last == "’" || last == "‘" { word.removeLast() }
            guard !word.isEmpty else { return }
            var bytes = word
            let info = bytes.withUTF8 { TermAnalyzer.analyze($0, namespace: .word) }
            result.append(NameWords(text: word, surface: info.surface, keys: info.fullKeys + info.stemKeys,
                                    letters: word.count))
        }
        for character in text {
            if character.isLetter || ((character == "'" || character == "’" || character == "‘") && !current.isEmpty) {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Whether `other` folds to one of this word's keys: the same name in another spelling or script.
    func isSameName(as other: NameWords) -> Bool {
        keys.contains { other.keys.contains($0) }
    }

    /// The smallest edit distance between the two words' first folding keys (how far
    /// apart two Latin spellings are once folded: Shcholokov and Shchyolokov are 1).
    func distance(to other: NameWords) -> Int {
        guard let a = keys.first, let b = other.keys.first else { return Int.max }
        return Suggestions.editDistance(Array(a), Array(b), limit: 3)
    }
}
