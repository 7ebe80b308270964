/// Russian, Ukrainian, Belarusian and Kazakh endings, so that Есимов, Есимова, Есимову and
/// Есимовым meet, and so do Ukraina, Украины and Україні.
///
/// A word is given every stem left by cutting one known ending, and two words match when
/// they share a stem or one is the other's stem. Cyrillic endings are cut in Cyrillic,
/// where they are unambiguous, and the stems are then folded like any word. A Latin word
/// (a romanised name: Navalny, Khodorkovskogo, Almatyda) has the same endings cut from its
/// folding keys, in the spelling those endings take there (ого → ogo, ый → i, ая → aia,
/// ның → nin/ning), so a nominative in one script meets an inflected form in the other,
/// both ways. `-ов`/`-ев` are deliberately not endings: they end surnames (Esimov), and
/// cutting them would make every Esimov an Esim.
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
        // Ukrainian and Belarusian: і where Russian has и or е (Україні, Навальнім).
        let ukrainian = ["і", "ій", "ім", "іх", "ові", "еві", "ого", "ага", "аму", "ым"]
        let kazakh = [
            "да", "де", "та", "те", "ға", "ге", "қа", "ке", "ны", "ні", "ды", "ді", "ты", "ті",
            "ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен",
            "мен", "бен", "пен", "лар", "лер", "дар", "дер", "тар", "тер",
            // The possessive (-ы/-і, -сы/-сі) with a case after it: Алматысында, Қазақстанының.
            "сы", "сі", "ында", "інде", "сында", "сінде", "ының", "інің", "сының", "сінің", "ына", "іне", "сына", "сіне",
        ]
        return (russian + ukrainian + kazakh).map { $0.unicodeScalars.map(\.value) }
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

    /// The same endings as they look in a folding key (romanised, then folded: ы, и, й
    /// → i; я → ia; х → h or k; ң → n or ng; doubled letters one).
    static let keyEndings: [[UInt8]] = {
        let russian = [
            "a", "ia", "o", "e", "u", "iu", "i",
            "oi", "ei", "om", "em", "am", "iam", "ah", "ak", "iah", "iak", "ih", "ik", "im",
            "uiu", "aia", "oe", "ie", "oiu", "eiu", "ami", "iami", "ogo", "ego", "omu", "emu", "imi",
            "ovi", "evi", "aga", "amu",
        ]
        let kazakh = [
            "da", "de", "ta", "te", "ga", "ge", "ka", "ke",
            // -ның after n: the doubled n collapses in the key (Qazaqstannyng → …staning).
            "nin", "din", "tin", "ning", "ding", "ting", "ing", "dan", "den", "tan", "ten", "nan", "nen",
            "men", "ben", "pen", "lar", "ler", "dar", "der", "tar", "ter",
            "si", "inda", "inde", "sinda", "sinde", "inin", "ining", "sinin", "sining", "ina", "ine", "sina", "sine",
        ]
        return (russian + kazakh).map { Array($0.utf8) }
    }()

    /// The stems of a Latin word's folding key: the key less each ending it carries.
    static func stems(ofKey key: String) -> [String] {
        var result: [String] = []
        let bytes = Array(key.utf8)
        // Digits are not words with endings (2014a is a name, not an inflection).
        guard bytes.count > minimumStem, !bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return result }
        for ending in keyEndings where bytes.count - ending.count >= minimumStem {
            if bytes.suffix(ending.count).elementsEqual(ending) {
                let stem = String(decoding: bytes.dropLast(ending.count), as: UTF8.self)
                if !result.contains(stem) { result.append(stem) }
            }
        }
        return result
    }
}
