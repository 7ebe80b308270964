import Testing
import CasefileCore

@Suite("Search filters")
struct SearchFilterTests {
    typealias F = SearchFixtures

    static let caseFile = F.caseFile([
        F.person("aitelenov", "Nurali Aitelenov", handles: ["@extremkz", "@itlenoff"], tags: ["Detained"]),
        F.person("kibraev", "Rinat Kibraev", tags: ["detained", "free speech"]),
        F.post("p-ru", author: "aitelenov", date: "2014-02-04", lang: "ru", "Завтра у Есимова на ланче"),
        F.post("p-handle", author: "@extremkz", date: "2014-02-05T09:30:00Z", lang: "ru", "Есимов и блогеры"),
        F.post("p-kk", author: "kibraev", date: "2014-02", lang: "kk-Cyrl", "Есімов Алматыда"),
        F.post("p-en", author: "kibraev", date: "2014-03-01", lang: "en-GB", "Esimov again"),
        F.quote("q1", speaker: "aitelenov", lang: "ru", "Есимов говорит"),
        F.translation(of: "p-ru", lang: "en", by: "Global Voices", "Tomorrow at Esimov's lunch"),
        F.translation(of: "p-kk", lang: "ru", by: "Марина Андрейченко", "Есимов в Алматы"),
        F.source("gv", "Some Kazakh Bloggers Dine With Mayor"),
    ], notes: [F.note(on: "kibraev", "Detained outside the restaurant", by: "lead")])

    static func ids(_ query: String, caseFile: CaseFile = caseFile) throws -> [String] {
        let parsed = try SearchQuery.parse(query)
        let indexed = SearchIndex(caseFile: caseFile).search(parsed, in: caseFile)
        let scanned = SearchScan.search(parsed, in: caseFile)
        #expect(indexed.ids == scanned.ids, "index and scan disagree on \(query)")
        return indexed.ids.sorted()
    }

    @Test func kind() throws {
        #expect(try Self.ids("esimov kind:post") == ["p-en", "p-handle", "p-kk", "p-ru"])
        #expect(try Self.ids("esimov kind:quote") == ["q1"])
        #expect(try Self.ids("esimov -kind:post -kind:translation") == ["q1"])
        #expect(try Self.ids("kind:source") == ["gv"])
    }

    @Test func lang() throws {
        #expect(try Self.ids("esimov lang:en") == ["p-en", "p-ru.en"])  // en-GB is English
        #expect(try Self.ids("esimov lang:en-gb") == ["p-en"])
        #expect(try Self.ids("lang:kk") == ["p-kk"])
        #expect(try Self.ids("esimov lang:ru") == ["p-handle", "p-kk.ru", "p-ru", "q1"])
    }

    @Test("author: by handle or Id; quotes by speaker; translations by their original's author")
    func author() throws {
        let byAitelenov = ["p-handle", "p-ru", "p-ru.en", "q1"]
        #expect(try Self.ids("author:@extremkz") == byAitelenov)
        #expect(try Self.ids("author:@ItLenOff") == byAitelenov)
        #expect(try Self.ids("author:aitelenov") == byAitelenov)
        #expect(try Self.ids("author:extremkz") == byAitelenov)
        #expect(try Self.ids("author:kibraev esimov") == ["p-en", "p-kk", "p-kk.ru"])
        #expect(try Self.ids("author:@nobody") == [])
    }

    @Test("tag: whole values, case ignored")
    func tag() throws {
        #expect(try Self.ids("tag:detained") == ["aitelenov", "kibraev"])
        #expect(try Self.ids("tag:\"Free Speech\"") == ["kibraev"])
        #expect(try Self.ids("tag:free") == [])
    }

    @Test("by: the translator, as folded words")
    func by() throws {
        #expect(try Self.ids("by:\"global voices\"") == ["p-ru.en"])
        #expect(try Self.ids("by:marina") == ["p-kk.ru"])  // Марина, across scripts
        #expect(try Self.ids("by:lead") == [])  // notes' authors are not translators
    }

    @Test("date: days, months, years, open ends; a month-only date belongs to its month")
    func date() throws {
        #expect(try Self.ids("date:2014-02-04") == ["p-ru"])
        #expect(try Self.ids("date:2014-02-05") == ["p-handle"])  // a date-time's day
        #expect(try Self.ids("date:2014-02") == ["p-handle", "p-kk", "p-ru"])
        #expect(try Self.ids("date:2014-02-01..2014-02-10") == ["p-handle", "p-ru"])
        #expect(try Self.ids("date:2014-02-05..") == ["p-en", "p-handle"])
        #expect(try Self.ids("date:..2014-02-04") == ["p-kk", "p-ru"])  // February, day unknown, sorts first
        #expect(try Self.ids("date:2014") == ["p-en", "p-handle", "p-kk", "p-ru"])
    }

    @Test("has:translation and missing:translation, against the case's working language")
    func translations() throws {
        #expect(try Self.ids("has:translation") == ["p-kk", "p-ru"])
        // p-kk has only a Russian translation; p-en is already in English.
        #expect(try Self.ids("missing:translation") == ["p-handle", "p-kk", "q1"])
        var russian = Self.caseFile
        russian.header.set("Lang", "ru")
        #expect(try Self.ids("missing:translation", caseFile: russian) == ["p-en"])
    }

    @Test("a note is searched with its entry: words from both must all match")
    func notes() throws {
        #expect(try Self.ids("restaurant") == ["kibraev"])
        #expect(try Self.ids("restaurant rinat") == ["kibraev"])
        var caseFile = Self.caseFile
        let index = SearchIndex(caseFile: caseFile)
        let query = try SearchQuery.parse("restaurant")
        let note = try #require(caseFile.notes.values.first)
        caseFile.removeNote(note.key)
        index.update(old: note, new: nil)
        #expect(index.search(query, in: caseFile).total == 0)
        let moved = F.note(on: "p-en", "Seen at the restaurant")
        caseFile.put(moved)
        index.update(old: nil, new: moved)
        #expect(index.search(query, in: caseFile).ids == ["p-en"])
    }
}
