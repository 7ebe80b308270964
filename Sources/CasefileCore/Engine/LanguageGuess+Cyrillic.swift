/// The evidence for each Cyrillic-script language in a post's Cyrillic words.
///
/// Scores are kept in a fixed array by language and languages named by bits: a guess
/// runs for every imported post, and a table keyed by language name cost a hash (and a
/// variadic array) per letter.
struct CyrillicScores {
    /// The languages in the order a tie is broken (the most common first); a language's
    /// position is its bit in a `Languages` mask and its place in `scores`.
    static let order = ["ru", "uk", "kk", "be", "ky", "tg", "mn"]

    /// A set of languages of `order`, one bit each.
    typealias Languages = UInt8
    static let ru: Languages = 1 << 0, uk: Languages = 1 << 1, kk: Languages = 1 << 2, be: Languages = 1 << 3
    static let ky: Languages = 1 << 4, tg: Languages = 1 << 5, mn: Languages = 1 << 6

    /// The languages named in `codes`, as a mask (codes not in `order` are ignored).
    static func languages(_ codes: [String]) -> Languages {
        codes.reduce(0) { mask, code in mask | (order.firstIndex(of: code).map { Languages(1) << $0 } ?? 0) }
    }

    /// The languages whose frequent words hold each word (one lookup per word).
    static let frequentWords: [String: Languages] = {
        var table: [String: Languages] = [:]
        for (code, words) in GuessVocabulary.cyrillic {
            let bit = languages([code])
            for word in words { table[word, default: 0] |= bit }
        }
        return table
    }()

    /// The word endings of `GuessVocabulary.endings`, with their languages as masks.
    static let endings: [(scalars: [UInt32], languages: Languages)] =
        GuessVocabulary.endings.map { ($0.scalars, languages($0.languages)) }

    /// Each language's score, in the order of `order`.
    private(set) var scores = [Int](repeating: 0, count: 7)
    /// Letters only a few of the languages have, seen (the reason a guess is worth making).
    private(set) var markers = 0
    /// Frequent words recognised, over all languages.
    private(set) var wordHits = 0
    /// Letters only Kazakh (of these languages) writes: ә ғ қ ұ һ.
    private var kazakhLetters = 0

    init(_ words: [String]) {
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
                    add(2, Self.ky | Self.mn)
                    add(-1, Self.ru | Self.uk | Self.be)
                }
                previous = scalar.value
            }
            for (ending, languages) in Self.endings
            where scalars.count > ending.count + 1 && scalars.suffix(ending.count).elementsEqual(ending) {
                add(2, languages)
            }
            if let languages = Self.frequentWords[word], languages != 0 {
                add(4, languages)
                wordHits += 1
            }
        }
        // і: Ukrainian without ы or э, Belarusian with them, Kazakh only beside its own letters.
        if dottedI > 0 {
            add(3 * dottedI, hardVowels > 0 ? Self.be : Self.uk)
            if kazakhLetters == 0 { add(-3 * dottedI, Self.kk) }
        }
        add(1, Self.ru)  // by far the most written of them, in these cases
    }

    private mutating func add(_ points: Int, _ languages: Languages) {
        var rest = languages
        while rest != 0 {
            scores[rest.trailingZeroBitCount] += points
            rest &= rest - 1
        }
    }

    /// Letters that only some of the languages have count for them; letters a language
    /// lacks count against it (not to ruling out: a post may quote a word of another).
    private mutating func score(letter s: UInt32) {
        switch s {
        case 0x4D9, 0x4B1: add(5, Self.kk); add(-3, Self.ky | Self.ru | Self.uk | Self.be | Self.mn | Self.tg); markers += 1; kazakhLetters += 1  // ә ұ
        case 0x493, 0x49B: add(4, Self.kk | Self.tg); add(-3, Self.ky | Self.ru | Self.uk | Self.be | Self.mn); markers += 1; kazakhLetters += 1  // ғ қ
        case 0x4BB: add(4, Self.kk); add(-3, Self.ky | Self.ru | Self.uk | Self.be | Self.mn | Self.tg); markers += 1; kazakhLetters += 1  // һ
        case 0x4A3: add(3, Self.kk | Self.ky); add(-3, Self.ru | Self.uk | Self.be | Self.mn | Self.tg); markers += 1  // ң
        case 0x4E9, 0x4AF: add(2, Self.kk | Self.ky | Self.mn); add(-3, Self.ru | Self.uk | Self.be | Self.tg); markers += 1  // ө ү
        case 0x4E3, 0x4EF, 0x4B3, 0x4B7: add(5, Self.tg); add(-3, Self.kk | Self.ky | Self.ru | Self.uk | Self.be | Self.mn); markers += 1  // ӣ ӯ ҳ ҷ
        case 0x454, 0x457, 0x491: add(5, Self.uk); add(-3, Self.kk | Self.ky | Self.ru | Self.be | Self.mn | Self.tg); markers += 1  // є ї ґ
        case 0x45E: add(5, Self.be); add(-3, Self.kk | Self.ky | Self.ru | Self.uk | Self.mn | Self.tg); markers += 1  // ў
        case 0x456: add(3, Self.kk); add(-3, Self.ru | Self.ky | Self.mn | Self.tg); markers += 1  // і: see init
        case 0x44B: add(-3, Self.uk | Self.tg)  // ы
        case 0x44D: add(-3, Self.uk); add(-1, Self.kk)  // э
        case 0x44A: add(-3, Self.uk | Self.be); add(-1, Self.kk | Self.ky)  // ъ
        case 0x451: add(-3, Self.uk); add(-1, Self.kk)  // ё
        case 0x438: add(-3, Self.be)  // и
        case 0x449: add(-3, Self.be | Self.tg); add(-1, Self.mn | Self.ky)  // щ
        case 0x43A: add(-1, Self.mn)  // к: Mongolian writes it only in loans
        case 0x445: add(-1, Self.ky); add(1, Self.mn)  // х: Kyrgyz writes it only in loans
        case 0x446: add(-1, Self.ky | Self.kk); add(1, Self.mn)  // ц: Mongolian's, a loan elsewhere
        case 0x44C: add(-1, Self.tg | Self.kk)  // ь
        default: break
        }
    }

    /// The best language, or `und` when the evidence is too thin or two languages tie.
    func decision(letters: Int, words: Int) -> LanguageGuess.Result {
        let ranked = Self.order.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : a < b
        }
        let best = Self.order[ranked[0]]
        let margin = scores[ranked[0]] - scores[ranked[1]]
        if letters < 4 {
            return LanguageGuess.Result(language: nil, reason: "it is too short to tell (\(letters) letters)")
        }
        // Without a telling letter or word, only a few words of Cyrillic read as Russian.
        if markers == 0 && wordHits == 0 && words < 3 {
            return LanguageGuess.Result(language: nil, reason: "it is too short to tell (\(words) word\(words == 1 ? "" : "s") and no telling letter)")
        }
        if margin < 1 {
            return LanguageGuess.Result(language: nil, reason: "it reads as \(best) or \(Self.order[ranked[1]]) alike")
        }
        return LanguageGuess.Result(language: best, reason: nil)
    }
}
