import BenchSupport

/// Sample words for generated names and texts: Russian, Kazakh and English, as in the
/// cases casefile is for.
enum Texts {
    static let surnames = ["Aitelenov", "Kibraev", "Shchyolokov", "Esimov", "Karymov", "Иванов", "Нұрғали", "Сапарова",
                           "Smith", "Омаров", "Жұмабаев", "Петрова", "Baitukenov", "Андрейченко", "Ким", "Ли"]
    static let firstNames = ["Nurali", "Rinat", "Dmitry", "Ахметжан", "Айгерім", "Марина", "Ali", "Rustem", "Әсел", "John"]
    static let words = ["Завтра", "у", "#Есимов‘а", "на", "ланче…", "#Алматы", "#KAZ", "аким", "Қазақстан", "өте",
                        "жақсы", "lunch", "with", "the", "mayor", "bloggers", "detained", "Ребята,", "вас", "просто",
                        "поюзали.", "Ресторан", "Тамада", "“quoted”", "😀", "мен", "сен", "біз", "today", "police"]
    static let relations = ["mentions", "criticizes", "supports", "replies-to", "quotes", "detained-with", "same-as"]
    static let platforms = ["twitter", "facebook", "vk", "blog", "instagram"]
    static let languages = ["ru", "kk", "en"]

    static func sentence(_ random: inout SeededRandom, words count: Int) -> String {
        (0..<count).map { _ in random.pick(words) }.joined(separator: " ")
    }
}
