import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import CasefileTestSupport

/// `casefile search` through the built binary.
@Suite("casefile search (the binary)")
struct SearchCommandTests {
    static let caseText = """
        # casefile format 1
        %rec: Casefile

        Format: 1
        Title: Kazakh bloggers
        Revision: 1

        %rec: Person
        %key: Id
        %mandatory: Name

        Id: aitelenov
        Name: Nurali Aitelenov
        Handle: @extremkz
        Alias: IT-len-off Нурали
        Tag: detained

        Id: esimov
        Name: Ахметжан Есимов
        Alias: Akhmetzhan Esimov

        %rec: Post
        %key: Id
        %mandatory: Author Text

        Id: baitukenov-2014-02-05
        Author: baitukenov
        Date: 2014-02-05
        Lang: ru
        Text: Надеюсь, хоть кто-то из блогеров на обеде с Есимовым догадался достать портмоне?

        Id: extremkz-2014-02-04
        Author: aitelenov
        Date: 2014-02-04
        Lang: ru
        Text: Завтра у #Есимов‘а на ланче… #Алматы #KAZ #аким #ЕсимовЖГИ

        %rec: Translation
        %key: Id
        %mandatory: Of Lang Text

        Id: extremkz-2014-02-04.en
        Of: extremkz-2014-02-04
        Lang: en
        By: Global Voices
        Text: Tomorrow at #Esimov's lunch…

        """

    struct Outcome {
        var status: Int32
        var out: String
        var err: String
        var lines: [String] { out.split(separator: "\n").map(String.init) }
    }

