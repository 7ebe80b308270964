/// Dates as researchers type them: `2014-02-04`, `4 February 2014`, `February 4, 2014`,
/// `4 Feb 2014`, `2014-02`, `2014`; stored as ISO.
enum DateParser {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// The ISO form of `text`, or nil.
    static func iso(_ text: String) -> String? {
        if let first = text.utf8.first, first >= 0x30, first <= 0x39, ISODate.isValid(text) { return text }
        let trimmed = text.trimmingCharacters(in: " \t")
        // Untrimmed, it was checked above (an ISO date starts with a digit).
        if trimmed.utf8.count != text.utf8.count, ISODate.isValid(trimmed) { return trimmed }
        // Split on the bytes: splitting a String walks its characters.
        let parts = trimmed.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x2C }).map { String(Substring($0)) }
        guard parts.count == 3 else { return nil }
        var day: Int?
        var month: Int?
        var year: Int?
        for part in parts {
            if let number = Int(part) {
                if part.count == 4 { year = number } else { day = number }
            } else if let index = monthIndex(part) {
                month = index
            }
        }
        guard let day, let month, let year, (1...ISODate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    private static func monthIndex(_ word: String) -> Int? {
        let lowered = word.lowercased().trimmingCharacters(in: ".")
        guard lowered.count >= 3 else { return nil }
        return months.firstIndex { $0.utf8.starts(with: lowered.utf8) }.map { $0 + 1 }
    }
}

/// A language guessed from the letters of a text.
enum LanguageGuess {
    /// Letters only Kazakh has → kk; only Ukrainian → uk; only Belarusian → be; `і`
    /// without any of those (Kazakh texts nearly always have some) → uk, or be beside
    /// `ў`; other Cyrillic → ru; Latin → en; nil when there are no letters.
    static func guess(_ text: String) -> String? {
        var cyrillic = 0
        var latin = 0
        var kazakh = 0
        var ukrainian = 0
        var belarusian = 0
        var dottedI = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x04D8, 0x04D9, 0x0492, 0x0493, 0x049A, 0x049B, 0x04A2, 0x04A3, 0x04E8, 0x04E9, 0x04B0, 0x04B1,
                 0x04AE, 0x04AF, 0x04BA, 0x04BB:
                kazakh += 1
                cyrillic += 1
            case 0x0407, 0x0457, 0x0404, 0x0454, 0x0490, 0x0491:  // Ї ї Є є Ґ ґ
                ukrainian += 1
                cyrillic += 1
            case 0x040E, 0x045E:  // Ў ў
                belarusian += 1
                cyrillic += 1
            case 0x0406, 0x0456:  // І і: Kazakh, Ukrainian and Belarusian alike
                dottedI += 1
                cyrillic += 1
            case 0x0400...0x04FF: cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            default: break
            }
        }
        if cyrillic == 0 && latin == 0 { return nil }
        guard cyrillic >= latin else { return "en" }
        if kazakh > 0 { return "kk" }
        if ukrainian > 0 { return "uk" }
        if belarusian > 0 { return "be" }
        return dottedI > 0 ? "uk" : "ru"
    }
}
