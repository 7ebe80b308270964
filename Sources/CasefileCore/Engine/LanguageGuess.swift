/// A language guessed from the words of a post, the way a reader who knows the region's
/// alphabets would: handles, hashtags, links, emoji and numbers say nothing about the
/// language of a post and are skipped; then the letters only one language has (Kazakh ә ұ,
/// Ukrainian є ї ґ, Belarusian ў, Tajik ӣ ӯ ҳ ҷ), the letters a language lacks
/// (Belarusian has no и, Ukrainian no ы, Mongolian no ң) and its most frequent words
/// decide. Too little text, or two scripts in like measure, is `und`: a guess would be
/// a coin toss, and a wrong language silently misfiles a post.
public enum LanguageGuess {
    /// The languages a guess can name.
    public static let languages = ["ru", "uk", "be", "kk", "ky", "tg", "mn", "en"]

    /// What a guess found.
    public struct Result: Equatable, Sendable {
        /// The language, or nil for `und`.
        public var language: String?
        /// Why there is no language, when there is none.
        public var reason: String?
    }

    /// The guessed language of `text`, or nil when it cannot be told (`und`).
    public static func guess(_ text: String) -> String? { analyze(text).language }

    /// The guess and, for `und`, why.
    public static func analyze(_ text: String) -> Result {
        let words = GuessWords(text)
        if words.cyrillic.isEmpty && words.latin.isEmpty {
            return Result(language: nil, reason: "it has no words, only handles, hashtags, links or numbers")
        }
        let cyrillicHits = CyrillicScores(words.cyrillic)
        let englishHits = words.latin.filter { GuessVocabulary.english.contains($0) }.count
        let cyrillicLetters = words.cyrillic.reduce(0) { $0 + $1.unicodeScalars.count }
        let latinLetters = words.latin.reduce(0) { $0 + $1.unicodeScalars.count }
        let cyrillicFirst: Bool
        if words.latin.isEmpty {
            cyrillicFirst = true
        } else if words.cyrillic.isEmpty {
            cyrillicFirst = false
        } else if cyrillicLetters >= 2 * latinLetters || words.cyrillic.count >= 2 * words.latin.count + 1 {
            cyrillicFirst = true
        } else if latinLetters >= 2 * cyrillicLetters || words.latin.count >= 2 * words.cyrillic.count + 1 {
            cyrillicFirst = false
        } else if englishHits == 0 && cyrillicHits.wordHits > 0 {
            cyrillicFirst = true
        } else if englishHits > 0 && cyrillicHits.wordHits == 0 {
            cyrillicFirst = false
        } else {
            return Result(language: nil, reason: "it mixes Cyrillic and Latin words in like measure")
        }
        if cyrillicFirst {
            return cyrillicHits.decision(letters: cyrillicLetters, words: words.cyrillic.count)
        }
        return latinDecision(words.latin, englishHits: englishHits, foreign: words.foreignLatin)
    }

    /// English, or `und` for Latin text with no sign of English: too short, or another
    /// language (Kazakh in Latin letters, German…) that we do not tell apart.
    private static func latinDecision(_ words: [String], englishHits: Int, foreign: Int) -> Result {
        if englishHits > 0 && englishHits * 4 >= words.count / 2 { return Result(language: "en", reason: nil) }
        if englishHits == 0 && foreign == 0 && words.count >= 3 { return Result(language: "en", reason: nil) }
        if words.count < 3 && englishHits == 0 {
            return Result(language: nil, reason: "it is too short to tell (\(words.count) word\(words.count == 1 ? "" : "s"))")
        }
        return Result(language: nil, reason: "its Latin letters are not English and other Latin-script languages are not told apart")
    }
}

/// The words of a text that say something about its language, lower-cased, by script.
struct GuessWords {
    /// Words with a Cyrillic letter.
    var cyrillic: [String] = []
    /// Words of Latin letters only.
    var latin: [String] = []
    /// Latin letters with diacritics English does not use (ä ş ñ ğ ı…).
    var foreignLatin = 0

