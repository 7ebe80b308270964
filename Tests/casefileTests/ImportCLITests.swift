import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// `casefile import CASE FORMAT FILE…` as a user runs it: what it prints, what it saves,
/// and its exit status by the README's table (0 done, 1 bad data, 2 a file that cannot be
/// read or a misused command line).
@Suite("casefile import")
struct ImportCLITests {
    /// Two flattened twarc2 tweets (`twarc2 flatten`: the author inlined), by two accounts.
    static let good = """
        {"id":"1001","text":"Завтра у #Есимов‘а на ланче","created_at":"2014-02-04T10:00:00.000Z","author_id":"10","author":{"id":"10","username":"extremkz","name":"Nurali Aitelenov"},"lang":"ru"}
        {"id":"1002","text":"Detained outside the lunch","created_at":"2014-02-05T11:30:00.000Z","author_id":"11","author":{"id":"11","username":"prediktor","name":"Prediktor"},"lang":"en"}

        """

    /// A good line, a line cut short (column 31 is where JSON breaks), another good line.
    static let bad = """
        {"id":"1003","text":"third","created_at":"2014-02-06T10:00:00.000Z","author_id":"10","author":{"id":"10","username":"extremkz","name":"Nurali Aitelenov"},"lang":"en"}
        {"id":"1004","text":"broken, "created_at":"2014-02-06T10:00:00.000Z"}
        {"id":"1005","text":"fifth","created_at":"2014-02-07T10:00:00.000Z","author_id":"11","author":{"id":"11","username":"prediktor","name":"Prediktor"},"lang":"en"}

        """

