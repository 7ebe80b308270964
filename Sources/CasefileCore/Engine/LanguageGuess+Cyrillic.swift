/// The evidence for each Cyrillic-script language in a post's Cyrillic words.
struct CyrillicScores {
    /// The languages in the order a tie is broken (the most common first).
    static let order = ["ru", "uk", "kk", "be", "ky", "tg", "mn"]

    private(set) var scores: [String: Int] = [:]
    /// Letters only a few of the languages have, seen (the reason a guess is worth making).
    private(set) var markers = 0
    /// Frequent words recognised, over all languages.
    private(set) var wordHits = 0
    /// Letters only Kazakh (of these languages) writes: ә ғ қ ұ һ.
    private var kazakhLetters = 0

    init(_ words: [String]) {
        for language in Self.order { scores[language] = 0 }
        var dottedI = 0
        var hardVowels = 0
        var scalars: [UInt32] = []
        for word in words {
            var previous: UInt32 = 0
            scalars.removeAll(keepingCapacity: true)
            for scalar in word.unicodeScalars {
                scalars.append(scalar.value)
                score(letter: scalar.value)
                if scalar.value == 0x456 { dottedI += 1 }
                if scalar.value == 0x44B || scalar.value == 0x44D { hardVowels += 1 }
                // Long vowels (аа, уу, өө, үү, ээ, ыы) are Kyrgyz and Mongolian, not Slavic.
                if scalar.value == previous, [0x430, 0x443, 0x44B, 0x44D, 0x4E9, 0x4AF].contains(scalar.value) {
                    add(2, "ky", "mn")
                    add(-1, "ru", "uk", "be")
                }
                previous = scalar.value
            }
            for (ending, languages) in GuessVocabulary.endings
            where scalars.count > ending.count + 1 && scalars.suffix(ending.count).elementsEqual(ending) {
                for language in languages { scores[language, default: 0] += 2 }
            }
            var hit = false
            for language in Self.order where GuessVocabulary.cyrillic[language]?.contains(word) == true {
                scores[language, default: 0] += 4
                hit = true
            }
            if hit { wordHits += 1 }
        }
        // і: Ukrainian without ы or э, Belarusian with them, Kazakh only beside its own letters.
        if dottedI > 0 {
            add(3 * dottedI, hardVowels > 0 ? "be" : "uk")
            if kazakhLetters == 0 { add(-3 * dottedI, "kk") }
        }
        scores["ru", default: 0] += 1  // by far the most written of them, in these cases
    }

    private mutating func add(_ points: Int, _ languages: String...) {
        for language in languages { scores[language, default: 0] += points }
    }

    /// Letters that only some of the languages have count for them; letters a language
    /// lacks count against it (not to ruling out: a post may quote a word of another).
    private mutating func score(letter s: UInt32) {
        switch s {
        case 0x4D9, 0x4B1: add(5, "kk"); add(-3, "ky", "ru", "uk", "be", "mn", "tg"); markers += 1; kazakhLetters += 1  // ә ұ
        case 0x493, 0x49B: add(4, "kk", "tg"); add(-3, "ky", "ru", "uk", "be", "mn"); markers += 1; kazakhLetters += 1  // ғ қ
        case 0x4BB: add(4, "kk"); add(-3, "ky", "ru", "uk", "be", "mn", "tg"); markers += 1; kazakhLetters += 1  // һ
        case 0x4A3: add(3, "kk", "ky"); add(-3, "ru", "uk", "be", "mn", "tg"); markers += 1  // ң
        case 0x4E9, 0x4AF: add(2, "kk", "ky", "mn"); add(-3, "ru", "uk", "be", "tg"); markers += 1  // ө ү
        case 0x4E3, 0x4EF, 0x4B3, 0x4B7: add(5, "tg"); add(-3, "kk", "ky", "ru", "uk", "be", "mn"); markers += 1  // ӣ ӯ ҳ ҷ
        case 0x454, 0x457, 0x491: add(5, "uk"); add(-3, "kk", "ky", "ru", "be", "mn", "tg"); markers += 1  // є ї ґ
        case 0x45E: add(5, "be"); add(-3, "kk", "ky", "ru", "uk", "mn", "tg"); markers += 1  // ў
        case 0x456: add(3, "kk"); add(-3, "ru", "ky", "mn", "tg"); markers += 1  // і: see init
        case 0x44B: add(-3, "uk", "tg")  // ы
        case 0x44D: add(-3, "uk"); add(-1, "kk")  // э
        case 0x44A: add(-3, "uk", "be"); add(-1, "kk", "ky")  // ъ
        case 0x451: add(-3, "uk"); add(-1, "kk")  // ё
        case 0x438: add(-3, "be")  // и
        case 0x449: add(-3, "be", "tg"); add(-1, "mn", "ky")  // щ
        case 0x43A: add(-1, "mn")  // к: Mongolian writes it only in loans
        case 0x445: add(-1, "ky"); add(1, "mn")  // х: Kyrgyz writes it only in loans
        case 0x446: add(-1, "ky", "kk"); add(1, "mn")  // ц: Mongolian's, a loan elsewhere
        case 0x44C: add(-1, "tg", "kk")  // ь
        default: break
        }
    }

    /// The best language, or `und` when the evidence is too thin or two languages tie.
    func decision(letters: Int, words: Int) -> LanguageGuess.Result {
        let ranked = Self.order.enumerated().sorted { a, b in
            let (x, y) = (scores[a.element] ?? 0, scores[b.element] ?? 0)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        let best = ranked[0]
        let margin = (scores[best] ?? 0) - (scores[ranked[1]] ?? 0)
        if letters < 4 {
            return LanguageGuess.Result(language: nil, reason: "it is too short to tell (\(letters) letters)")
        }
        // Without a telling letter or word, only a few words of Cyrillic read as Russian.
        if markers == 0 && wordHits == 0 && words < 3 {
            return LanguageGuess.Result(language: nil, reason: "it is too short to tell (\(words) word\(words == 1 ? "" : "s") and no telling letter)")
        }
        if margin < 1 {
            return LanguageGuess.Result(language: nil, reason: "it reads as \(best) or \(ranked[1]) alike")
        }
        return LanguageGuess.Result(language: best, reason: nil)
    }
}
