/// `export tmx`: a TMX 1.4b translation memory with one `<tu>` per original↔translation
/// pair, for OmegaT or any CAT tool.
///
/// Each unit has the original's `<tuv>` (its language, and its date as `creationdate`)
/// and the translation's (the translator as `creationid`); `srclang` is the original's
/// language; the Ids, the status and the original's kind and author are `<prop>`s. The
/// header names casefile, paragraph segments, plain text, and the case's save time.
public enum TMXExport {
    /// Writes the pairs of `set` to `out`; returns what was left out and why.
    public static func write(_ set: ExportSet, to out: ExportStream) -> [String] {
        let caseFile = set.caseFile
        var pairs: [(original: Entry, translation: Entry)] = []
        var noLanguage: [String] = []
        var unpaired = 0
        for id in set.ids(of: .translation) {
            guard let translation = caseFile[id] else { continue }
            guard let of = translation["Of"], let original = caseFile[of], original.text != nil else {
                unpaired += 1
                continue
            }
            guard language(original) != nil, language(translation) != nil else {
                noLanguage.append(language(original) == nil ? original.id : translation.id)
                continue
            }
            pairs.append((original, translation))
        }
        let sources = Set(pairs.compactMap { language($0.original) })
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
        out.append("  <header creationtool=\"casefile\" creationtoolversion=\"\(JSONExport.version)\" segtype=\"paragraph\"")
        out.append(" o-tmf=\"casefile\" adminlang=\"en\" srclang=\"")
        out.appendXMLText(sources.count == 1 ? sources.first ?? "*all*" : "*all*")
        out.append("\" datatype=\"plaintext\"")
        if let saved = caseFile.header.saved, let date = tmxDate(saved) { out.append(" creationdate=\"\(date)\"") }
        out.append(">\n")
        if let title = caseFile.header.title { prop("x-case", title, out, indent: "    ") }
        out.append("  </header>\n  <body>\n")
        for (original, translation) in pairs {
            let source = language(original) ?? ""
            out.append("    <tu tuid=\"")
            out.appendXMLText(translation.id)
            out.append("\" srclang=\"")
            out.appendXMLText(source)
            out.append("\"")
            if let by = translation["By"] {
                out.append(" creationid=\"")
                out.appendXMLText(by)
                out.append("\"")
            }
            out.append(">\n")
            prop("x-original", original.id, out)
            prop("x-translation", translation.id, out)
            prop("x-kind", original.kind.word, out)
            if let author = original["Author"] ?? original["Speaker"] { prop("x-author", author, out) }
            if let status = translation["Status"] { prop("x-status", status, out) }
            tuv(original, lang: source, creator: nil, out)
            tuv(translation, lang: language(translation) ?? "", creator: translation["By"], out)
            out.append("    </tu>\n")
        }
        out.append("  </body>\n</tmx>\n")
        var warnings: [String] = []
        if !noLanguage.isEmpty {
            warnings.append("tmx: left out \(noLanguage.count) pair\(noLanguage.count == 1 ? "" : "s") without a language tag ("
                            + noLanguage.prefix(5).joined(separator: ", ") + (noLanguage.count > 5 ? ", …" : "")
                            + "): set ID Lang=ru")
        }
        if unpaired > 0 {
            warnings.append("tmx: left out \(unpaired) translation\(unpaired == 1 ? "" : "s") without an original (pair them with: pair ORIGINAL TRANSLATION)")
        }
        return warnings
    }

    /// The entry's language tag, if it has a valid one.
    static func language(_ entry: Entry) -> String? {
        guard let lang = entry.lang, LanguageTag.isValid(lang) else { return nil }
        return lang
    }

    private static func prop(_ type: String, _ value: String, _ out: ExportStream, indent: String = "      ") {
        out.append(indent + "<prop type=\"\(type)\">")
        out.appendXMLText(value)
        out.append("</prop>\n")
    }

    private static func tuv(_ entry: Entry, lang: String, creator: String?, _ out: ExportStream) {
        out.append("      <tuv xml:lang=\"")
        out.appendXMLText(lang)
        out.append("\"")
        if let creator {
            out.append(" creationid=\"")
            out.appendXMLText(creator)
            out.append("\"")
        }
        if let date = entry["Date"].flatMap(tmxDate) { out.append(" creationdate=\"\(date)\"") }
        out.append("><seg>")
        out.appendXMLText(entry.text ?? "")
        out.append("</seg></tuv>\n")
    }

    /// An ISO date (`2014-02-04`) or UTC date-time (`2025-11-25T12:00:00Z`) in TMX's form
    /// (`20140204T000000Z`); nil for a partial date or one with an offset.
    static func tmxDate(_ iso: String) -> String? {
        let utf8 = Array(iso.utf8)
        func digits(_ range: Range<Int>) -> String? {
            guard range.upperBound <= utf8.count, utf8[range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return String(decoding: utf8[range], as: UTF8.self)
        }
        guard utf8.count >= 10, utf8[4] == 0x2D, utf8[7] == 0x2D, let year = digits(0..<4), let month = digits(5..<7),
              let day = digits(8..<10) else { return nil }
        if utf8.count == 10 { return "\(year)\(month)\(day)T000000Z" }
        guard utf8.count == 20, utf8[10] == 0x54, utf8[19] == 0x5A, let hour = digits(11..<13), let minute = digits(14..<16),
              let second = digits(17..<19) else { return nil }
        return "\(year)\(month)\(day)T\(hour)\(minute)\(second)Z"
    }
}
