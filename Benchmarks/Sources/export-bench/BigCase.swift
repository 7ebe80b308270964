import CasefileCore

/// A generated case of about a million entries with the shape of a real one: people with
/// handles and aliases in two scripts, posts in Russian and Kazakh, a translation for
/// two posts in five, quotes, sources, links between people and posts, notes.
enum BigCase {
    static func make(entries: Int) -> CaseFile {
        var caseFile = CaseFile(title: "Generated case for export-bench")
        let people = entries / 10
        let sources = max(1, entries / 100)
        let quotes = entries / 25
        let posts = (entries - people - sources - quotes) * 5 / 7
        let translations = entries - people - sources - quotes - posts
        let words = ["Алматы", "аким", "блогер", "встреча", "Есимов", "Қазақстан", "сайлау", "#KAZ", "обед", "продажные",
                     "свобода", "слова", "суд", "задержан", "митинг", "плакат", "twitter", "news", "@extremkz", "ланч"]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func sentence(_ count: Int) -> String { (0..<count).map { _ in words[next(words.count)] }.joined(separator: " ") }
        for index in 0..<sources {
            caseFile.put(Entry(kind: .source, id: "source-\(index)", fields: [
                Field("Title", "Source number \(index)"), Field("Url", "https://example.org/articles/\(index)"),
                Field("Published", "2014-02-0\(1 + index % 9)"),
                Field("Sha256", String(repeating: "ab", count: 32)),
            ]))
        }
        for index in 0..<people {
            caseFile.put(Entry(kind: .person, id: "person-\(index)", fields: [
                Field("Name", "Person \(index)"), Field("Handle", "@user\(index)"), Field("Alias", "Персона \(index)"),
                Field("Source", "source-\(index % sources)"), Field("Tag", index % 7 == 0 ? "detained" : "blogger"),
            ]))
        }
        for index in 0..<posts {
            let author = "person-\(next(people))"
            caseFile.put(Entry(kind: .post, id: "post-\(index)", fields: [
                Field("Author", author), Field("Date", "2014-0\(1 + index % 9)-1\(index % 10)"), Field("Platform", "twitter"),
                Field("Lang", index % 5 == 0 ? "kk" : "ru"), Field("Url", "https://twitter.com/x/status/\(index)"),
                Field("Source", "source-\(index % sources)"), Field("Text", sentence(12 + next(10))),
            ]))
            caseFile.put(Link(LinkKey(from: author, rel: "authored", to: "post-\(index)")))
            if index % 3 == 0 { caseFile.put(Link(LinkKey(from: "post-\(index)", rel: "mentions", to: "person-\(next(people))"))) }
        }
        for index in 0..<translations {
            let original = "post-\(index * posts / max(1, translations))"
            caseFile.put(Entry(kind: .translation, id: original + ".en", fields: [
                Field("Of", original), Field("Lang", "en"), Field("By", "Translator \(index % 20)"),
                Field("Status", index % 3 == 0 ? "draft" : "final"), Field("Text", "Translated: " + sentence(10)),
            ]))
        }
        for index in 0..<quotes {
            caseFile.put(Entry(kind: .quote, id: "quote-\(index)", fields: [
                Field("Speaker", "person-\(next(people))"), Field("Post", "post-\(next(posts))"), Field("Lang", "ru"),
                Field("Text", sentence(15)),
            ]))
        }
        for index in 0..<(entries / 20) {
            caseFile.put(Note(NoteKey(on: "post-\(next(posts))", at: "2025-11-25T12:00:00Z", by: "bench", text: "Note \(index): " + sentence(8))))
        }
        return caseFile
    }
}
