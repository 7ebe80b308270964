import CasefileCore

/// A generated case of `entries` entries (a fifth people, half posts, the rest quotes,
/// translations and sources), with links and notes, built straight into the model.
enum BigCase {
    static func make(entries total: Int, seed: UInt64 = 7) -> CaseFile {
        var random = BenchRandom(state: seed)
        var caseFile = CaseFile(title: "Generated case of \(total) entries")
        let people = total / 5
        let posts = total / 2
        let quotes = total / 10
        let sources = total / 100
        let translations = total - people - posts - quotes - sources
        for index in 0..<sources {
            caseFile.put(Entry(kind: .source, id: "s\(index)", fields: [Field("Title", "Source \(index)")]))
        }
        for index in 0..<people {
            let name = random.pick(Texts.firstNames) + " " + random.pick(Texts.surnames)
            caseFile.put(Entry(kind: .person, id: "p\(index)", fields: [
                Field("Name", name), Field("Handle", "@h\(index)"), Field("Source", "s\(index % sources)"),
            ]))
        }
        for index in 0..<posts {
            let day = 1 + random.int(0..<28)
            caseFile.put(Entry(kind: .post, id: "post\(index)", fields: [
                Field("Author", "p\(random.int(0..<people))"), Field("Date", "2014-02-\(day < 10 ? "0" : "")\(day)"),
                Field("Lang", random.pick(Texts.languages)), Field("Text", Texts.sentence(&random, words: 10)),
            ]))
        }
        for index in 0..<quotes {
            caseFile.put(Entry(kind: .quote, id: "q\(index)", fields: [
                Field("Speaker", "p\(random.int(0..<people))"), Field("Post", "post\(random.int(0..<posts))"),
                Field("Lang", "ru"), Field("Text", Texts.sentence(&random, words: 8)),
            ]))
        }
        for index in 0..<translations {
            caseFile.put(Entry(kind: .translation, id: "post\(index).en", fields: [
                Field("Of", "post\(index)"), Field("Lang", "en"), Field("Status", "draft"),
                Field("Text", Texts.sentence(&random, words: 10)),
            ]))
        }
        for _ in 0..<(total / 2) {
            let key = LinkKey(from: "p\(random.int(0..<people))", rel: random.pick(Texts.relations), to: "post\(random.int(0..<posts))")
            caseFile.put(Link(key))
        }
        for index in 0..<(total / 10) {
            caseFile.put(Note(NoteKey(on: "post\(random.int(0..<posts))", at: "2025-11-25T12:00:00Z", by: "bench",
                                      text: "note \(index) " + Texts.sentence(&random, words: 5))))
        }
        return caseFile
    }
}
