import CasefileCore
import Testing

@Suite("EntryTable")
struct EntryTableTests {
    static func post(_ id: String, author: String, date: String?, lang: String, _ text: String) -> Entry {
        var fields = [Field("Author", author), Field("Lang", lang), Field("Text", text)]
        if let date { fields.insert(Field("Date", date), at: 1) }
        return Entry(kind: .post, id: id, fields: fields)
    }

    static func lines(_ entries: [Entry], width: Int) -> [String] {
        var table = EntryTable(width: width)
        for entry in entries { table.measure(entry) }
        return entries.map { table.line($0) }
    }

    @Test("columns after the Id line up whatever the author's length, and a missing date leaves its column blank")
    func aligned() {
        let quote = Entry(kind: .quote, id: "politrash-q1", fields: [Field("Speaker", "politrash"), Field("Lang", "ru"),
                                                                       Field("Text", "Слова")])
        let lines = Self.lines([
            Self.post("apetyan-2014-03-24", author: "apetyan", date: "2014-03-24", lang: "ru", "Первый"),
            Self.post("politrash-2014-03-24", author: "politrash", date: "2014-03-24", lang: "kk", "Екінші"),
            quote,
        ], width: 100)
        let column = { (line: String, word: String) in line.range(of: word).map { line.distance(from: line.startIndex, to: $0.lowerBound) } }
        #expect(column(lines[0], "ru") == column(lines[1], "kk"))
        #expect(column(lines[0], "ru") == column(lines[2], "ru"))
        #expect(column(lines[0], "Первый") == column(lines[2], "Слова"))
        #expect(lines[2].contains("politrash-q1                      politrash  ru  Слова"))
    }

    @Test("the text is cut at a word with an ellipsis, and no line is wider than the table or ends in spaces")
    func cut() {
        let long = Self.post("p", author: "a", date: "2014-02-04", lang: "en",
                             "Transparency, surveillance and the right to speak freely online in Kazakhstan")
        for width in [40, 60, 80] {
            let line = Self.lines([long], width: width)[0]
            #expect(TextWidth.of(line) <= width)
            #expect(line.hasSuffix("…"))
            #expect(!line.contains("sur…") && !line.contains("Transparency,…"))
        }
        let person = Entry(kind: .person, id: "kibraev", fields: [Field("Name", "Rinat Kibraev")])
        let other = Entry(kind: .person, id: "aitelenov", fields: [Field("Name", "Nurali Aitelenov"), Field("Handle", "@extremkz")])
        for line in Self.lines([person, other], width: 80) { #expect(line.last != " ") }
    }

    @Test("snippet: whole words and an ellipsis, a hard cut only for one long word")
    func snippet() {
        #expect(TextWidth.snippet("Transparency, surveillance", to: 20) == "Transparency…")
        #expect(TextWidth.snippet("к суду. Есимов сказал", to: 12) == "к суду…")
        #expect(TextWidth.snippet("short", to: 10) == "short")
        #expect(TextWidth.snippet("https://twitter.com/extremkz/status/1", to: 12) == "https://twi…")
        #expect(TextWidth.of(TextWidth.snippet("漢字漢字漢字 漢字", to: 7)) <= 7)
    }
}
