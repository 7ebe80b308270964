import Foundation
import Testing
import CasefileTestSupport

/// `casefile diff`: exit statuses as diff(1), text, --stat, --format json, colour, stdin.
@Suite struct DiffCLITests {
    let folder: TemporaryFolder
    let old: String
    let new: String

    init() throws {
        folder = try TemporaryFolder()
        old = folder.file("old.rec")
        new = folder.file("new.rec")
        try ReviewCLI.build(old, """
            new "Bloggers"
            add person "Nurali Aitelenov" handle=@extremkz
            add person "Rinat Kibraev"
            add post @extremkz 2014-02-04 lang=ru <<END
            Завтра у Есимова
            на ланче
            END
            """)
        try FileManager.default.copyItem(atPath: old, toPath: new)
        try ReviewCLI.build(new, """
            tag kibraev detained
            rename aitelenov nurali
            link nurali detained-with kibraev
            """, time: 1_764_075_600, message: "detentions")
    }

    @Test func sameIsZeroDifferentIsOneTroubleIsTwo() throws {
        let same = try ReviewCLI.run(["diff", old, old])
        #expect(same.status == 0)
        #expect(same.out.isEmpty)
        let different = try ReviewCLI.run(["diff", old, new])
        #expect(different.status == 1)
        #expect(different.out.contains("> person aitelenov → nurali (renamed)\n"))
        #expect(different.out.contains("~ person kibraev\n  + Tag: detained\n"))
        #expect(different.out.contains("+ link nurali detained-with kibraev\n"))
        #expect(different.out.contains("~ post extremkz-2014-02-04: Author aitelenov → nurali (follows the rename)\n"))
        let missing = try ReviewCLI.run(["diff", old, folder.file("nope.rec")])
        #expect(missing.status == 2)
        #expect(missing.err.contains("nope.rec"))
        let broken = try folder.write("broken.rec", "%rec: Person\n\nId: x\nName X\n")
        let unreadable = try ReviewCLI.run(["diff", old, broken])
        #expect(unreadable.status == 2)
        #expect(unreadable.err.contains("broken.rec:4:5: error: malformed field name"))
        let misuse = try ReviewCLI.run(["diff", old])
        #expect(misuse.status == 2)
    }

    @Test func aCommentAddedAtTheTopIsADifference() throws {
        let commented = folder.file("commented.rec")
        let bytes = try #require(FileManager.default.contents(atPath: old))
        try (Data("# Checked against the archive\n".utf8) + bytes).write(to: URL(fileURLWithPath: commented))
        let result = try ReviewCLI.run(["diff", old, commented])
        #expect(result.status == 1, "\(result.out)\(result.err)")
        #expect(result.out.hasPrefix("~ comments at the top of the file changed\n  + # Checked against the archive\n"), "\(result.out)")
        // The comment was added by hand, after the last save: the history says so too.
        #expect(result.out.contains("the file was edited outside casefile after revision 1 was saved"), "\(result.out)")
        let json = try ReviewCLI.run(["diff", "--format", "json", commented, old])
        #expect(json.status == 1)
        #expect(json.out.contains(#""layout":["comments at the top of the file changed"]"#), "\(json.out)")
    }

    @Test func statAndJSON() throws {
        let stat = try ReviewCLI.run(["diff", "--stat", old, new])
        #expect(stat.status == 1)
        #expect(stat.out.hasSuffix("2 added, 2 changed, 1 renamed\n1 record only follows a rename or a merge\n"))
        let json = try ReviewCLI.run(["diff", "--format", "json", old, new])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["same"] as? Bool == false)
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts == ["added": 2, "removed": 0, "changed": 3, "renamed": 1])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.contains { $0["action"] as? String == "renamed" && $0["newId"] as? String == "nurali" })
    }

    @Test func standardInputAndPipesAreRead() throws {
        let text = try String(contentsOfFile: old, encoding: .utf8)
        let fromStdin = try ReviewCLI.run(["diff", "-", new], stdin: text)
        #expect(fromStdin.status == 1)
        // The same diff; only the history line names standard input for the file.
        let fromFile = try ReviewCLI.run(["diff", old, new]).out
        #expect(fromStdin.out == fromFile.replacingOccurrences(of: "from \(old) (", with: "from <stdin> ("))
        let nothing = try ReviewCLI.run(["diff", "/dev/null", old])
        #expect(nothing.status == 1)
        #expect(nothing.out.contains("+ person kibraev"))
    }

    @Test func colourOnATerminalOnlyAndNeverWithNoColor() throws {
        let piped = try ReviewCLI.run(["diff", old, new])
        #expect(!piped.out.contains("\u{1B}["))
        // script(1) gives the command a terminal.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let command = "\(ReviewCLI.binary) diff \(old) \(new)"
        let terminal = try ReviewCLI.run(["-qec", command, "/dev/null"], program: "/usr/bin/script")
        #expect(terminal.out.contains("\u{1B}[32m+ link nurali detained-with kibraev"))
        let noColor = try ReviewCLI.run(["-qec", command, "/dev/null"], program: "/usr/bin/script",
                                        environment: ["NO_COLOR": "1"])
        #expect(noColor.out.contains("+ link nurali detained-with kibraev"))
        #expect(!noColor.out.contains("\u{1B}["))
    }

    @Test func anEmptyFileIsNotACaseAndStandardInputTwiceIsMisuse() throws {
        let empty = try folder.write("empty.rec", "")
        for arguments in [["diff", empty, new], ["diff", old, empty]] {
            let result = try ReviewCLI.run(arguments)
            #expect(result.status == 2)
            #expect(result.err.contains("empty.rec is empty: not a case file"))
            #expect(result.out.isEmpty)
        }
        let fromStdin = try ReviewCLI.run(["diff", "-", new], stdin: "")
        #expect(fromStdin.status == 2)
        #expect(fromStdin.err.contains("<stdin> is empty: not a case file"))
        for pair in [["-", "-"], ["-", "/dev/stdin"], ["/dev/stdin", "-"]] {
            let twice = try ReviewCLI.run(["diff"] + pair, stdin: try String(contentsOfFile: old, encoding: .utf8))
            #expect(twice.status == 2)
            #expect(twice.err.contains("reads standard input twice"))
        }
        // git's /dev/null still stands for a file that is not there.
        #expect(try ReviewCLI.run(["diff", "/dev/null", old]).status == 1)
    }
}
