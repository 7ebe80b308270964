import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// Every input the fuzzers (scripts/fuzz.sh) ever crashed on, and their seeds, replayed
/// with the same properties the fuzz targets check (Fuzz/ReaderFuzz.swift, LexerFuzz.swift, QueryFuzz.swift; DiffFuzz.swift in DiffFuzzRegressionTests).
@Suite struct FuzzRegressionTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz").path

    /// The files in Fuzz/Regressions/TARGET and Fuzz/Seeds/TARGET.
    static func inputs(_ target: String) -> [String] {
        ["Regressions", "Seeds"].flatMap { kind -> [String] in
            let folder = "\(fuzzFolder)/\(kind)/\(target)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs("reader").isEmpty)
        #expect(!Self.inputs("lexer").isEmpty)
        #expect(!Self.inputs("query").isEmpty)
        #expect(!Self.inputs("diff").isEmpty)
    }

    @Test(arguments: inputs("reader"))
    func readerInput(_ path: String) throws {
        let bytes = try FileBytes.read(path)
        let loaded = try? bytes.withUnsafeBufferPointer { try CaseReader.read(bytes: $0, file: "fuzz", validate: true) }
        guard let loaded else { return }  // refused with diagnostics: fine, it did not trap
        let written = CaseWriter.bytes(of: loaded.caseFile)
        let again = try written.withUnsafeBufferPointer { try CaseReader.read(bytes: $0, file: "rewritten", validate: true) }
        #expect(CaseWriter.bytes(of: again.caseFile) == written, "writing is not stable for \(path)")
    }

    @Test(arguments: inputs("lexer"))
    func lexerInput(_ path: String) throws {
        let text = String(decoding: try FileBytes.read(path), as: UTF8.self)
        let result = Lexer.lex(text)
        let lineCount = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        for command in result.commands {
            for word in command.words {
                #expect(word.line >= 1 && word.line <= lineCount && word.column >= 1, "\(word)")
            }
            let again = Lexer.lex(command.source)
            #expect(again.commands.map { $0.words.map(\.text) } == [command.words.map(\.text)],
                    "source \(command.source.debugDescription) does not lex back to its words")
            #expect(again.errors.isEmpty)
        }
        let quoted = Lexer.lex("x " + Quoting.word(text))
        #expect(quoted.commands.map { $0.words.map(\.text) } == [["x", text]])
    }

    /// The small mixed-script case Fuzz/QueryFuzz.swift searches.
    static let searchCase: CaseFile = {
        var caseFile = CaseFile(title: "fuzz")
        caseFile.put(Entry(kind: .person, id: "aitelenov", fields: [
            Field("Name", "Nurali Aitelenov"), Field("Handle", "@extremkz"), Field("Alias", "IT-len-off Нурали"),
            Field("Tag", "detained"),
        ]))
        caseFile.put(Entry(kind: .person, id: "esimov", fields: [Field("Name", "Ахметжан Есимов"), Field("Tag", "mayor")]))
        caseFile.put(Entry(kind: .post, id: "extremkz-2014-02-04", fields: [
            Field("Author", "aitelenov"), Field("Date", "2014-02-04"), Field("Lang", "ru"),
            Field("Text", "Завтра у #Есимов‘а на ланче… #Алматы #KAZ @prediktor"),
        ]))
        caseFile.put(Entry(kind: .post, id: "extremkz-2014-02-05", fields: [
            Field("Author", "aitelenov"), Field("Date", "2014-02-05"), Field("Lang", "kk"),
            Field("Text", "Әкім блогерлер ұсталды Алматы қаласында"), Field("Tag", "free speech"),
        ]))
        caseFile.put(Entry(kind: .translation, id: "extremkz-2014-02-04.en", fields: [
            Field("Of", "extremkz-2014-02-04"), Field("Lang", "en"), Field("By", "Global Voices"),
            Field("Text", "Tomorrow at #Esimov's lunch… #Almaty"),
        ]))
        caseFile.put(Entry(kind: .quote, id: "esimov-q1", fields: [
            Field("Speaker", "esimov"), Field("Lang", "en"), Field("Text", "The lunch was \"private\"; bloggers were detained."),
        ]))
        caseFile.put(Note(NoteKey(on: "extremkz-2014-02-04", at: "2014-02-06T10:00:00Z", by: "researcher",
                                  text: "Tweeted a day before the meeting")))
        return caseFile
    }()

    static func describe(_ results: SearchResults) -> [String] {
        ["total \(results.total)"] + results.hits.map { hit in
            "\(hit.kind.word) \(hit.id) \(hit.score) \(hit.original ?? "-") \(hit.translations) "
                + "\(hit.snippet.field): \(hit.snippet.text) \(hit.snippet.highlightedWords)"
        }
    }

    @Test(arguments: inputs("query"))
    func queryInput(_ path: String) throws {
        let text = String(decoding: try FileBytes.read(path), as: UTF8.self)
        let query: SearchQuery
        do {
            query = try SearchQuery.parse(text)
        } catch {
            #expect(error.column >= 1 && error.column <= text.count + 1)
            _ = ErrorRenderer.render(error.located(inQuery: text), file: nil, source: text)
            return
        }
        let index = SearchIndex(caseFile: Self.searchCase)
        for limit in [nil, 2] as [Int?] {
            for exact in [false, true] {
                let indexed = index.search(query, in: Self.searchCase, limit: limit, exact: exact)
                let scanned = SearchScan.search(query, in: Self.searchCase, limit: limit, exact: exact)
                #expect(Self.describe(indexed) == Self.describe(scanned), "\(text.debugDescription) limit \(String(describing: limit)) exact \(exact)")
                _ = indexed.lines(width: 60) { "[" + $0 + "]" }
            }
        }
    }

    @Test func aCommandEndingInAnEscapedBlankKeepsItInItsSource() {
        // Found by the lexer fuzzer: the source (what the session log replays) lost the blank.
        for text in ["tag a b\\ ", "tag a b\\ \n", "tag a \\\n", "tag a b\\\\ \n", "tag a b\\\r\n"] {
            let command = Lexer.lex(text).commands.first
            let again = command.map { Lexer.lex($0.source) }
            #expect(again?.commands.first?.words.map(\.text) == command?.words.map(\.text), "\(text.debugDescription)")
            #expect(again?.isIncomplete == false)
        }
        #expect(Lexer.lex("tag a b\\ ").commands.first?.words.last?.text == "b ")
        #expect(Lexer.lex("tag a b\\\\ \n").commands.first?.source == "tag a b\\\\")
    }
}
