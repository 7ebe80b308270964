import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Saving replaces a file whole or not at all, keeps its permissions, and leaves nothing behind.
@Suite("Atomic save")
struct AtomicFileTests {
    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    private func names(in folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("a new file gets the usual permissions and nothing else is left in the folder")
    func newFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        try AtomicFile.write(Array("hello\n".utf8), to: path)
        #expect(try folder.read("case.rec") == "hello\n")
        let mask = umask(0o022)
        umask(mask)
        #expect(mode(path) == 0o666 & ~mask)
        #expect(try names(in: folder) == ["case.rec"])
    }

    @Test("an existing file keeps its permissions (chmod 600 stays 600)")
    func keepsMode() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("case.rec", "old\n")
        chmod(path, 0o600)
        try AtomicFile.write(Array("new\n".utf8), to: path)
        #expect(mode(path) == 0o600)
        #expect(try folder.read("case.rec") == "new\n")
        chmod(path, 0o640)
        try AtomicFile.write(Array("newer\n".utf8), to: path)
        #expect(mode(path) == 0o640)
        #expect(try names(in: folder) == ["case.rec"])
    }

    @Test("saving through a symbolic link replaces the file it points to and keeps the link")
    func symbolicLink() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: true)
        let target = try folder.write("real/case.rec", "old\n")
        let link = folder.file("link.rec")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try AtomicFile.write(Array("new\n".utf8), to: link)
        #expect(try folder.read("real/case.rec") == "new\n")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == target)
    }

    @Test("a folder where the file should be is refused and left alone")
    func folderInTheWay() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(throws: StorageError.isDirectory(path: path)) { try AtomicFile.write([0x41], to: path) }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test("a folder that does not exist: an error, and nothing is created")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("nowhere/case.rec")
        let error = try #require(throws: StorageError.self) { try AtomicFile.write([0x41], to: path) }
        #expect(error.description.contains("cannot save \(path)"))
        #expect(error.description.contains("No such file or directory"))
        #expect(try names(in: folder).isEmpty)
    }

    @Test("when the temporary file cannot be made, the old file is intact")
    func failureKeepsOldFile() throws {
        // Works as root too (root ignores permissions): a folder squats the temporary name.
        let folder = try TemporaryFolder()
        let path = try folder.write("case.rec", "old content\n")
        let squatter = folder.file(".case.rec.tmp-\(getpid())")
        try FileManager.default.createDirectory(atPath: squatter, withIntermediateDirectories: false)
        let error = try #require(throws: StorageError.self) { try AtomicFile.write(Array("new\n".utf8), to: path) }
        #expect(error.description.contains("the file on disk is unchanged"))
        #expect(try folder.read("case.rec") == "old content\n")
        #expect(try names(in: folder) == [".case.rec.tmp-\(getpid())", "case.rec"])
    }

    @Test("a symbolic link planted at the temporary name is not written through")
    func plantedLink() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("case.rec", "old\n")
        let victim = try folder.write("victim", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: folder.file(".case.rec.tmp-\(getpid())"), withDestinationPath: victim)
        #expect(throws: StorageError.self) { try AtomicFile.write(Array("new\n".utf8), to: path) }
        #expect(try folder.read("victim") == "precious\n")
        #expect(try folder.read("case.rec") == "old\n")
    }

    @Test("in a read-only folder the save fails and the old file is intact", .enabled(if: getuid() != 0, "root ignores folder permissions; failureKeepsOldFile covers this as root"))
    func readOnlyFolder() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("case.rec", "old\n")
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        #expect(throws: StorageError.self) { try AtomicFile.write(Array("new\n".utf8), to: path) }
        #expect(try folder.read("case.rec") == "old\n")
        #expect(try names(in: folder) == ["case.rec"])
    }

    @Test("a case saved with write(to:) loads back equal")
    func caseFileWrite() throws {
        let folder = try TemporaryFolder()
        let caseFile = RandomCase.make(seed: 5)
        try caseFile.write(to: folder.file("c.rec"))
        #expect(try CaseReader.load(path: folder.file("c.rec")).caseFile == caseFile)
        #expect(try names(in: folder) == ["c.rec"])
    }
}

/// `isWrittenCanonically(at:)`, which `fmt` uses to decide whether to rewrite a file.
@Suite("Canonical comparison with a file")
struct CanonicalComparisonTests {
    @Test("a saved case matches its file; any change to the file does not", arguments: [UInt64(3), 11, 25])
    func matches(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("c.rec")
        let caseFile = RandomCase.make(seed: seed, options: .init(entries: 30, longValues: seed == 25))
        try caseFile.write(to: path)
        #expect(caseFile.isWrittenCanonically(at: path))
        var bytes = try FileBytes.read(path)
        bytes.append(0x0A)
        try AtomicFile.write(bytes, to: path)
        #expect(!caseFile.isWrittenCanonically(at: path))
        bytes.removeLast(2)
        try AtomicFile.write(bytes, to: path)
        #expect(!caseFile.isWrittenCanonically(at: path))
        bytes.append(0x0A)
        bytes[bytes.count / 2] ^= 0x01
        try AtomicFile.write(bytes, to: path)
        #expect(!caseFile.isWrittenCanonically(at: path))
        #expect(!caseFile.isWrittenCanonically(at: folder.file("missing.rec")))
    }
}