    /// A folder with `good.jsonl`, `bad.jsonl` and `case.rec` made by importing the good file.
    static func importedCase() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("good.jsonl", good)
        try folder.write("bad.jsonl", bad)
        let run = try CasefileBinary.run(["import", "case.rec", "twarc", "good.jsonl"], directory: folder.path)
        try #require(run.status == 0, "\(run.stderr)")
        return folder
    }

    @Test("an import prints what it added, saves, and the case checks; re-importing adds nothing and leaves the file as it was")
    func importAndReimport() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.jsonl", Self.good)
        let first = try CasefileBinary.run(["import", "case.rec", "twarc", "good.jsonl"], directory: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("+2 person, +2 post, +1 source"), "\(first.stdout)")
        #expect(first.stdout.contains("saved case.rec, revision 1"), "\(first.stdout)")
        let saved = try folder.read("case.rec")
        #expect(saved.contains("PostId: twitter:1001") && saved.contains("PostId: twitter:1002"))
        #expect(saved.contains("Date: 2014-02-05T11:30:00Z"), "the time of day is kept")
        #expect(saved.contains("import twarc ") && saved.contains("sha256="), "the log names the file and its hash")
        let check = try CasefileBinary.run(["check", "case.rec"], directory: folder.path)
        #expect(check.status == 0, "\(check.stderr)")

        let again = try CasefileBinary.run(["import", "case.rec", "twarc", "good.jsonl"], directory: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("nothing new, 2 already present"), "\(again.stdout)")
        #expect(try folder.read("case.rec") == saved, "a re-import rewrote the file")
        let log = try CasefileBinary.run(["log", "case.rec"], directory: folder.path)
        #expect(!log.stdout.contains("revision 2"), "\(log.stdout)")
    }

    @Test("a real twarc file imports, and re-importing it adds nothing")
    func sharedFixture() throws {
        guard let file = try SharedFixtures.path("fixtures/twarc/two_tweets.jsonl") else { return }
        let folder = try TemporaryFolder()
        let first = try CasefileBinary.run(["import", "case.rec", "auto", file], directory: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("+2 post"), "\(first.stdout)")
        let again = try CasefileBinary.run(["import", "case.rec", "twarc", file], directory: folder.path)
        #expect(again.status == 0 && again.stdout.contains("nothing new"), "\(again.stdout) \(again.stderr)")
    }

    @Test("a bad record is located at FILE:LINE:COL, nothing is imported or saved, exit 1")
    func refused() throws {
        let folder = try Self.importedCase()
        let before = try folder.read("case.rec")
        let run = try CasefileBinary.run(["import", "case.rec", "twarc", "bad.jsonl"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("bad.jsonl:2:31: error: invalid JSON"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was imported (--keep-going imports the readable records and lists the rest)"))
        #expect(run.stderr.contains("case.rec: not saved"))
        #expect(try folder.read("case.rec") == before)
        // Into a new case: no file is made.
        let fresh = try CasefileBinary.run(["import", "new.rec", "twarc", "bad.jsonl"], directory: folder.path)
        #expect(fresh.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.file("new.rec")))
    }

    @Test("--keep-going imports the readable records, lists the bad one, saves, and exits 1")
    func keepGoing() throws {
        let folder = try Self.importedCase()
        let run = try CasefileBinary.run(["import", "case.rec", "twarc", "bad.jsonl", "--keep-going"], directory: folder.path)
        #expect(run.status == 1, "the data had a bad record: \(run.stdout)")
        #expect(run.stdout.contains("+2 post, +1 source, 1 skipped: bad.jsonl:2: invalid JSON"), "\(run.stdout)")
        #expect(run.stdout.contains("saved case.rec, revision 2"))
        #expect(run.stderr.contains("bad.jsonl:2:31: error: invalid JSON"))
        let saved = try folder.read("case.rec")
        #expect(saved.contains("PostId: twitter:1003") && saved.contains("PostId: twitter:1005") && !saved.contains("twitter:1004"))
        #expect(saved.contains("--keep-going"), "the log says the replay must skip the same line")
        let check = try CasefileBinary.run(["revision", "--check", "case.rec"], directory: folder.path)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }

    @Test("a FIFO, a symbolic link, a missing file or an unknown format is refused without blocking, exit 2", arguments: [
        "fifo", "link", "missing", "format",
    ])
    func unreadable(_ what: String) throws {
        let folder = try Self.importedCase()
        let before = try folder.read("case.rec")
        var arguments = ["import", "case.rec", "twarc"]
        var expected: String
        switch what {
        case "fifo":
            try SpecialFiles.fifo(folder.file("pipe.jsonl"))
            arguments.append("pipe.jsonl")
            expected = "pipe.jsonl is not a regular file but a named pipe"
        case "link":
            try FileManager.default.createSymbolicLink(atPath: folder.file("link.jsonl"), withDestinationPath: folder.file("good.jsonl"))
            arguments.append("link.jsonl")
            expected = "link.jsonl is a symbolic link (to \(folder.file("good.jsonl"))); import does not follow links"
        case "missing":
            arguments.append("nowhere.jsonl")
            expected = "cannot read nowhere.jsonl: No such file or directory"
        default:
            arguments = ["import", "case.rec", "twark", "good.jsonl"]
            expected = "'twark' is not a format import reads"
        }
        let run = try CasefileBinary.run(arguments, directory: folder.path, timeout: 30)
        #expect(run.status == 2, "\(what): \(run.stderr)")
        #expect(run.stderr.contains("<command line>:1:") && run.stderr.contains(": error: " + expected), "\(run.stderr)")
        #expect(try folder.read("case.rec") == before)
        if what == "fifo" { #expect(SpecialFiles.type(of: folder.file("pipe.jsonl")) == S_IFIFO) }
    }

    @Test("a case another casefile holds is not imported into: exit 1, the holder named, the file unchanged")
    func lockHeld() throws {
        let folder = try Self.importedCase()
        let path = folder.file("case.rec")
        let before = try folder.read("case.rec")
        let holder = try LockHolder(path: path)
        defer { holder.finish() }
        try folder.write("more.jsonl", Self.bad.split(separator: "\n")[0] + "\n")
        let run = try CasefileBinary.run(["import", "case.rec", "twarc", "more.jsonl"], directory: folder.path, timeout: 60)
        #expect(run.status == 1)
        #expect(run.stderr.contains("case.rec is open in another casefile (pid \(holder.pid), since "), "\(run.stderr)")
        #expect(run.stderr.contains("try again when it is closed"))
        #expect(try folder.read("case.rec") == before)
    }
}
