/// `export xliff`: an XLIFF 2.0 bilingual file for one language pair, the file a CAT tool
/// opens to translate: one `<unit>` per translation into the target language, and one
/// (state `initial`, no target) per original still to translate.
///
/// XLIFF 2.0 has one source and one target language per document (`srcLang`, `trgLang`),
/// so originals in other languages are left out, and the export says so. Each segment's
/// `state` mirrors the translation's Status (draft → translated, reviewed, final);
/// the unit carries the Ids as `cf:original` and `cf:translation` (casefile's namespace)
/// and the Id as its `name`; author, date and translator are notes. Characters XML cannot
/// hold are written as `<cp hex="…"/>`, so every text comes back exactly.
public enum XLIFFExport {
    /// casefile's namespace for the Ids on units (what `import xliff` reads).
    public static let casefileNamespace = "urn:casefile:xliff:1"

    /// Writes `set` to `out`; returns what was left out and why.
    public static func write(_ set: ExportSet, options: ExportOptions, to out: ExportStream) throws(ExportError) -> [String] {
        let caseFile = set.caseFile
        let originals = set.entries(of: .post) + set.entries(of: .quote)
        let targetLang = try target(set, options: options)
        let target = LanguageTag.primary(targetLang)
        var counts: [String: Int] = [:]
        for original in originals {
            guard let lang = original.lang, LanguageTag.primary(lang) != target else { continue }
            counts[lang, default: 0] += 1
        }
        let sourceLang = options.sourceLang ?? counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        guard let sourceLang else {
            throw .needsLanguage("nothing to translate into \(targetLang): no post or quote in another language",
                                 hint: "give originals their language (set ID lang=ru), or choose --to")
        }
        var otherLanguage: [String: Int] = [:]
        var noLanguage = 0
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<xliff xmlns=\"\(XLIFFReader.namespace)\" xmlns:cf=\"\(casefileNamespace)\" version=\"2.0\" srcLang=\"")
        out.appendXMLText(sourceLang)
        out.append("\" trgLang=\"")
        out.appendXMLText(targetLang)
        out.append("\">\n  <file id=\"f1\" canResegment=\"no\"")
        if let title = caseFile.header.title {
            out.append(" original=\"")
            out.appendXMLText(title)
            out.append("\"")
        }
        out.append(">\n")
        var usedIds: Set<String> = []
        var units = 0
        for original in originals {
            guard let lang = original.lang else {
                noLanguage += 1
                continue
            }
            if LanguageTag.primary(lang) == target { continue }
            guard LanguageTag.primary(lang) == LanguageTag.primary(sourceLang) else {
                otherLanguage[lang, default: 0] += 1
                continue
            }
            let translations = set.translations(of: original.id).filter { $0.lang.map(LanguageTag.primary) == target }
            if translations.isEmpty {
                unit(original: original, translation: nil, usedIds: &usedIds, counter: &units, out)
            }
            for translation in translations {
                unit(original: original, translation: translation, usedIds: &usedIds, counter: &units, out)
            }
        }
        out.append("  </file>\n</xliff>\n")
        var warnings: [String] = []
        for (lang, count) in otherLanguage.sorted(by: { $0.key < $1.key }) {
            warnings.append("xliff: left out \(count) original\(count == 1 ? "" : "s") in \(lang) (XLIFF has one source language): export xliff --from \(lang) --to \(targetLang)")
        }
        if noLanguage > 0 {
            warnings.append("xliff: left out \(noLanguage) original\(noLanguage == 1 ? "" : "s") without a language tag: set ID lang=ru")
        }
        return warnings
    }

    /// The target language: `--to`, else the one language the selection's translations are in.
    static func target(_ set: ExportSet, options: ExportOptions) throws(ExportError) -> String {
        if let lang = options.targetLang { return lang }
        var langs: [String: String] = [:]
        for translation in set.entries(of: .translation) {
            guard let lang = translation.lang, LanguageTag.isValid(lang) else { continue }
            langs[LanguageTag.primary(lang)] = langs[LanguageTag.primary(lang)] ?? lang
        }
        guard langs.count == 1, let only = langs.values.first else {
            let named = langs.values.sorted().joined(separator: ", ")
            throw .needsLanguage(langs.isEmpty ? "xliff needs the language to translate into"
                                     : "the translations are into \(named): XLIFF holds one target language",
                                 hint: "export xliff --to \(langs.values.sorted().first ?? "en")")
        }
        return only
    }

    private static func unit(original: Entry, translation: Entry?, usedIds: inout Set<String>, counter: inout Int,
                             _ out: ExportStream) {
        counter += 1
        let id = translation?.id ?? original.id
        // A unit's id is an XML name token; an Id that is not one (a hand-edited case) gets a number.
        var unitId = isNameToken(id) ? id : "u\(counter)"
        while !usedIds.insert(unitId).inserted { unitId = "u\(counter)-\(usedIds.count)" }
        out.append("    <unit id=\"")
        out.appendXMLText(unitId)
        out.append("\" name=\"")
        out.appendXMLText(id)
        out.append("\" cf:original=\"")
        out.appendXMLText(original.id)
        out.append("\"")
        if let translation {
            out.append(" cf:translation=\"")
            out.appendXMLText(translation.id)
            out.append("\"")
        }
        out.append(">\n")
        var notes: [(String, String)] = [("kind", original.kind.word)]
        if let author = original["Author"] ?? original["Speaker"] { notes.append(("author", author)) }
        if let date = original["Date"] { notes.append(("date", date)) }
        if let by = translation?["By"] { notes.append(("translator", by)) }
        out.append("      <notes>\n")
        for (category, text) in notes {
            out.append("        <note category=\"\(category)\">")
            appendText(text, out)
            out.append("</note>\n")
        }
        out.append("      </notes>\n")
        out.append("      <segment id=\"s1\" state=\"\(state(translation))\">\n        <source xml:space=\"preserve\">")
        appendText(original.text ?? "", out)
        out.append("</source>\n")
        if let translation {
            out.append("        <target xml:space=\"preserve\">")
            appendText(translation.text ?? "", out)
            out.append("</target>\n")
        }
        out.append("      </segment>\n    </unit>\n")
    }

    /// The segment state that mirrors a translation's Status (none yet: initial).
    static func state(_ translation: Entry?) -> String {
        guard let translation else { return "initial" }
        switch (translation["Status"] ?? "draft").lowercased() {
        case "reviewed": return "reviewed"
        case "final": return "final"
        default: return "translated"
        }
    }

    /// Text as XLIFF content: escaped, with `<cp hex>` for what XML cannot hold.
    static func appendText(_ text: String, _ out: ExportStream) {
        guard text.unicodeScalars.contains(where: { !ExportStream.isXMLCharacter($0) }) else { return out.appendXMLText(text) }
        var run = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if ExportStream.isXMLCharacter(scalar) {
                run.append(scalar)
                continue
            }
            out.appendXMLText(String(run))
            run = String.UnicodeScalarView()
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out.append("<cp hex=\"" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "\"/>")
        }
        out.appendXMLText(String(run))
    }

    /// Whether `id` is an XML name token of ASCII letters, digits, `.`, `-`, `_` (all a
    /// generated Id holds).
    static func isNameToken(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F
        }
    }
}
