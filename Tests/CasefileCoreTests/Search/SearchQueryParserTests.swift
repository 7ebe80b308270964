import CasefileTestSupport
import Testing
@testable import CasefileCore

@Suite("Search query parsing")
struct SearchQueryParserTests {
    static let valid: [(String, String)] = [
        ("esimov", "esimov"),
        ("esimov lunch", "AND(esimov, lunch)"),
        ("esimov OR есимов lunch", "AND(OR(esimov, есимов), lunch)"),
        ("a OR b OR c", "OR(a, b, c)"),
        ("(a OR b) c", "AND(OR(a, b), c)"),
        ("a (b c)", "AND(a, AND(b, c))"),
        ("-kind:quote esimov", "AND(NOT(kind:quote), esimov)"),
        ("esimov -\"на ланче\"", "AND(esimov, NOT(\"на ланче\"))"),
        ("\"на ланче\"", "\"на ланче\""),
        ("Есим*", "Есим*"),
        ("#Есим*", "#Есим*"),
        ("=Путин", "=Путин"),
        ("=\"Vladimir Putin\"", "=\"Vladimir Putin\""),
        ("#Алматы @extremkz", "AND(#Алматы, @extremkz)"),
        ("date:2014-02-01..2014-02-10", "date:20140201..20140210"),
        ("date:2014-02", "date:20140200..20140299"),
        ("date:2014", "date:20140000..20149999"),
        ("date:..2014-02-10", "date:0..20140210"),
        ("date:2014-02-05..", "date:20140205..2147483647"),
        ("date:2012-02-29", "date:20120229..20120229"),
        ("tag:\"free speech\"", "tag:free speech"),
        ("by:\"Global Voices\" lang:en", "AND(by:Global Voices, lang:en)"),
        ("author:@extremkz", "author:@extremkz"),
        ("Author:aitelenov", "author:aitelenov"),
        ("kind:posts", "kind:post"),
        ("KIND:Person", "kind:person"),
        ("lang:kk-Cyrl", "lang:kk-cyrl"),
        ("has:translation missing:translations", "AND(has:translation, missing:translation)"),
        ("https://twitter.com/extremkz", "https://twitter.com/extremkz"),
        ("10:30", "10:30"),
        ("or and", "AND(or, and)"),
        ("esimov's", "esimov's"),
    ]

    @Test("valid queries", arguments: valid)
    func parses(_ pair: (String, String)) throws {
        #expect(try SearchQuery.parse(pair.0).description == pair.1)
    }

    /// Query, expected message (start), column, length.
    static let invalid: [(String, String, Int, Int)] = [
        ("", "nothing to search for", 1, 1),
        ("   ", "nothing to search for", 1, 1),
        ("esimov \"lunch", "unbalanced quote", 8, 6),
        ("Есимов \"ланч", "unbalanced quote", 8, 5),  // columns count characters, not bytes
        ("\"\"", "empty phrase", 1, 2),
        ("kind:", "kind: needs a value", 1, 5),
        ("lunch tag:", "tag: needs a value", 7, 4),
        ("kind:pots", "unknown kind 'pots'", 6, 4),
        ("kind:note", "unknown kind 'note'", 6, 4),
        ("date:2014-13-01", "'2014-13-01' has no month 13", 6, 10),
        ("date:2014-02-30", "'2014-02-30' has no day 30 (that month has 28)", 6, 10),
        ("date:2014-02-10..2014-02-01", "the date range ends before it starts", 6, 22),
        ("date:..", "a date range needs at least one end", 6, 2),
        ("date:2014-02-01..2014-02-3x", "'2014-02-3x' is not a date", 18, 10),
        ("date:yesterday", "'yesterday' is not a date", 6, 9),
        ("lang:russian1", "'russian1' is not a language tag", 6, 8),
        ("has:notes", "has:notes is not a filter", 5, 5),
        ("knd:post", "unknown filter 'knd:'", 1, 4),
        ("OR esimov", "OR needs something on each side", 1, 2),
        ("esimov OR", "OR needs something on each side", 8, 2),
        ("esimov OR OR x", "OR needs something on each side", 8, 2),
        ("(esimov", "'(' is never closed", 1, 1),
        ("esimov)", "')' without '('", 7, 1),
        ("a () b", "empty parentheses", 3, 2),
        ("- esimov", "'-' must be followed by what to exclude", 1, 1),
        ("esimov -", "'-' must be followed by what to exclude", 8, 1),
        ("*", "'*' needs the beginning of a word", 1, 1),
        ("es*mov", "'*' only goes at the end of a word", 3, 1),
        ("\"lunch\"*", "'*' cannot follow a phrase", 8, 1),
        ("#", "'#' needs a word right after it", 1, 1),
        ("esimov …", "'…' has no letters or digits to search for", 8, 1),
        ("= esimov", "'=' must be followed by a word or \"phrase\"", 1, 1),
        ("author:@", "author: needs a handle or an Id", 8, 1),
        ("by:…", "'…' has no letters or digits to search for", 4, 1),
    ]

    @Test("malformed queries point at the problem", arguments: invalid)
    func rejects(_ item: (String, String, Int, Int)) {
        do {
            _ = try SearchQuery.parse(item.0)
            Issue.record("\(item.0) should not parse")
        } catch {
            #expect(error.message == item.1)
            #expect(error.column == item.2, "column for \(item.0)")
            #expect(error.length == item.3, "length for \(item.0)")
            #expect(!error.hint.isEmpty)
        }
    }

    @Test("the caret lines up under the problem, after control characters and wide characters too")
    func caret() throws {
        func caretLine(_ query: String) throws -> String {
            let error = try #require(throws: QueryError.self) { try SearchQuery.parse(query) }
            let lines = ErrorRenderer.render(error.located(inQuery: query), file: nil, source: query).split(separator: "\n")
            return String(lines[2])
        }
        #expect(try caretLine("Есимов kind:pots") == "   |             ^^^^")
        #expect(try caretLine("a\u{1B}b kind:x") == "   |           ^")
        // Each of 漢字 takes two columns on a terminal.
        #expect(try caretLine("漢字 kind:pots") == "   |" + String(repeating: " ", count: 11) + "^^^^")
    }
}

@Suite("Search query fuzzing")
struct SearchQueryFuzzTests {
    static let pieces = ["esimov", "Есим", "\"", "(", ")", "-", "*", "=", ":", "OR", " ", "  ", "kind:", "post", "date:",
                         "2014-02", "..", "#", "@", "lang:", "ru", "tag:", "by:", "has:", "translation", "\u{1B}", "\n",
                         "…", "'", "ң", "\u{301}", "😀", "author:", "x", "missing:", "ЖГИ"]

    @Test("random queries either parse or fail with a column inside the query; searches never trap")
    func fuzz() {
        var rng = SeededGenerator(seed: 42)
        let caseFile = SearchFixtures.bloggers
        let index = SearchIndex(caseFile: caseFile)
        for _ in 0..<3000 {
            let count = 1 + Int(rng.next() % 8)
            let text = (0..<count).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
            do {
                let query = try SearchQuery.parse(text)
                let indexed = index.search(query, in: caseFile, limit: 5)
                let scanned = SearchScan.search(query, in: caseFile, limit: 5)
                #expect(indexed.ids == scanned.ids, "\(text)")
                _ = indexed.lines(width: 60) { "[\($0)]" }
            } catch {
                #expect(error.column >= 1 && error.column <= max(1, text.count + 1), "\(text): \(error)")
                #expect(ErrorRenderer.render(error.located(inQuery: text), file: nil, source: text).contains("^"))
            }
        }
    }
}
