import Testing
import CasefileCore

/// Cross-script matching through the public surface: one post holds a spelling, a query
/// holds another; the post must be found (or, for the precision pairs, must not).
@Suite("Search across scripts")
struct SearchCrossScriptTests {
    /// Spellings that must all find each other, both ways. The pairs come first.
    static let groups: [[String]] = [
        ["Esimov", "Есимов", "Есимова", "Есимову", "Yesimov", "Есимовым"],
        ["Aitelenov", "Айтеленов", "Aytelenov", "Ajtelenov"],
        ["Shchyolokov", "Щёлоков", "Щелоков", "Ščëlokov", "Shchelokov"],
        ["Kibraev", "Кибраев", "Kibrayev"],
        ["Almaty", "Алматы"],
        ["Қазақстан", "Qazaqstan", "Kazakhstan"],
        ["Ғалым", "Ghalym", "Galym"],
        ["Жұмабек", "Zhumabek", "Jumabek", "Žumabek"],
        // Our own: Russian and Kazakh names in the spellings the press and the
        // official romanisations use.
        ["Ахметжан", "Akhmetzhan", "Ahmetjan", "Akhmetjan"],
        ["Назарбаев", "Nazarbayev", "Nazarbaev"],
        ["Тоқаев", "Tokayev", "Toqaev", "Токаев"],
        ["Жаңаөзен", "Zhanaozen", "Zhangaozen", "Janaozen"],  // Kazakh ң: n or ng
        ["Жанаозен", "Zhanaozen", "Janaozen", "Жаңаөзен"],  // the Russian form: no ng
        ["Әблязов", "Ablyazov", "Abliazov"],
        ["Юрий", "Yuri", "Yury", "Yuriy", "Iurii", "Jurij"],
        ["Дмитрий", "Dmitry", "Dmitriy", "Dmitrii"],
        ["Фёдор", "Fyodor", "Fedor", "Fjodor", "Фёдора"],
        ["Чечня", "Chechnya", "Čečnja"],
        ["Щукин", "Shchukin", "Ščukin", "Щукина"],
        ["Айгерим", "Aigerim", "Aygerim", "Ajgerim"],
        ["Ерлан", "Yerlan", "Erlan"],
        ["Әлия", "Aliya", "Äliya"],
        ["Ілияс", "Ilyas", "Iliyas"],
        ["Өскемен", "Oskemen", "Öskemen"],
        ["Ұлықбек", "Ulykbek", "Ulyqbek"],
        ["Ғалымжан", "Galymzhan", "Ghalymzhan", "Ğalymjan"],
        ["Сәтбаев", "Satbayev", "Satbaev", "Sätbaev"],
        ["Хабаровск", "Khabarovsk", "Habarovsk"],
        ["Ельцин", "Yeltsin", "Eltsin"],
        ["Ильин", "Ilyin", "Il'in", "Ilʹin"],
        ["Ольга", "Olga", "Ol'ga", "Ol’ga"],
        ["Esimov", "Esimov's", "Есимов‘а", "Есимов’а"],
        // Disguises: a Latin y in a Cyrillic word, a Cyrillic Р in a Latin one.
        ["Путин", "Putin", "Пyтин", "Рutin"],
        // Soft hyphen and zero-width space inside a word do not split it.
        ["Алматы", "Ал\u{AD}маты", "Алма\u{200B}ты"],
    ]

    /// Query → text pairs that must NOT match: the precision half of the contract.
    static let nonMatches: [(query: String, text: String)] = [
        ("Esimov", "Исмаилов"), ("Исмаилов", "Esimov"), ("Есимов", "Исмаилов"),
        ("Masimov", "Максимов"), ("Максимов", "Masimov"), ("Масимов", "Maksimov"),
        ("Esimov", "Есенов"), ("Kibraev", "Кубраев"), ("Almaty", "Алмазы"),
        ("Esimo", "Esimov"),  // five letters: no typo forgiven
        ("Aitelnov", "Айтеленов"),  // a typo is forgiven only in the script typed
        ("Shchukin", "Шукшин"), ("Юрий", "Юлий"), ("Zhukov", "Жуковский"),
    ]

