/// Russian and Kazakh endings, so that Есимов, Есимова, Есимову and Есимовым meet.
///
/// A Cyrillic word is given every stem left by cutting one known ending, and two words
/// match when they share a stem or one is the other's stem. Endings are cut in Cyrillic,
/// where they are unambiguous, and the stems are then folded like any word. `-ов`/`-ев`
/// are deliberately not endings: they end surnames (Esimov), and cutting them would make
/// every Esimov an Esim.
enum Inflection {
    /// The shortest stem (in letters) an ending may leave: short stems collide too often.
    static let minimumStem = 4

    /// Endings, as arrays of lower-case Cyrillic scalars.
    static let endings: [[UInt32]] = {
        let russian = [
            "а", "я", "о", "е", "у", "ю", "ы", "и", "й", "ь",
            "ой", "ей", "ий", "ый", "ом", "ем", "ам", "ям", "ах", "ях", "ых", "их", "ым", "им",
            "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ою", "ею",
            "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими",
        ]
        let kazakh = [
            "да", "де", "та", "те", "ға", "ге", "қа", "ке", "ны", "ні", "ды", "ді", "ты", "ті",
            "ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен",
            "мен", "бен", "пен", "лар", "лер", "дар", "дер", "тар", "тер",
        ]
        return (russian + kazakh).map { $0.unicodeScalars.map(\.value) }
    }()

    /// The stems of a lower-case Cyrillic word: the word less each ending it carries.
    static func stems(of word: [UInt32]) -> [[UInt32]] {
        var result: [[UInt32]] = []
        for ending in endings where word.count - ending.count >= minimumStem {
            if word.suffix(ending.count).elementsEqual(ending) {
                result.append(Array(word.dropLast(ending.count)))
            }
        }
        return result
    }
}
