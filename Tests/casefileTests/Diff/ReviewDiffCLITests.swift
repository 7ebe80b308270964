import Foundation
import Testing
import CasefileTestSupport

/// `casefile diff` for a reviewer: what no session explains, changed session records,
/// changed words, `CASE@N`, and `--by-session`.
@Suite struct ReviewDiffCLITests {
    let folder: TemporaryFolder
    let path: String
    let first: String
    let second: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
        try ReviewCLI.build(path, """
            new "Bloggers"
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 lang=ru "Завтра у Есимова на ланче"
            translate extremkz-2014-02-04 en "Tomorrow at the lunch of Esimov in Almaty"
            """)
        first = folder.file("first.rec")
        try FileManager.default.copyItem(atPath: path, toPath: first)
        try ReviewCLI.build(path, """
            set extremkz-2014-02-04.en text="Tomorrow at the dinner of Esimov in Almaty"
            tag aitelenov detained
            """, time: 1_764_075_600, user: "bo", message: "reviewed the translation")
        second = folder.file("second.rec")
        try FileManager.default.copyItem(atPath: path, toPath: second)
        try ReviewCLI.build(path, #"add person "Rinat Kibraev""#, time: 1_764_079_200, message: "Kibraev")
    }

    @Test func aChangedTextShowsTheWordsThatChanged() throws {
        let diff = try ReviewCLI.run(["diff", first, second])
        #expect(diff.out.contains("    Text: Tomorrow at the [-lunch-]{+dinner+} of Esimov in Almaty\n"), "\(diff.out)")
        #expect(!diff.out.contains("changed outside casefile"), "the session explains every change")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let terminal = try ReviewCLI.run(["-qec", "\(ReviewCLI.binary) diff \(first) \(second)", "/dev/null"],
                                         program: "/usr/bin/script")
        #expect(terminal.out.contains("Tomorrow at the \u{1B}[31mlunch\u{1B}[0m\u{1B}[32mdinner\u{1B}[0m of Esimov"), "\(terminal.out)")
        #expect(!terminal.out.contains("[-lunch-]"))
    }

    @Test func anEditOutsideCasefileIsListedApartNamingItsFields() throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Name: Nurali Aitelenov", with: "Name: Nurali Aytelenov")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let diff = try ReviewCLI.run(["diff", first, path])
        #expect(diff.status == 1)
        let section = try #require(diff.out.components(separatedBy: "changed outside casefile, not explained by any session").last)
        #expect(section.contains("edited outside casefile after revision 3"), "\(diff.out)")
        #expect(section.contains("  ~ person aitelenov\n      Name: Nurali Aitelenov → Nurali Aytelenov\n"), "\(diff.out)")
        #expect(!section.contains("Tag: detained"), "the tag is revision 2's")
        // git's external diff driver shows the same section.
        let git = try ReviewCLI.run(["diff", "--git-external", "case.rec", first, "0", "100644", path, "1", "100644"])
        #expect(git.status == 0)
        #expect(git.out.contains("changed outside casefile, not explained by any session"))
    }

    @Test func aChangedPastSessionRecordIsNamedAsSuch() throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "tag aitelenov detained", with: "tag aitelenov released")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let diff = try ReviewCLI.run(["diff", second, path])
        #expect(diff.out.contains("~ revision 2's session record was modified\n"), "\(diff.out)")
        #expect(diff.out.contains("Command: tag aitelenov [-detained-]{+released+}")
                    || diff.out.contains("Command: tag aitelenov detained → tag aitelenov released"), "\(diff.out)")
        #expect(!diff.out.contains("- 1 command line"))
    }

    @Test func revisionsOfOneFileAreComparedWithoutTemporaryFiles() throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let byRevision = try ReviewCLI.run(["diff", path + "@1", path + "@2"])
        let byFiles = try ReviewCLI.run(["diff", first, second])
        #expect(byRevision.status == 1)
        let named = byFiles.out.replacingOccurrences(of: second, with: path + "@2").replacingOccurrences(of: first, with: path + "@1")
        #expect(byRevision.out == named)
        let againstFile = try ReviewCLI.run(["diff", path + "@2", path])
        #expect(againstFile.out.contains("+ person kibraev"))
        #expect(!againstFile.out.contains("extremkz-2014-02-04.en"))
        #expect(try ReviewCLI.run(["diff", path + "@2", path + "@2"]).status == 0)
        let missing = try ReviewCLI.run(["diff", path + "@9", path])
        #expect(missing.status == 2)
        #expect(missing.err.contains("there is no revision 9"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }

    @Test func bySessionGroupsTheChangesUnderTheSessionThatMadeThem() throws {
        let grouped = try ReviewCLI.run(["diff", "--by-session", first, path])
        #expect(grouped.status == 1)
        let out = grouped.out
        let second = try #require(out.range(of: "revision 2  2025-11-25T13:00:00Z  by bo: reviewed the translation\n"))
        let third = try #require(out.range(of: "revision 3  2025-11-25T14:00:00Z  by amina: Kibraev\n"))
        #expect(second.upperBound < third.lowerBound)
        let underSecond = out[second.upperBound..<third.lowerBound]
        #expect(underSecond.contains("  ~ translation extremkz-2014-02-04.en\n      Text: Tomorrow at the [-lunch-]{+dinner+}"))
        #expect(underSecond.contains("  ~ person aitelenov\n    + Tag: detained\n"))
        #expect(out[third.upperBound...].contains("  + person kibraev\n"))
        #expect(!out.contains("changed outside casefile"))
    }
}