    init(_ text: String) {
        // Split on white-space scalars, as `Character.isWhitespace` (a character's first
        // scalar) would, without finding the text's grapheme clusters.
        let scalars = text.unicodeScalars
        var position = scalars.startIndex
        while position < scalars.endIndex {
            while position < scalars.endIndex, Self.isWhitespace(scalars[position]) { scalars.formIndex(after: &position) }
            let start = position
            while position < scalars.endIndex, !Self.isWhitespace(scalars[position]) { scalars.formIndex(after: &position) }
            guard start < position else { break }
            let chunk = Substring(scalars[start..<position])
            if Self.saysNothing(chunk) { continue }
            var word = String.UnicodeScalarView()
            func finish() {
                if !word.isEmpty { add(String(word)) }
                word = String.UnicodeScalarView()
            }
            for scalar in chunk.unicodeScalars {
                if Self.isAlphabetic(scalar) {
                    word.append(scalar)
                } else if Tokenizer.isApostrophe(scalar.value) || scalar.value == 0x2D, !word.isEmpty {
                    word.append(scalar)  // Il'in, п'ять, как-то: one word
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    continue
                } else {
                    finish()
                }
            }
            finish()
        }
    }

    private mutating func add(_ raw: String) {
        var word = raw.lowercased()
        while let last = word.unicodeScalars.last, Tokenizer.isApostrophe(last.value) || last.value == 0x2D {
            word.unicodeScalars.removeLast()
        }
        if word.unicodeScalars.contains(where: { Cyrillic.isCyrillic($0.value) }) {
            cyrillic.append(word)
        } else if word.unicodeScalars.contains(where: { TermAnalyzer.isLatinLetter($0.value) }) {
            latin.append(word)
            foreignLatin += word.unicodeScalars.filter { $0.value >= 0xC0 && $0.value <= 0x24F }.count
        }
    }

    /// `Unicode.Scalar.Properties.isWhitespace` (what `Character.isWhitespace` asks of a
    /// character's first scalar), without the property tables for ASCII.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// `Unicode.Scalar.Properties.isAlphabetic`, answered without the property tables for
    /// ASCII and the Cyrillic letters (U+0400–U+052F less the signs U+0482–U+0489).
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0x400 && value <= 0x52F { return value < 0x482 || value > 0x489 }
        return scalar.properties.isAlphabetic
    }

    /// Handles, hashtags, links and addresses: not words of the post's language.
    static func saysNothing(_ chunk: Substring) -> Bool {
        let trimmed = chunk.drop(while: { "\"'«“„(([".contains($0) })
        guard let first = trimmed.unicodeScalars.first else { return true }
        if first == "@" || first == "#" { return true }
        // Most words hold no dot, colon or @: nothing below can say they are a link, and the
        // lower-casing and searching it does took most of the time of a guess.
        if !trimmed.utf8.contains(where: { $0 == 0x2E || $0 == 0x3A || $0 == 0x40 }) { return false }
        let lowered = trimmed.lowercased()
        if lowered.contains("://") || lowered.hasPrefix("www.") || lowered.contains("@") { return true }
        // pic.twitter.com/…, t.me/…, bit.ly/…, youtu.be/…: a dot and a slash, no spaces.
        if let dot = lowered.firstIndex(of: "."), lowered[dot...].contains("/") { return true }
        // example.com, tengrinews.kz: a dotted name ending in a known top-level domain.
        if let dot = lowered.lastIndex(of: "."), dot != lowered.startIndex {
            let tld = lowered[lowered.index(after: dot)...].filter { $0.isLetter }
            if ["com", "ru", "kz", "ua", "by", "kg", "tj", "mn", "org", "net", "io", "me", "be", "ly", "рф"].contains(String(tld)),
               lowered[..<dot].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }),
               lowered[lowered.index(after: dot)...].count <= tld.count + 1 {
                return true
            }
        }
        return false
    }
}
