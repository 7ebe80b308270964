import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `casefile fmt [--check] FILE...`: canonical rewriting, and a check for CI.
@Suite("casefile fmt")
struct FormatCommandTests {
    /// Valid, but not canonical: fields out of order, records out of order, CRLF-free.
    static let messy = """
        %rec: Person

        Name: Zhanar
        Id: zh

        Id: ait
        Name: Nurali Aitelenov

        %rec: Casefile

        Title: Test
        Format: 1

        """

    @Test("fmt --check names the files that are not canonical, exits 1, and writes nothing")
    func check() throws {
        let folder = try TemporaryFolder()
        try folder.write("messy.rec", Self.messy)
        try CaseReader.read(text: Self.messy).caseFile.write(to: folder.file("clean.rec"))
        let run = try CasefileBinary.run(["fmt", "--check", "clean.rec", "messy.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == "messy.rec: not canonical\n")
        #expect(run.stderr == "")
        #expect(try folder.read("messy.rec") == Self.messy)
    }

    @Test("fmt --check on canonical files: exit 0, silent")
    func checkClean() throws {
        let folder = try TemporaryFolder()
        try RandomCase.make(seed: 9).write(to: folder.file("a.rec"))
        let run = try CasefileBinary.run(["fmt", "--check", "a.rec"], directory: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(run.stderr == "")
    }

    @Test("fmt rewrites canonically, keeps permissions, and is then a no-op")
    func rewrite() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("messy.rec", Self.messy)
        chmod(path, 0o600)
        let run = try CasefileBinary.run(["fmt", "messy.rec"], directory: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "messy.rec: reformatted\n")
        let text = try folder.read("messy.rec")
        #expect(text == """
            # casefile format 1
            %rec: Casefile

            Format: 1
            Title: Test

            %rec: Person
            %key: Id
            %mandatory: Name

            Id: ait
            Name: Nurali Aitelenov

            Id: zh
            Name: Zhanar

            """)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        let again = try CasefileBinary.run(["fmt", "messy.rec"], directory: folder.path)
        #expect(again.status == 0)
        #expect(again.stdout == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["messy.rec"])
    }

    @Test("fmt refuses a file with errors and leaves it untouched")
    func refusesBrokenFile() throws {
        let folder = try TemporaryFolder()
        let broken = Self.messy.replacingOccurrences(of: "Id: ait\n", with: "Id: zh\n")
        try folder.write("dup.rec", broken)
        let run = try CasefileBinary.run(["fmt", "dup.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("dup.rec:6:5: error: duplicate Id 'zh'"))
        #expect(try folder.read("dup.rec") == broken)
    }

    @Test("fmt refuses a file from a newer casefile and leaves it untouched")
    func refusesNewerFormat() throws {
        let folder = try TemporaryFolder()
        let newer = Self.messy.replacingOccurrences(of: "Format: 1", with: "Format: 3")
        try folder.write("new.rec", newer)
        let run = try CasefileBinary.run(["fmt", "new.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("written by a newer casefile (format 3)"))
        #expect(try folder.read("new.rec") == newer)
    }

    @Test("fmt on a missing file: 'casefile: cannot read FILE', exit 2")
    func missing() throws {
        let folder = try TemporaryFolder()
        let run = try CasefileBinary.run(["fmt", "nope.rec"], directory: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr == "casefile: cannot read nope.rec: No such file or directory\n")
    }

    @Test("fmt turns a CRLF file into the canonical LF file")
    func crlf() throws {
        let folder = try TemporaryFolder()
        try folder.write("win.rec", Self.messy.replacingOccurrences(of: "\n", with: "\r\n"))
        let run = try CasefileBinary.run(["fmt", "win.rec"], directory: folder.path)
        #expect(run.status == 0)
        let text = try folder.read("win.rec")
        #expect(!text.contains("\r"))
        #expect(text == CaseWriter.text(of: try CaseReader.read(text: Self.messy).caseFile))
    }
}
