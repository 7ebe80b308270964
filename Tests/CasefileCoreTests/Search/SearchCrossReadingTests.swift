import CasefileCore
import Testing

/// The French transcription of Russian (and `ie` for ье) is read only against Cyrillic:
/// "Chostakovitch" finds Шостакович and the other way round, while English words that
/// the French reading would merge ("chip" and "ship") stay apart.
@Suite("Search: French transcriptions, read against Cyrillic only")
struct SearchCrossReadingTests {
    /// Latin spelling, Cyrillic original: each must find the other.
    static let pairs: [(latin: String, cyrillic: String)] = [
        ("Chostakovitch", "Шостакович"), ("Khrouchtchev", "Хрущёв"), ("Tchaïkovski", "Чайковский"),
        ("Sergueï", "Сергей"), ("Jouravlev", "Журавлёв"), ("Iouri", "Юрий"), ("Goubaïdoulina", "Губайдулина"),
        ("Boukharine", "Бухарин"), ("Vassilieva", "Васильева"), ("Chtchedrine", "Щедрин"),
        ("Moussorgski", "Мусоргский"), ("Oulianovsk", "Ульяновск"), ("Dobrovolskaïa", "Добровольская"),
        // With an ending on either side.
        ("Chostakovitcha", "Шостакович"), ("Jouravlev", "Журавлёвым"), ("Vassilieva", "Васильевой"),
        // GOST 16876-71's second table: jj for й, eh for э.
        ("Jjoshkar", "Йошкар"), ("Ehlektrostal", "Электросталь"),
    ]

    /// Pairs that must not find each other, either way.
    static let nonMatches: [(String, String)] = [
        ("chip", "ship"), ("chop", "shop"), ("but", "bout"), ("four", "fur"), ("pour", "pur"),  // English
        ("Sergiev", "Сергеев"), ("Oleh", "Оле"), ("Goussev", "Гусейнов"), ("Boulatov", "Булавин"),
        ("Chabanov", "Шубин"), ("Tchernov", "Чернышов"), ("Vassiliev", "Васильченко"), ("Iouline", "Юлия"),
    ]

    @Test("a French transcription finds its Cyrillic original and the other way round", arguments: pairs.map { [$0.latin, $0.cyrillic] })
    func frenchFindsCyrillic(_ pair: [String]) throws {
        #expect(try SearchCrossScriptTests.found(pair[0], in: pair[1]), "\(pair[0]) should find \(pair[1])")
        #expect(try SearchCrossScriptTests.found(pair[1], in: pair[0]), "\(pair[1]) should find \(pair[0])")
    }

    @Test("English look-alikes and near names stay apart", arguments: nonMatches.map { [$0.0, $0.1] })
    func apart(_ pair: [String]) throws {
        #expect(try !SearchCrossScriptTests.found(pair[0], in: pair[1]), "\(pair[0]) must not find \(pair[1])")
        #expect(try !SearchCrossScriptTests.found(pair[1], in: pair[0]), "\(pair[1]) must not find \(pair[0])")
    }
}
