import CasefileCore
import Foundation

/// The benchmarks' one synthetic case, in the shape of the Kazakh bloggers dossier: people
/// with Russian and Kazakh names (`person1` is `@extremkz`), posts and quotes in Russian and
/// Kazakh (one text in five on two or three lines), English translations, sources, links
/// from people to posts, notes, hashtags and mentions. The vocabulary is Zipf-distributed
/// over ~110k invented words plus real ones, so an index sees a realistic number of
/// distinct terms. Deterministic: the same size and seed give the same case.
///
/// Ids: `person0`…, then `post`/`quote`/`source` + a serial shared by all of them, and
/// translations `ORIGINAL.en`. Use `caseFile.orderedIds(of:)` to pick existing ones.
public struct SyntheticCase {
    var rng: SeededRandom
    let ruWords: [String]
    let kkWords: [String]
    let enWords: [String]
    let surnamesCyrillic: [String]
    let surnamesLatin: [String]
    let firstCyrillic = ["Нурали", "Ринат", "Дмитрий", "Ахметжан", "Ерлан", "Айгерим", "Ғалым", "Жұмабек", "Марина",
                         "Рустем", "Ернар", "Әлия", "Ілияс", "Юрий", "Фёдор", "Ольга", "Бауыржан", "Сәуле", "Арман", "Дана"]
    let firstLatin = ["Nurali", "Rinat", "Dmitry", "Akhmetzhan", "Yerlan", "Aigerim", "Galym", "Zhumabek", "Marina",
                      "Rustem", "Ernar", "Aliya", "Ilyas", "Yuri", "Fyodor", "Olga", "Bauyrzhan", "Saule", "Arman", "Dana"]
    let realRu = ["завтра", "на", "ланче", "акция", "против", "продажных", "блогеров", "блогеры", "блогер", "аким",
                  "встреча", "встрече", "ресторане", "полиция", "задержали", "суд", "дней", "хулиганство", "и", "в",
                  "с", "не", "что", "это", "как", "мэр", "города", "Алматы", "Есимов", "Есимова", "Есимову", "Есимовым"]
    let realKk = ["Қазақстан", "Алматыда", "блогерлері", "жиналды", "және", "бүгін", "әкім", "кездесу", "сот", "полиция"]
    let realEn = ["tomorrow", "at", "lunch", "the", "mayor", "bloggers", "corrupt", "meeting", "police", "detained",
                  "court", "days", "jail", "and", "of", "to", "in", "Esimov", "Almaty", "Kazakhstan", "restaurant"]
    let zipfRu: Zipf
    let zipfKk: Zipf
    let zipfEn: Zipf

