import Foundation
import Testing
import CasefileTestSupport

/// `casefile log` and `casefile revision`.
@Suite struct LogAndRevisionCLITests {
    let folder: TemporaryFolder
    let path: String
    /// The file's bytes as saved at each revision.
    var saved: [Data] = []

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
        let steps = [
            ("new \"Bloggers\"\nadd person \"Nurali Aitelenov\" handle=@extremkz\n", "people"),
            ("add post @extremkz 2014-02-04 \"Завтра\" lang=ru\nannotate extremkz-2014-02-04 \"a day before\"\n", "tweets"),
            ("tag aitelenov detained\nrm extremkz-2014-02-04 --cascade\n", "second thoughts"),
        ]
        for (index, step) in steps.enumerated() {
            try ReviewCLI.build(path, step.0, time: 1_764_072_000 + index * 3600, user: index == 1 ? "bo" : "amina",
                                message: step.1)
            saved.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    @Test func logShowsRevisionsNewestFirst() throws {
        let log = try ReviewCLI.run(["log", path])
        #expect(log.status == 0)
        #expect(log.out.hasPrefix("""
            revision 3  2025-11-25T14:00:00Z  by amina
                second thoughts
                ~1 person, -1 post, -1 note
                2 commands

            revision 2  2025-11-25T13:00:00Z  by bo
            """))
        let verbose = try ReviewCLI.run(["log", "-v", "-n", "1", path])
        #expect(verbose.out == """
            revision 3  2025-11-25T14:00:00Z  by amina
                second thoughts
                ~1 person, -1 post, -1 note
                | tag aitelenov detained
                | rm extremkz-2014-02-04 --cascade

            """)
        let json = try ReviewCLI.run(["log", "--format", "json", path])
        let revisions = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(revisions.map { $0["revision"] as? Int } == [3, 2, 1])
        #expect(revisions.last?["commands"] as? [String] == [#"new Bloggers"#, #"add person "Nurali Aitelenov" handle=@extremkz"#])
        #expect(try ReviewCLI.run(["log", folder.file("none.rec")]).status == 2, "a file that cannot be read is trouble")
    }

    @Test func everyRevisionIsRebuiltByteForByte() throws {
        for (index, bytes) in saved.enumerated() {
            let result = try ReviewCLI.run(["revision", path, String(index + 1)])
            #expect(result.status == 0, "\(result.err)")
            #expect(Data(result.out.utf8) == bytes, "revision \(index + 1)")
        }
        let out = folder.file("r2.rec")
        let written = try ReviewCLI.run(["revision", path, "2", "-o", out])
        #expect(written.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == saved[1])
        let check = try ReviewCLI.run(["revision", "--check", path])
        #expect(check.status == 0)
        #expect(check.err.contains("the session chain holds (revisions 1…3)"))
        let replayed = try ReviewCLI.run(["revision", "--check", "--replay", path])
        #expect(replayed.err.contains("replays to the file (revisions 1…3)"))
        #expect(try ReviewCLI.run(["revision", path, "4"]).status == 1)
        #expect(try ReviewCLI.run(["revision", path]).status == 2)
    }

    @Test func aHandEditedFileIsRefused() throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Tag: detained", with: "Tag: released").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ReviewCLI.run(["revision", path, "1"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("edited outside casefile after revision"))
        #expect(result.err.contains("  ~ person aitelenov"))
        let trusted = try ReviewCLI.run(["revision", "--trust", path, "1"])
        #expect(trusted.status == 0)
        #expect(Data(trusted.out.utf8) == saved[0])
    }

    @Test func aSessionWrittenAsAScriptReplaysToTheSameFile() throws {
        let script = folder.file("session.cf")
        let first = folder.file("first.rec")
        try ReviewCLI.build(first, """
            new "Bloggers"
            add person "Nurali Aitelenov" handle=@extremkz
            add person "Rinat Kibraev"
            undo
            add post @extremkz 2014-02-04 lang=ru <<END
            Завтра у Есимова
            на ланче
            END
            annotate extremkz-2014-02-04 "a day before"
            show aitelenov
            history --write \(script)
            """)
        let second = folder.file("second.rec")
        try ReviewCLI.build(second, try String(contentsOfFile: script, encoding: .utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == (try Data(contentsOf: URL(fileURLWithPath: second))))
        #expect(try ReviewCLI.run(["diff", first, second]).status == 0)
    }
}
