import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// Every subcommand follows the one exit-status table (README, "Exit status"): 0 done,
/// 1 the answer is no or the data has errors, 2 misuse or a file that cannot be read.
@Suite("exit statuses")
struct ExitStatusTests {
    /// A folder with a valid case (`ok.rec`, saved twice by casefile), a broken one
    /// (`bad.rec`), a different valid one (`other.rec`) and a script.
    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("ok.rec", CheckCommandTests.valid)
        _ = try folder.write("bad.rec", CheckCommandTests.valid.replacingOccurrences(of: "Name: Nurali", with: "Name Nurali"))
        _ = try folder.write("build.cf", "new \"Case\"\nadd person \"Nurali Aitelenov\"\n")
        let made = try CasefileBinary.run(["run", "saved.rec", "build.cf"], directory: folder.path)
        try #require(made.status == 0, "\(made.stderr)")
        _ = try folder.write("other.rec", CheckCommandTests.valid.replacingOccurrences(of: "Завтра", with: "Сегодня"))
        return folder
    }

    struct Case: CustomStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var description: String { "casefile \(arguments.joined(separator: " ")) → \(status)" }
    }

    static let cases: [Case] = [
        Case(arguments: ["check", "ok.rec"], status: 0), Case(arguments: ["check", "bad.rec"], status: 1),
        Case(arguments: ["check", "missing.rec"], status: 2), Case(arguments: ["check", "--nope", "ok.rec"], status: 2),
        Case(arguments: ["fmt", "--check", "saved.rec"], status: 0), Case(arguments: ["fmt", "--check", "missing.rec"], status: 2),
        Case(arguments: ["fmt", "--check", "bad.rec"], status: 1),
        Case(arguments: ["search", "ok.rec", "Nurali"], status: 0), Case(arguments: ["search", "ok.rec", "nobody"], status: 1),
        Case(arguments: ["search", "ok.rec", "(a"], status: 2), Case(arguments: ["search", "missing.rec", "a"], status: 2),
        Case(arguments: ["search", "bad.rec", "a"], status: 2),
        Case(arguments: ["diff", "ok.rec", "ok.rec"], status: 0), Case(arguments: ["diff", "ok.rec", "other.rec"], status: 1),
        Case(arguments: ["diff", "ok.rec", "missing.rec"], status: 2),
        Case(arguments: ["log", "saved.rec"], status: 0), Case(arguments: ["log", "missing.rec"], status: 2),
        Case(arguments: ["log", "-n", "0", "saved.rec"], status: 2),
        Case(arguments: ["revision", "--check", "saved.rec"], status: 0), Case(arguments: ["revision", "--check", "ok.rec"], status: 1),
        Case(arguments: ["revision", "--check", "missing.rec"], status: 2),
        Case(arguments: ["merge", "ok.rec", "ok.rec", "other.rec"], status: 0),
        Case(arguments: ["merge", "ok.rec", "missing.rec", "other.rec"], status: 2),
        Case(arguments: ["run", "new.rec", "build.cf"], status: 0), Case(arguments: ["run", "new.rec", "missing.cf"], status: 2),
        Case(arguments: ["run", "bad.rec", "build.cf"], status: 1),
    ]

    @Test(arguments: cases)
    func statusFollowsTheTable(_ item: Case) throws {
        let folder = try Self.folder()
        let run = try CasefileBinary.run(item.arguments, directory: folder.path)
        #expect(run.status == item.status, "\(item): \(run.stderr)")
    }

    @Test func theReadmeListsTheTable() throws {
        let readme = try String(contentsOfFile: SharedFixtures.packageRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains("| 2 | trouble: misuse of the command line"), "README has no exit-status table")
    }
}
