/// BCP 47 language tags, checked for form: `ru`, `kk`, `en-GB`, `kk-Cyrl-KZ`, `sr-Latn`, `zh-Hant-TW`.
public enum LanguageTag {
    /// Whether `tag` is a well-formed BCP 47 tag (language, optional script, region, variants).
    public static func isValid(_ tag: String) -> Bool {
        // The common case, a bare 2–3 letter language (ru, kk, en), without splitting.
        let count = tag.utf8.count
        if (2...3).contains(count) { return isAlpha(Substring(tag)) }
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...3).contains(language.count) || (5...8).contains(language.count),
              isAlpha(language) else { return false }
        var index = 1
        // Up to three extended language subtags.
        var extlangs = 0
        while index < subtags.count, subtags[index].count == 3, isAlpha(subtags[index]), extlangs < 3, language.count <= 3 {
            index += 1
            extlangs += 1
        }
        if index < subtags.count, subtags[index].count == 4, isAlpha(subtags[index]) { index += 1 }
        if index < subtags.count,
           (subtags[index].count == 2 && isAlpha(subtags[index])) || (subtags[index].count == 3 && isDigits(subtags[index])) {
            index += 1
        }
        while index < subtags.count {
            let subtag = subtags[index]
            let isVariant = ((5...8).contains(subtag.count) && isAlphanumeric(subtag))
                || (subtag.count == 4 && subtag.first?.isNumber == true && isAlphanumeric(subtag))
            if isVariant {
                index += 1
                continue
            }
            // Extensions and private use: a singleton then 2–8 (1–8 for x) alphanumerics.
            guard subtag.count == 1, isAlphanumeric(subtag), index + 1 < subtags.count else { return false }
            index += 1
            while index < subtags.count, subtags[index].count >= 2 || subtag.lowercased() == "x",
                  (1...8).contains(subtags[index].count), isAlphanumeric(subtags[index]) {
                index += 1
            }
        }
        return true
    }

    static func isAlpha(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    static func isDigits(_ text: Substring) -> Bool { text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    static func isAlphanumeric(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// The primary language subtag, lower-cased (`kk-Cyrl-KZ` → `kk`).
    public static func primary(_ tag: String) -> String {
        String(tag.split(separator: "-").first ?? Substring(tag)).lowercased()
    }
}