    static func found(_ query: String, in text: String) throws -> Bool {
        let caseFile = SearchFixtures.caseFile([SearchFixtures.post("p1", author: "someone", lang: "ru", "Сегодня: " + text + ".")])
        let parsed = try SearchQuery.parse(query)
        let indexed = SearchIndex(caseFile: caseFile).search(parsed, in: caseFile)
        let scanned = SearchScan.search(parsed, in: caseFile)
        #expect(indexed.ids == scanned.ids, "index and scan disagree on \(query) in \(text)")
        return indexed.ids == ["p1"]
    }

    @Test("every spelling finds every other", arguments: groups)
    func spellingsFindEachOther(_ group: [String]) throws {
        for query in group {
            for text in group where text != query {
                #expect(try Self.found(query, in: text), "\(query) should find \(text)")
            }
        }
    }

    @Test("look-alike names stay apart", arguments: nonMatches.map { [$0.query, $0.text] })
    func nonMatchesStayApart(_ pair: [String]) throws {
        #expect(try !Self.found(pair[0], in: pair[1]), "\(pair[0]) must not find \(pair[1])")
    }

    @Test("one typo is forgiven in words of six letters or more, in the same script")
    func typos() throws {
        #expect(try Self.found("Aitelnov", in: "Aitelenov"))
        #expect(try Self.found("Айтелнов", in: "Айтеленов"))
        #expect(try Self.found("Kibraew", in: "Kibraev"))
        #expect(try Self.found("Kirbaev", in: "Kibraev"))  // neighbours swapped
        #expect(try !Self.found("Kbraeb", in: "Kibraev"))  // two edits
        #expect(try !Self.found("Esimv", in: "Esimov"))  // five letters typed
    }

    @Test("exact search switches folding off, case still ignored")
    func exact() throws {
        #expect(try Self.found("=Путин", in: "ПУТИН"))
        #expect(try !Self.found("=Путин", in: "Putin"))
        #expect(try !Self.found("=Есимов", in: "Есимова"))
        #expect(try !Self.found("=\"Щёлоков\"", in: "Щелоков"))
        let caseFile = SearchFixtures.caseFile([SearchFixtures.post("p1", author: "a", lang: "ru", "Есимову и Esimov")])
        let query = try SearchQuery.parse("Есимов")
        #expect(SearchIndex(caseFile: caseFile).search(query, in: caseFile, exact: true).total == 0)
        #expect(SearchScan.search(query, in: caseFile, exact: true).total == 0)
        #expect(SearchIndex(caseFile: caseFile).search(query, in: caseFile).total == 1)
    }

    @Test("a hashtag finds hashtags only, in any script and case ending; a word finds hashtags' words")
    func hashtags() throws {
        #expect(try Self.found("#Есимов", in: "#Есимов‘а"))
        #expect(try Self.found("#Esimov", in: "#ЕСИМОВ"))
        #expect(try Self.found("#Алматы", in: "#Almaty"))
        #expect(try !Self.found("#Есимов", in: "Есимов"))
        #expect(try Self.found("Есимов", in: "#Есимов"))
        #expect(try Self.found("жги", in: "#Есимов_жги"))
        #expect(try !Self.found("#Есимов", in: "#ЕсимовЖГИ"))
        #expect(try Self.found("#Есимов*", in: "#ЕсимовЖГИ"))
        #expect(try Self.found("@extremkz", in: "@ExtremKZ"))
        #expect(try !Self.found("@extremkz", in: "#extremkz"))
        #expect(try !Self.found("@extremkz", in: "mail@extremkz.kz"))
    }

    @Test("a match through transliteration is highlighted in the original text")
    func highlightThroughTransliteration() throws {
        let caseFile = SearchFixtures.bloggers
        let results = SearchIndex(caseFile: caseFile).search(try SearchQuery.parse("esimov"), in: caseFile)
        let post = try #require(results.hits.first { $0.id == "baitukenov-2014-02-05" })
        #expect(post.snippet.highlightedWords == ["Есимовым"])
        let tweet = try #require(results.hits.first { $0.id == "extremkz-2014-02-04" })
        #expect(tweet.snippet.highlightedWords == ["Есимов‘а"])
    }
}
