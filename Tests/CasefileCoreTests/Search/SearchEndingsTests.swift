import CasefileCore
import Testing

/// Case endings both ways: a nominative in one script finds inflected forms in the other.
@Suite("Search: case endings across scripts, both ways")
struct SearchEndingsTests {
    /// A query and the inflected forms it must find.
    static let finds: [(query: String, texts: [String])] = [
        ("Ukraina", ["Украины", "Украину", "Україні", "Украиной", "Україна"]),
        ("Navalny", ["Навального", "Навальным", "Навальному", "Навальный"]),
        ("Khodorkovsky", ["Ходорковского", "Ходорковскому", "Ходорковский", "Ходорковским"]),
        ("Khodorkovskaya", ["Ходорковской", "Ходорковская"]),
        ("Kazakhstan", ["Казахстана", "Казахстане", "Қазақстанның", "Қазақстанға", "Қазақстанда"]),
        ("Tolstoy", ["Толстого", "Толстому", "Толстой"]),
        ("Almaty", ["Алматыда", "Алматының", "Алматыға", "Алматыдан"]),
        ("Astana", ["Астанада", "Астананың", "Астанаға"]),
        ("Pavlodar", ["Павлодарда", "Павлодардың"]),
        ("Shymkent", ["Шымкентте", "Шымкенттің", "Шымкентке"]),
        // The other way: a Cyrillic nominative finds Latin inflected forms.
        ("Украина", ["Ukrainy", "Ukrainu", "Ukraine"]),
        ("Навальный", ["Navalnogo", "Navalnym", "Navalnomu", "Navalny"]),
        ("Ходорковский", ["Khodorkovskogo", "Khodorkovskomu", "Khodorkovsky", "Khodorkovskiy"]),
        ("Казахстан", ["Kazakhstana", "Qazaqstannyng", "Qazaqstanda", "Kazakhstane"]),
        ("Алматы", ["Almatyda", "Almatynyng", "Almatyga"]),
        ("Толстой", ["Tolstogo", "Tolstoy"]),
    ]

    /// Pairs that must not find each other in either direction.
    static let stayApart: [(String, String)] = [
        ("Esimov", "Исмаилов"), ("Masimov", "Максимов"), ("Navalny", "Навальщик"), ("Navalny", "Навал"),
        ("Ukraina", "Украшения"), ("Tolstoy", "Толстяк"), ("Almaty", "Алмазы"), ("Kazakhstan", "Казахи"),
        ("Khodorkovsky", "Ходоки"), ("Ivanova", "Иванченко"),
    ]

    static func found(_ query: String, in text: String) throws -> Bool {
        try SearchCrossScriptTests.found(query, in: text)
    }

    @Test("a nominative finds inflected forms in the other script", arguments: finds.map { [$0.query] + $0.texts })
    func nominativeFindsInflected(_ row: [String]) throws {
        for text in row.dropFirst() {
            #expect(try Self.found(row[0], in: text), "\(row[0]) should find \(text)")
        }
    }

    @Test("look-alikes stay apart, both ways", arguments: stayApart.map { [$0.0, $0.1] })
    func lookAlikesStayApart(_ pair: [String]) throws {
        #expect(try !Self.found(pair[0], in: pair[1]), "\(pair[0]) must not find \(pair[1])")
        #expect(try !Self.found(pair[1], in: pair[0]), "\(pair[1]) must not find \(pair[0])")
    }
}