    static var binary: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/casefile").path
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "200"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                       err: String(decoding: errData, as: UTF8.self))
    }

    static func withCase(_ body: (String) throws -> Void) throws {
        let folder = try TemporaryFolder()
        try body(try folder.write("bloggers.rec", caseText))
    }

    @Test("finds across scripts, one line per hit, the count on standard error, exit 0")
    func finds() throws {
        try Self.withCase { file in
            let result = try Self.run(["search", file, "esimov"])
            #expect(result.status == 0)
            #expect(result.lines.count == 4)
            #expect(result.lines[0].hasPrefix("person esimov  Ахметжан Есимов · Akhmetzhan Esimov"))
            #expect(result.out.contains("post   baitukenov-2014-02-05 ru  "))
            #expect(result.out.contains("transl extremkz-2014-02-04.en en ← extremkz-2014-02-04  "))
            #expect(result.err == "4 hits\n")
        }
    }

    @Test("building the index or scanning gives the same output")
    func indexAndScanAgree() throws {
        try Self.withCase { file in
            for query in [["esimov"], ["Есимов", "-kind:person"], ["lang:ru"], ["\"на ланче\""], ["Есим*", "OR", "aitelenov"]] {
                let scanned = try Self.run(["search", file, "--highlight", "brackets", "--method", "scan"] + query)
                let indexed = try Self.run(["search", file, "--highlight", "brackets", "--method", "index"] + query)
                #expect(scanned.status == 0)
                #expect(scanned.out == indexed.out)
                #expect(scanned.err == indexed.err)
            }
        }
    }

    @Test("the index is saved beside the case (0600), read by the next search of the same bytes, rebuilt after a change")
    func savedIndex() throws {
        try Self.withCase { file in
            let folder = (file as NSString).deletingLastPathComponent
            let indexPath = folder + "/.bloggers.rec.index"
            let first = try Self.run(["search", file, "--verify-index", "--highlight", "brackets", "Есим*"])
            #expect(first.err == "index: rebuilt (no saved index)\n4 hits\n")
            let attributes = try FileManager.default.attributesOfItem(atPath: indexPath)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let second = try Self.run(["search", file, "--verify-index", "--highlight", "brackets", "Есим*"])
            #expect(second.err == "index: read \(indexPath)\n4 hits\n")
            #expect(second.out == first.out)
            let scanned = try Self.run(["search", file, "--method", "scan", "--highlight", "brackets", "Есим*"])
            #expect(scanned.out == second.out)
            // Another save of the case (same size, a later time): the index is not used.
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: "Revision: 1", with: "Revision: 2").write(toFile: file, atomically: true, encoding: .utf8)
            let third = try Self.run(["search", file, "--verify-index", "esimov"])
            #expect(third.err.hasPrefix("index: rebuilt (\(indexPath): built for other bytes"))
            // A damaged index file is rebuilt, never trusted.
            try Data("CFINDEX\ngarbage".utf8).write(to: URL(fileURLWithPath: indexPath))
            chmod(indexPath, 0o600)
            let fourth = try Self.run(["search", file, "--verify-index", "esimov"])
            #expect(fourth.err.hasPrefix("index: rebuilt (\(indexPath): not a casefile search index)"))
            #expect(fourth.status == 0)
        }
    }

    @Test("brackets mark matches, also through transliteration; nothing marks them in a pipe")
    func highlighting() throws {
        try Self.withCase { file in
            let marked = try Self.run(["search", file, "--highlight", "brackets", "esimov", "kind:post"])
            #expect(marked.out.contains("с [Есимовым] догадался"))
            #expect(marked.out.contains("Завтра у #[Есимов‘а] на ланче"))
            let plain = try Self.run(["search", file, "esimov", "kind:post"])
            #expect(!plain.out.contains("[") && !plain.out.contains("\u{1B}"))
        }
    }

    @Test("--limit, --exact, exclusions and the -- terminator")
    func options() throws {
        try Self.withCase { file in
            let limited = try Self.run(["search", file, "esimov", "--limit", "1"])
            #expect(limited.lines.count == 1)
            #expect(limited.err == "showing 1 of 4 hits\n")
            let exact = try Self.run(["search", "--exact", file, "Есимов"])
            #expect(exact.lines.count == 1)
            #expect(exact.lines[0].hasPrefix("person esimov"))
            let excluded = try Self.run(["search", file, "esimov", "-kind:person", "-lang:en"])
            #expect(excluded.lines.count == 2)
            let terminated = try Self.run(["search", file, "--", "-kind:post", "esimov"])
            #expect(terminated.lines.count == 2)
        }
    }

    @Test("exit 1 when nothing is found, 2 for a bad query or an unreadable file")
    func statuses() throws {
        try Self.withCase { file in
            let none = try Self.run(["search", file, "Исмаилов"])
            #expect(none.status == 1)
            #expect(none.out.isEmpty)
            #expect(none.err == "no hits\n")
            let bad = try Self.run(["search", file, "esimov", "date:2014-13-01"])
            #expect(bad.status == 2)
            // The one renderer, as for a query in a script: the line, a caret, the hint.
            #expect(bad.err == """
                error: '2014-13-01' has no month 13
                 1 | esimov date:2014-13-01
                   |             ^^^^^^^^^^
                  hint: dates are YYYY-MM-DD, YYYY-MM or YYYY, for example 2014-02-04

                """)
            let hostile = try Self.run(["search", file, "esimov", "\u{1B}[—"])
            #expect(hostile.status == 2)
            #expect(!hostile.err.contains("\u{1B}"))
            #expect(hostile.err.contains("'[—' has no letters or digits"), "the ESC separates words, as in the text searched")
            let missing = try Self.run(["search", file + ".nope", "esimov"])
            #expect(missing.status == 2)
            #expect(missing.err.contains("cannot read"))
            let noQuery = try Self.run(["search", file])
            #expect(noQuery.status == 2)
        }
    }

    @Test("--help documents the query language and the exit statuses")
    func help() throws {
        let result = try Self.run(["search", "--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("0 something found, 1 nothing found, 2 a bad query"))
        #expect(result.out.contains("date:2014-02-01..2014-02-10"))
    }
}
