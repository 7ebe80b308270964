import CasefileCore

/// A synthetic case of a given size with a realistic mix: persons, posts, quotes,
/// translations, sources, links and notes; Russian, Kazakh and English text; some
/// multi-line values. Deterministic: the same size gives the same file.
struct SyntheticCase {
    private var state: UInt64 = 0x2545_F491_4F6C_DD1D

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    private mutating func pick(_ items: [String]) -> String { items[below(items.count)] }

    static let russian = ["Завтра", "у", "Есимова", "на", "ланче", "в", "Алматы", "блогеров", "задержали", "возле",
                          "акимата", "полиция", "суд", "сообщил", "твиттере", "#Алматы", "#KAZ", "после", "встречи"]
    static let kazakh = ["Әкім", "блогерлер", "ұсталды", "қаласында", "жаңалық", "құқық", "өмір", "үкімет", "ғаламтор",
                         "һәм", "іс", "сот", "полиция", "Алматы", "бүгін", "ертең", "түскі", "ас", "кезінде"]
    static let english = ["Tomorrow", "at", "the", "mayor's", "lunch", "bloggers", "were", "detained", "outside", "in",
                          "Almaty", "police", "said", "court", "according", "to", "Global", "Voices", "#KAZ"]

    private mutating func sentence(words: Int) -> String {
        let pool = [Self.russian, Self.kazakh, Self.english][below(3)]
        var text = ""
        for index in 0..<words {
            if index > 0 { text += " " }
            text += pool[below(pool.count)]
        }
        return text
    }

    /// Text of about `words` words; one value in five has two or three lines.
    private mutating func text(words: Int) -> String {
        if below(5) == 0 {
            return (0..<(2 + below(2))).map { _ in sentence(words: max(2, words / 2)) }.joined(separator: "\n")
        }
        return sentence(words: words)
    }

    private mutating func date() -> String {
        let month = 1 + below(12)
        let day = 1 + below(28)
        return "20\(10 + below(16))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// A case with `total` entries, links and notes.
    mutating func make(total: Int) -> CaseFile {
        var caseFile = CaseFile(title: "Synthetic case of \(total) entries")
        caseFile.header.set("Revision", "1")
        caseFile.header.set("Saved", "2026-11-25T12:00:00Z")
        let persons = max(1, total * 8 / 100)
        let sources = max(1, total * 2 / 100)
        let posts = max(1, total * 40 / 100)
        let quotes = total * 8 / 100
        let translations = total * 24 / 100
        let links = total * 12 / 100
        let notes = total - persons - sources - posts - quotes - translations - links
        let languages = ["ru", "kk", "en"]
        for index in 0..<sources {
            caseFile.put(Entry(kind: .source, id: "src-\(index)", fields: [
                Field("Title", sentence(words: 5)), Field("Url", "https://globalvoices.org/2014/02/\(index)/"),
                Field("Published", date()),
            ]))
        }
        for index in 0..<persons {
            var fields = [Field("Name", sentence(words: 2)), Field("Handle", "@user\(index)")]
            if below(3) == 0 { fields.append(Field("Alias", sentence(words: 2))) }
            if below(4) == 0 { fields.append(Field("Tag", pick(["detained", "official", "journalist"]))) }
            caseFile.put(Entry(kind: .person, id: "person-\(index)", fields: fields))
        }
        var postLang: [String] = []
        postLang.reserveCapacity(posts)
        for index in 0..<posts {
            let lang = pick(languages)
            postLang.append(lang)
            var fields = [Field("Author", "person-\(below(persons))"), Field("Date", date()), Field("Platform", "twitter"),
                          Field("Lang", lang)]
            if below(3) == 0 { fields.append(Field("Url", "https://twitter.com/user/status/\(next() % 1_000_000_000)")) }
            if below(5) == 0 { fields.append(Field("Source", "src-\(below(sources))")) }
            fields.append(Field("Text", text(words: 22)))
            caseFile.put(Entry(kind: .post, id: "post-\(index)", fields: fields))
        }
        for index in 0..<quotes {
            var fields = [Field("Speaker", "person-\(below(persons))")]
            if below(2) == 0 { fields.append(Field("Post", "post-\(below(posts))")) }
            fields += [Field("Lang", pick(languages)), Field("Text", text(words: 24))]
            caseFile.put(Entry(kind: .quote, id: "quote-\(index)", fields: fields))
        }
        for index in 0..<translations {
            let original = below(posts)
            let lang = postLang[original] == "en" ? "ru" : "en"
            caseFile.put(Entry(kind: .translation, id: "post-\(original).\(lang)-\(index)", fields: [
                Field("Of", "post-\(original)"), Field("Lang", lang), Field("By", "Global Voices"),
                Field("Status", "reviewed"), Field("Text", text(words: 22)),
            ]))
        }
        let relations = ["authored", "detained-with", "criticizes", "mentions", "replies-to"]
        var made = 0
        while made < links {
            let key = LinkKey(from: "person-\(below(persons))", rel: pick(relations), to: "post-\(below(posts))")
            if caseFile.put(Link(key, fields: below(4) == 0 ? [Field("Note", sentence(words: 6))] : [])) == nil { made += 1 }
        }
        for index in 0..<max(0, notes) {
            let key = NoteKey(on: "post-\(below(posts))", at: "2026-11-\(10 + below(15))T10:00:\(index % 60 < 10 ? "0" : "")\(index % 60)Z",
                              by: "researcher", text: text(words: 16) + " #\(index)")
            caseFile.put(Note(key))
        }
        return caseFile
    }
}
