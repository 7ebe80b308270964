import CasefileCore
import CasefileTestSupport
import Testing

/// One integrity problem: a line to add to a valid case, and what `check` must say about it.
struct IntegrityCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// The record type the record goes under.
    let type: String
    /// The record; the line starting with `at` is the one at fault.
    let record: String
    let at: String
    let column: Int
    let message: String

    var testDescription: String { name }
}

@Suite("Integrity checks")
struct IntegrityTests {
    /// A valid case: a person, a post in Russian, a quote, a source. Records are appended
    /// to the section of their type.
    static let sections: [(type: String, records: [String])] = [
        ("Casefile", ["Format: 1\nTitle: Test\nLang: en\nRevision: 1\nSaved: 2014-02-05T10:00:00Z"]),
        ("Person", ["Id: ait\nName: Nurali Aitelenov\nHandle: @extremkz"]),
        ("Post", ["Id: p1\nAuthor: ait\nDate: 2014-02-04\nLang: ru\nText: Завтра у #Есимов‘а на ланче…"]),
        ("Quote", ["Id: q1\nSpeaker: ait\nPost: p1\nLang: kk\nText: Әкім"]),
        ("Translation", ["Id: p1.en\nOf: p1\nLang: en\nStatus: draft\nText: Tomorrow at lunch"]),
        ("Source", ["Id: gv\nTitle: Global Voices\nPublished: 2014-02-10"]),
        ("Link", ["From: ait\nRel: authored\nTo: p1"]),
        ("Note", ["On: p1\nAt: 2014-02-05T12:00:00Z\nBy: me\nText: a day before"]),
        ("Session", ["Revision: 1\nSaved: 2014-02-05T10:00:00Z"]),
    ]

    static func text(adding extra: IntegrityCase? = nil) -> String {
        var out = ""
        for (type, records) in sections {
            out += "%rec: \(type)\n"
            for record in records + (extra?.type == type ? [extra!.record] : []) { out += "\n" + record + "\n" }
            out += "\n"
        }
        return out
    }

