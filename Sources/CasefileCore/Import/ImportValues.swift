/// Times as exports write them, turned into the case's ISO form (UTC, whole seconds
/// unless the export has fractions that are not zero).
enum ISOTime {
    /// `2022-10-03T17:57:11.000Z` → `2022-10-03T17:57:11Z`; `…+00:00` → `…Z`; other offsets
    /// kept; nil when it is not an ISO date-time.
    static func normalized(_ text: String) -> String? {
        if let whole = wholeSecondsUTC(text) { return whole }
        return generalNormalized(text)
    }

    /// twarc's `2022-10-03T17:57:11.000Z`, on every tweet, checked and cut on its bytes
    /// (the general path's string searches were a twentieth of an import); nil for any
    /// other text, which the general path then reads as before.
    private static func wholeSecondsUTC(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.count == 24, bytes[19] == UInt8(ascii: "."), bytes[20] == UInt8(ascii: "0"),
                  bytes[21] == UInt8(ascii: "0"), bytes[22] == UInt8(ascii: "0"), bytes[23] == UInt8(ascii: "Z") else { return nil }
            let whole = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<19]), as: UTF8.self) + "Z"
            return ISODate.plainDateTime(whole) == true ? whole : nil
        }
    }

    /// `normalized` for any text.
    static func generalNormalized(_ text: String) -> String? {
        var value = text
        if value.hasSuffix("+00:00") { value = String(value.dropLast(6)) + "Z" }
        if let dot = value.firstIndex(of: "."), value.hasSuffix("Z") {
            let fraction = value[value.index(after: dot)..<value.index(before: value.endIndex)]
            if fraction.allSatisfy({ $0 == "0" }) { value = String(value[..<dot]) + "Z" }
        }
        return ISODate.isValid(value) ? value : nil
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The X archive's `Wed Oct 10 20:19:24 +0000 2018` → `2018-10-10T20:19:24Z`.
    static func fromTwitterClassic(_ text: String) -> String? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, let month = months.firstIndex(of: String(parts[1])), let day = Int(parts[2]),
              parts[4] == "+0000", parts[5].count == 4, Int(parts[5]) != nil, parts[3].count == 8 else { return nil }
        let twoDay = day < 10 ? "0\(day)" : "\(day)"
        let twoMonth = month + 1 < 10 ? "0\(month + 1)" : "\(month + 1)"
        let iso = "\(parts[5])-\(twoMonth)-\(twoDay)T\(parts[3])Z"
        return ISODate.isValid(iso) ? iso : nil
    }
}

/// Language codes as platforms write them, turned into tags the case accepts.
enum PlatformLanguage {
    /// The tag for a platform's `lang`, or nil when the platform says it does not know
    /// (`und`), that there is no language (`zxx`), or uses a private code (Twitter's `qst`
    /// for very short texts, `qme` for media only, …): then the text's letters are used.
    static func tag(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        if code == "und" || code == "zxx" { return nil }
        if code.count == 3, code.hasPrefix("q") { return nil }
        // Twitter still writes a few withdrawn ISO 639 codes.
        let current = ["in": "id", "iw": "he", "ji": "yi"][code] ?? code
        return LanguageTag.isValid(current) ? current : nil
    }
}

/// The language of an imported post's text, guessed by the shared guesser, which leaves
/// out hashtags, mentions and links itself (a Russian tweet often carries a Kazakh hashtag,
/// #Есімовсәті, and Latin URLs): a second pass over the text could only say the same.
enum ImportLanguage {
    static func guess(_ text: String) -> String? { LanguageGuess.guess(text) }
}