    /// A generator; the vocabulary is the same for every seed, the case drawn from it is not.
    public init(seed: UInt64 = 2014) {
        rng = SeededRandom(seed: seed)
        var rng = SeededRandom(seed: 7)
        func invent(_ consonants: [String], _ vowels: [String], count: Int, endings: [String]) -> [String] {
            var seen = Set<String>()
            var words: [String] = []
            while words.count < count {
                var word = ""
                for _ in 0..<(2 + rng.below(3)) { word += rng.pick(consonants) + rng.pick(vowels) }
                if rng.percent(40) { word += rng.pick(consonants) }
                if !endings.isEmpty && rng.percent(30) { word += rng.pick(endings) }
                if seen.insert(word).inserted { words.append(word) }
            }
            return words
        }
        let ruC = ["б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш", "щ"]
        let ruV = ["а", "е", "и", "о", "у", "ы", "я", "ю", "ё", "э"]
        let kkC = ["б", "ғ", "д", "ж", "з", "қ", "л", "м", "н", "ң", "п", "р", "с", "т", "ш", "к"]
        let kkV = ["а", "ә", "е", "ы", "і", "о", "ө", "ұ", "ү", "у"]
        let enC = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "th", "ch"]
        let enV = ["a", "e", "i", "o", "u", "ea", "ou", "y"]
        ruWords = realRu + invent(ruC, ruV, count: 60_000, endings: ["ов", "ами", "ого", "ая", "ый", "ом", "у", "а"])
        kkWords = realKk + invent(kkC, kkV, count: 20_000, endings: ["да", "ға", "ның", "лар", "мен"])
        enWords = realEn + invent(enC, enV, count: 30_000, endings: ["s", "ed", "ing", "er", "ly"])
        let stems = invent(ruC, ["а", "е", "и", "о", "у", "ы"], count: 5_000, endings: [])
        surnamesCyrillic = ["Есимов", "Айтеленов", "Кибраев", "Щёлоков", "Исмаилов", "Максимов", "Назарбаев",
                            "Тоқаев", "Әблязов", "Сәтбаев"] + stems.map { $0 + rng.pick(["ов", "ев", "ин", "енко", "баев"]) }
        surnamesLatin = surnamesCyrillic.map { Self.romanize($0) }
        zipfRu = Zipf(count: ruWords.count)
        zipfKk = Zipf(count: kkWords.count)
        zipfEn = Zipf(count: enWords.count)
    }

    /// A press-style romanisation, for Latin spellings of the invented names.
    static func romanize(_ word: String) -> String {
        let table: [Character: String] = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
            "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
            "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "э": "e",
            "ю": "yu", "я": "ya", "ә": "a", "қ": "k", "ғ": "g", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "і": "i",
            "Е": "E", "А": "A", "К": "K", "Щ": "Shch", "И": "I", "М": "M", "Н": "N", "Т": "T", "Ә": "A", "С": "S",
        ]
        var out = ""
        for character in word {
            out += table[character] ?? (table[Character(character.lowercased())].map { $0.capitalized } ?? String(character))
        }
        return out
    }

    mutating func sentence(_ words: [String], _ zipf: Zipf, count: Int, names: [String]) -> String {
        var parts: [String] = []
        for _ in 0..<count {
            let roll = rng.below(100)
            if roll < 5 {
                parts.append(rng.pick(names))
            } else if roll < 9 {
                parts.append("#" + words[zipf.sample(&rng)])
            } else if roll < 11 {
                parts.append("@user\(rng.below(50_000))")
            } else {
                parts.append(words[zipf.sample(&rng)])
            }
        }
        return parts.joined(separator: " ") + rng.pick([".", "!", "?", "…", ""])
    }

    /// A case of `entries` entries built with the default seed.
    public static func make(entries: Int) -> CaseFile {
        var generator = SyntheticCase()
        return generator.make(entries: entries)
    }

    /// Text of about `count` words; one in five on two or three lines.
    mutating func text(_ words: [String], _ zipf: Zipf, count: Int, names: [String]) -> String {
        guard rng.percent(20) else { return sentence(words, zipf, count: count, names: names) }
        return (0..<(2 + rng.below(2))).map { _ in sentence(words, zipf, count: max(3, count / 2), names: names) }
            .joined(separator: "\n")
    }

    /// A case of `count` entries, with about count/8 links and count/20 notes.
    public mutating func make(entries count: Int) -> CaseFile {
        var file = CaseFile(title: "Synthetic case of \(count) entries")
        file.header.set("Revision", "1")
        file.header.set("Saved", "2026-11-25T12:00:00Z")
        let people = max(1, count / 20)
        var personIds: [String] = []
        var originals: [String] = []
        for i in 0..<people {
            let surname = i < surnamesCyrillic.count ? i : rng.below(surnamesCyrillic.count)
            let cyrillic = rng.percent(60)
            let name = cyrillic ? rng.pick(firstCyrillic) + " " + surnamesCyrillic[surname]
                                : rng.pick(firstLatin) + " " + surnamesLatin[surname]
            let id = "person\(i)"
            var fields = [Field("Name", name), Field("Handle", i == 1 ? "@extremkz" : "@user\(i)")]
            if rng.percent(30) { fields.append(Field("Alias", (cyrillic ? surnamesLatin : surnamesCyrillic)[surname])) }
            if rng.percent(10) { fields.append(Field("Tag", rng.pick(["detained", "mayor", "blogger"]))) }
            file.put(Entry(kind: .person, id: id, fields: fields))
            personIds.append(id)
        }
        let names = surnamesCyrillic.prefix(10).flatMap { [$0, $0 + "а", $0 + "у", $0 + "ым"] } + surnamesCyrillic
        let latinNames = surnamesLatin
        var made = people
        var serial = 0
        while made < count {
            serial += 1
            let roll = rng.below(100)
            let day = "2014-0\(1 + rng.below(9))-\(10 + rng.below(18))"
            if roll < 62 || originals.isEmpty {
                let kazakh = rng.percent(20)
                let text = kazakh ? text(kkWords, zipfKk, count: 6 + rng.below(16), names: names)
                                  : text(ruWords, zipfRu, count: 6 + rng.below(16), names: names)
                let id = "post\(serial)"
                var fields = [Field("Author", rng.pick(personIds)), Field("Date", day), Field("Platform", "twitter"),
                              Field("Lang", kazakh ? "kk" : "ru"), Field("Text", text)]
                if rng.percent(5) { fields.append(Field("Tag", rng.pick(["detained", "protest", "lunch"]))) }
                file.put(Entry(kind: .post, id: id, fields: fields))
                originals.append(id)
            } else if roll < 72 {
                let id = "quote\(serial)"
                file.put(Entry(kind: .quote, id: id, fields: [
                    Field("Speaker", rng.pick(personIds)), Field("Date", day), Field("Lang", "ru"),
                    Field("Text", sentence(ruWords, zipfRu, count: 8 + rng.below(20), names: names))]))
                originals.append(id)
            } else if roll < 95 {
                let of = rng.pick(originals)
                let id = of + ".en" + (file[of + ".en"] == nil ? "" : "\(serial)")
                file.put(Entry(kind: .translation, id: id, fields: [
                    Field("Of", of), Field("Lang", "en"), Field("By", rng.pick(["Global Voices", "Марина Андрейченко", "lead"])),
                    Field("Text", sentence(enWords, zipfEn, count: 8 + rng.below(20), names: latinNames))]))
            } else {
                file.put(Entry(kind: .source, id: "source\(serial)", fields: [
                    Field("Title", sentence(enWords, zipfEn, count: 4 + rng.below(8), names: latinNames)),
                    Field("Url", "https://example.org/\(serial)"), Field("Published", day)]))
            }
            made += 1
            if rng.percent(12), let on = originals.last {
                let relation = rng.pick(["mentions", "criticizes", "replies-to", "quotes", "detained-with"])
                file.put(Link(LinkKey(from: rng.pick(personIds), rel: relation, to: on),
                              fields: rng.percent(25) ? [Field("Note", sentence(enWords, zipfEn, count: 6, names: latinNames))] : []))
            }
            if rng.percent(5), let on = originals.last {
                file.put(Note(NoteKey(on: on, at: day + "T12:00:00Z", by: "lead",
                                      text: sentence(enWords, zipfEn, count: 5 + rng.below(10), names: latinNames))))
            }
        }
        return file
    }
}
