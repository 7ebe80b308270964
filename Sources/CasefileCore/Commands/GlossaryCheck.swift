/// How the case spells each person's name in each language (`Spelling: en Akhmetzhan
/// Esimov` on the person) and the translations that spell a known person otherwise
/// (`Yesimov`). The cross-script folding keys of search decide that a word *is* the
/// person's name; the glossary decides how it should be written.
public enum GlossaryCheck {
    /// One person's name in one language.
    struct Spelling: Equatable {
        /// The language tag.
        var lang: String
        /// The name as written in that language.
        var name: String
    }

    /// A translation that writes a known name otherwise than the glossary.
    public struct Finding: Equatable, Sendable, CustomStringConvertible {
        /// The translation's Id.
        public var translation: String
        /// The person's Id.
        public var person: String
        /// The word as the translation writes it.
        public var found: String
        /// The case's spelling of that word.
        public var expected: String
        /// The whole spelling it belongs to.
        public var spelling: String
        /// The language of the translation.
        public var lang: String

        /// `ID writes 'Yesimov' where the case spells esimov 'Akhmetzhan Esimov' in en`.
        public var description: String {
            "\(translation) writes '\(found)' where the case spells \(person) '\(spelling)' in \(lang)"
        }
    }

    /// The spellings on `person` (`Spelling: LANG NAME`; a colon after the tag is allowed).
    static func spellings(of person: Entry) -> [Spelling] {
        person.values("Spelling").compactMap(parse)
    }

    /// `en Akhmetzhan Esimov` or `en: Akhmetzhan Esimov`, nil when it has no tag and name.
    static func parse(_ value: String) -> Spelling? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == ":" }) else { return nil }
        var tag = String(trimmed[..<space])
        if tag.hasSuffix(":") { tag.removeLast() }
        let name = trimmed[space...].drop(while: { $0 == ":" || $0 == " " })
        guard LanguageTag.isValid(tag), !name.isEmpty else { return nil }
        return Spelling(lang: tag.lowercased(), name: String(name))
    }

    /// The findings for `translation` against `people`.
    static func findings(in translation: Entry, people: [Entry]) -> [Finding] {
        guard let lang = translation.lang.map(LanguageTag.primary), let text = translation.text else { return [] }
        let words = NameWords.words(of: text)
        var found: [Finding] = []
        for person in people {
            guard let spelling = spellings(of: person).first(where: { LanguageTag.primary($0.lang) == lang }) else { continue }
            let expected = NameWords.words(of: spelling.name).filter { $0.letters >= 3 }
            // Every way the case writes this person's name, in any script: a word matching
            // one of these is the person's name.
            let known = ([person.name ?? ""] + person.values("Alias") + spellings(of: person).map(\.name))
                .flatMap(NameWords.words(of:)).filter { $0.letters >= 3 }
            for word in words where word.letters >= 3 {
                if expected.contains(where: { $0.surface == word.surface }) { continue }
                // The same name once folded, or one letter off in a long name (ё written
                // as o: Shcholokov for Щёлоков).
                guard known.contains(where: { $0.isSameName(as: word) || (word.letters >= 6 && $0.distance(to: word) <= 1) }),
                      let closest = expected.min(by: { $0.distance(to: word) < $1.distance(to: word) }),
                      closest.isSameName(as: word) || closest.distance(to: word) <= 2 else { continue }
                let finding = Finding(translation: translation.id, person: person.id, found: word.text,
                                      expected: closest.text, spelling: spelling.name, lang: translation.lang ?? lang)
                if !found.contains(finding) { found.append(finding) }
            }
        }
        return found
    }

    /// The people a new or changed translation is checked against: everyone with a
    /// spelling when the case is small, else those tied to its original.
    static func people(for translation: Entry, notebook: Notebook) -> [Entry] {
        let everyone = notebook.caseFile.orderedIds(of: .person)
        if everyone.count <= 20_000 {
            return everyone.compactMap { notebook.caseFile.entries[$0] }.filter { !$0.values("Spelling").isEmpty }
        }
        guard let original = translation["Of"].flatMap({ notebook.caseFile.entries[$0] }) else { return [] }
        var ids: [String] = [original["Author"], original["Speaker"]].compactMap { $0 }
        for reference in notebook.referencesTo(original.id) {
            if case let .link(key) = reference { ids.append(key.from == original.id ? key.to : key.from) }
        }
        return ids.compactMap { notebook.caseFile.entries[$0] }.filter { $0.kind == .person && !$0.values("Spelling").isEmpty }
    }

    /// Says, after `translate` or a change of text, where `translation` departs from the glossary.
    static func remark(on translation: Entry, notebook: Notebook) {
        for finding in findings(in: translation, people: people(for: translation, notebook: notebook)) {
            notebook.remark("note: \(finding)")
        }
    }

    /// Every finding in `caseFile`, translations in Id order.
    /// - Complexity: O(translations × people with a spelling × words).
    public static func check(_ caseFile: CaseFile) -> [Finding] {
        let people = caseFile.orderedIds(of: .person).compactMap { caseFile.entries[$0] }
            .filter { !$0.values("Spelling").isEmpty }
        guard !people.isEmpty else { return [] }
        return caseFile.orderedIds(of: .translation).compactMap { caseFile.entries[$0] }
            .flatMap { findings(in: $0, people: people) }
    }
}
