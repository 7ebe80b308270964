import Foundation

/// Makes Ids from content, as DESIGN.md describes: ASCII, lower case, human-typable,
/// stable, and never one already in use.
enum IdGenerator {
    /// `Ахметжан Есимов` → `esimov`, then `akhmetzhan-esimov`, then `esimov-2`…
    static func person(name: String, in ids: [String: Entry], counters: IdCounters? = nil) -> String {
        let words = slug(name, counters: counters).split(separator: "-").map(String.init)
        let surname = words.last ?? "person"
        if ids[surname] == nil { return surname }
        let full = words.joined(separator: "-")
        if !full.isEmpty, ids[full] == nil { return full }
        return numbered(surname, in: ids, counters: counters)
    }

    /// `@extremkz` and `2014-02-04` → `extremkz-2014-02-04`.
    static func post(handleOrAuthor: String, date: String?, in ids: [String: Entry], counters: IdCounters? = nil) -> String {
        var base = slug(handleOrAuthor.hasPrefix("@") ? String(handleOrAuthor.dropFirst()) : handleOrAuthor, counters: counters,
                        keepUnderscore: true)
        // A handle of emoji or symbols leaves nothing: an Id must still start with a letter
        // or digit, never "-", which would read as a flag.
        if base.isEmpty { base = "post" }
        if let date, !date.isEmpty { base += "-" + date }
        return ids[base] == nil ? base : numbered(base, in: ids, counters: counters)
    }

    /// `prediktor` → `prediktor-q1`, `prediktor-q2`…
    static func quote(speaker: String, in ids: [String: Entry], counters: IdCounters? = nil) -> String {
        let prefix = "\(speaker)-q"
        return prefix + String(firstFree(prefix, from: 1, in: ids, counters: counters))
    }

    /// `extremkz-2014-02-04` and `en` → `extremkz-2014-02-04.en`.
    static func translation(of original: String, lang: String, in ids: [String: Entry], counters: IdCounters? = nil) -> String {
        let base = original + "." + lang.lowercased()
        return ids[base] == nil ? base : numbered(base, in: ids, counters: counters)
    }

    /// A slug of a title, cut at a word boundary.
    static func source(title: String, in ids: [String: Entry], counters: IdCounters? = nil) -> String {
        var words: [Substring] = []
        var length = 0
        for word in slug(title, counters: counters).split(separator: "-") {
            if length + word.count > 64 && !words.isEmpty { break }
            words.append(word)
            length += word.count + 1
        }
        let base = words.isEmpty ? "source" : words.joined(separator: "-")
        return ids[base] == nil ? base : numbered(base, in: ids, counters: counters)
    }

    /// `base-2`, or the first free `base-N` after it.
    static func numbered(_ base: String, in ids: [String: Entry], counters: IdCounters? = nil) -> String {
        let prefix = base + "-"
        return prefix + String(firstFree(prefix, from: 2, in: ids, counters: counters))
    }

    private static func firstFree(_ prefix: String, from start: Int, in ids: [String: Entry], counters: IdCounters?) -> Int {
        if let counters { return counters.firstFree(prefix, from: start, in: ids) }
        var counter = start
        while ids[prefix + String(counter)] != nil { counter += 1 }
        return counter
    }

    /// ASCII lower-case words joined by `-`, from any script.
    static func slug(_ text: String, counters: IdCounters? = nil, keepUnderscore: Bool = false) -> String {
        var latin = Transliteration.toASCII(text, memo: counters)
        // Upper-case ASCII letters are lowered below, byte by byte; anything else left after
        // transliteration goes through full Unicode lower-casing first, as it always did
        // (a few letters lower to ASCII ones).
        if !latin.utf8.allSatisfy({ $0 < 0x80 }) { latin = latin.lowercased() }
        var result: [UInt8] = []
        result.reserveCapacity(latin.utf8.count)
        var pendingDash = false
        for var byte in latin.utf8 {
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || (keepUnderscore && byte == 0x5F)
            if isWordByte {
                if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingDash = false
                result.append(byte)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `id` is acceptable as a user-given Id: ASCII letters, digits and `- . _`,
    /// starting with a letter or digit, with no `..` (an Id that looks like a path, a
    /// here-document or shell syntax is trouble in every file and script it ends up in).
    static func problem(with id: String) -> String? {
        guard let first = id.utf8.first else { return "an Id cannot be empty" }
        if first == UInt8(ascii: "@") { return "an Id cannot start with '@' (that marks a handle)" }
        if first == UInt8(ascii: "-") { return "an Id cannot start with '-' (that marks a flag such as --cascade)" }
        let rule = "an Id uses ASCII letters, digits and - . _ only, and starts with a letter or digit"
        // Bytes: every character allowed is ASCII.
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                continue
            case 0x21..<0x7F:
                return rule + " ('\(UnicodeScalar(byte))' is not one of them)"
            default:
                return rule
            }
        }
        if first == UInt8(ascii: ".") || first == UInt8(ascii: "_") { return rule }
        if id.contains("..") { return "an Id cannot contain '..' (it would read as a path)" }
        return nil
    }
}

/// Latin forms of Cyrillic (and other) text, through ICU.
enum Transliteration {
    /// Latin letters only: `Ахметжан Есимов` → `Akhmetzhan Esimov`, `Щёлоков` → `Shchelokov`.
    static func toASCII(_ text: String, memo: IdCounters? = nil) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            if word.utf8.allSatisfy({ $0 < 0x80 }) { return String(word) }
            let source = String(word)
            // An ICU transform costs microseconds; names repeat, so each word is done once.
            if let known = memo?.latin[source] { return known }
            let latin = transliterate(source)
            memo?.latin[source] = latin
            return latin
        }.joined(separator: " ")
    }

    private static func transliterate(_ source: String) -> String {
            var latin = source.applyingTransform(StringTransform("Russian-Latin/BGN"), reverse: false) ?? source
            latin = latin.applyingTransform(StringTransform("Kazakh-Latin/BGN"), reverse: false) ?? latin
            latin = latin.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? latin
            // BGN writes a leading Е as "Ye" where the press writes E (Есимов → Esimov).
            if let first = source.first, first == "Е" || first == "е", latin.hasPrefix("Ye") || latin.hasPrefix("ye") {
                latin = (first == "Е" ? "E" : "e") + latin.dropFirst(2)
            }
            return latin.filter { $0 != "'" && $0 != "\u{2019}" && $0 != "\u{02B9}" && $0 != "\u{02BA}" && $0 != "\"" }
    }
}