    static let cases: [IntegrityCase] = [
        .init(name: "unresolved Author", type: "Post", record: "Id: p2\nAuthor: nobody\nText: t", at: "Author: nobody",
              column: 9, message: "Author 'nobody' is not the Id of any entry"),
        .init(name: "unresolved Speaker", type: "Quote", record: "Id: q2\nSpeaker: nobody\nText: t", at: "Speaker: nobody",
              column: 10, message: "Speaker 'nobody' is not the Id of any entry"),
        .init(name: "unresolved Post", type: "Quote", record: "Id: q2\nSpeaker: ait\nPost: gone\nText: t", at: "Post: gone",
              column: 7, message: "Post 'gone' is not the Id of any entry"),
        .init(name: "unresolved Of", type: "Translation", record: "Id: t2\nOf: gone\nLang: en\nText: t", at: "Of: gone",
              column: 5, message: "Of 'gone' is not the Id of any entry"),
        .init(name: "unresolved Source", type: "Person", record: "Id: b\nName: B\nSource: nowhere", at: "Source: nowhere",
              column: 9, message: "Source 'nowhere' is not the Id of any entry"),
        .init(name: "unresolved link From", type: "Link", record: "From: ghost\nRel: knows\nTo: ait", at: "From: ghost",
              column: 7, message: "link From 'ghost' is not the Id of any entry"),
        .init(name: "unresolved link To", type: "Link", record: "From: ait\nRel: knows\nTo: ghost", at: "To: ghost",
              column: 5, message: "link To 'ghost' is not the Id of any entry"),
        .init(name: "unresolved note On", type: "Note", record: "On: ghost\nText: t", at: "On: ghost",
              column: 5, message: "note On 'ghost' is not the Id of any entry"),
        .init(name: "a reference with the wrong case", type: "Post", record: "Id: p2\nAuthor: AIT\nText: t", at: "Author: AIT",
              column: 9, message: "Author 'AIT' is not the Id of any entry"),
        .init(name: "Author pointing at a post", type: "Post", record: "Id: p2\nAuthor: p1\nText: t", at: "Author: p1",
              column: 9, message: "Author 'p1' is a post, not a person"),
        .init(name: "Source pointing at a person", type: "Post", record: "Id: p2\nAuthor: ait\nSource: ait\nText: t",
              at: "Source: ait", column: 9, message: "Source 'ait' is a person, not a source"),
        .init(name: "Of pointing at a person", type: "Translation", record: "Id: t2\nOf: ait\nLang: en\nText: t", at: "Of: ait",
              column: 5, message: "Of 'ait' is a person, not a post or quote or translation"),
        .init(name: "a day that does not exist", type: "Post", record: "Id: p2\nAuthor: ait\nDate: 2014-02-30\nText: t",
              at: "Date: 2014-02-30", column: 7, message: "Date '2014-02-30' is not an ISO date"),
        .init(name: "a month that does not exist", type: "Source", record: "Id: s2\nTitle: S\nPublished: 2014-13-01",
              at: "Published: 2014-13-01", column: 12, message: "Published '2014-13-01' is not an ISO date"),
        .init(name: "a date in another notation", type: "Quote", record: "Id: q2\nSpeaker: ait\nDate: 04.02.2014\nText: t",
              at: "Date: 04.02.2014", column: 7, message: "Date '04.02.2014' is not an ISO date"),
        .init(name: "a note time that is not a time", type: "Note", record: "On: p1\nAt: yesterday\nText: t", at: "At: yesterday",
              column: 5, message: "At 'yesterday' is not an ISO date-time"),
        .init(name: "a language that is not a BCP 47 tag", type: "Post", record: "Id: p2\nAuthor: ait\nLang: русский\nText: t",
              at: "Lang: русский", column: 7, message: "Lang 'русский' is not a BCP 47 language tag"),
        .init(name: "a language with an underscore", type: "Quote", record: "Id: q2\nSpeaker: ait\nLang: kk_KZ\nText: t",
              at: "Lang: kk_KZ", column: 7, message: "Lang 'kk_KZ' is not a BCP 47 language tag"),
        .init(name: "a translation into its original's language", type: "Translation",
              record: "Id: p1.ru\nOf: p1\nLang: ru-KZ\nText: t", at: "Lang: ru-KZ", column: 7,
              message: "translation 'p1.ru' is in ru-KZ, the language of its original 'p1'"),
        .init(name: "an unknown translation status", type: "Translation",
              record: "Id: p1.kk\nOf: p1\nLang: kk\nStatus: done\nText: t", at: "Status: done", column: 9,
              message: "Status 'done' is not one of draft, reviewed, final"),
        .init(name: "a session saved at no real time", type: "Session", record: "Revision: 2\nSaved: 2014-02-05T25:00:00Z",
              at: "Saved: 2014-02-05T25:00:00Z", column: 8, message: "Saved '2014-02-05T25:00:00Z' is not an ISO date-time"),
    ]

    @Test("the valid case has no problems")
    func validCase() throws {
        let result = try CaseReader.read(text: Self.text(), file: "ok.rec", validate: true)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.caseFile.count == 7)
    }

    @Test("each integrity problem is reported at its field", arguments: cases)
    func reported(problem: IntegrityCase) throws {
        let text = Self.text(adding: problem)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix(problem.at) }) + 1
        let result = try CaseReader.read(text: text, file: "case.rec", validate: true)
        #expect(result.diagnostics.count == 1, "\(problem.name): \(result.diagnostics)")
        let first = try #require(result.diagnostics.first)
        #expect(first.description.hasPrefix("case.rec:\(line):\(problem.column): error: \(problem.message)"),
                "\(problem.name): \(first.description)")
        #expect(first.hint != nil, "\(problem.name): no hint")
    }

    @Test("integrity problems do not stop a load: they come back as diagnostics")
    func loadsAnyway() throws {
        let result = try CaseReader.read(text: Self.text(adding: Self.cases[0]), validate: false)
        #expect(result.diagnostics.isEmpty)
        #expect(result.caseFile["p2"] != nil)
    }

    @Test("header problems are reported at the header's field")
    func header() throws {
        let text = Self.text().replacingOccurrences(of: "Lang: en\nRevision: 1", with: "Lang: en_GB\nRevision: one")
        let result = try CaseReader.read(text: text, file: "h.rec", validate: true)
        #expect(result.diagnostics.map(\.description).map { String($0.prefix(while: { $0 != "\n" })) } == [
            "h.rec:5:7: error: Lang 'en_GB' is not a BCP 47 language tag",
            "h.rec:6:11: error: Revision 'one' is not a number",
        ])
    }
}
