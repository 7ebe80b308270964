/// Look-alike letters in names and handles: a word mixing Latin and Cyrillic (or Greek)
/// letters (`Пeрзидент` with a Latin e), or a capital I standing between small letters
/// where a small L is usual (`@FatherIand`). Impersonating accounts are made this way,
/// and verifying accounts is part of a researcher's work: a warning, not an error.
public enum Homoglyphs {
    /// What is suspicious about `text` (a name, alias or handle), or nil.
    public static func problem(in text: String) -> String? {
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
            var scripts: [String: [Character]] = [:]
            for character in word {
                guard let scalar = character.unicodeScalars.first, character.isLetter else { continue }
                let script = Self.script(of: scalar.value)
                if let script { scripts[script, default: []].append(character) }
            }
            if scripts.count > 1 {
                // The minority script's letters are the look-alikes.
                let sorted = scripts.sorted { ($0.value.count, $0.key) < ($1.value.count, $1.key) }
                let odd = sorted[0]
                let letters = String(Set(odd.value).sorted())
                return "'\(word)' mixes \(sorted.map(\.key).sorted().joined(separator: " and ")) letters (\(letters) \(odd.value.count == 1 ? "is" : "are") \(odd.key)): a look-alike?"
            }
            let characters = Array(word)
            for index in characters.indices.dropFirst().dropLast() where characters[index] == "I"
                && characters[index - 1].isLowercase && characters[index + 1].isLowercase
                && !["Mc", "Mac"].contains(String(characters[..<index]))  // McIntyre, MacIver
                && !Self.startsCamelCaseWord(characters, at: index) {
                var fixed = characters
                fixed[index] = "l"
                return "'\(word)' has a capital I between small letters, where a small l is usual ('\(String(fixed))'): a look-alike?"
            }
        }
        return nil
    }

    /// Whether the capital I at `index` begins a word of a CamelCase handle or name
    /// (`NoticiasDeIsrael`, `LostInStereoLiz`, `SaveIvan`) rather than standing for an l.
    ///
    /// The word must be CamelCase: it begins with a capital, or another capital follows a
    /// small letter in it. And the I must be followed by a consonant: words in I begin so
    /// (In, Is, It, Israel, Ivan, Igor), while an l put in as I is nearly always followed by
    /// a vowel (Iand, Iove, Iife, onIy). So `FatherIand` stays suspicious; the price is that
    /// an interior l before a consonant in a CamelCase word (`GoIden`) goes unflagged.
    static func startsCamelCaseWord(_ characters: [Character], at index: Int) -> Bool {
        guard index + 1 < characters.count, !"aeiouy".contains(characters[index + 1]) else { return false }
        if characters.first?.isUppercase == true { return true }
        return characters.indices.dropFirst().contains { other in
            other != index && characters[other].isUppercase && characters[other - 1].isLowercase
        }
    }

    private static func script(of scalar: UInt32) -> String? {
        if TermAnalyzer.isLatinLetter(scalar) { return "Latin" }
        if Cyrillic.isCyrillic(scalar) { return "Cyrillic" }
        if scalar >= 0x370 && scalar <= 0x3FF { return "Greek" }
        return nil
    }
}

extension Notebook {
    /// Warns about look-alike letters in a person's name, aliases and handles.
    func warnAboutLookAlikes(in person: Entry) {
        for field in person.fields where field.name == "Name" || field.name == "Alias" || field.name == "Handle" {
            if let problem = Homoglyphs.problem(in: field.value) { warn("\(person.id): \(field.name) \(problem)") }
        }
    }
}
