import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A save that cannot be written (a full disk, a read-only folder): a clear error, the old
/// file intact, the notebook still open with its changes, and a later save that works
/// once the problem is fixed. The journal, which fails the same way, is written whole
/// again by the next change, so a crash after that still recovers everything.
@Suite(.serialized) struct DiskFaultTests {
    /// A case of a few thousand entries (a few hundred kilobytes).
    static let caseText = CaseWriter.bytes(of: FaultCase.make(entries: 3000))

    /// A long note: its journal record needs fresh pages, which a full disk cannot give.
    static let longNote = String(repeating: "Заметка о задержании. ", count: 600)

    @Test(.enabled(if: FaultMounts.canMount, "needs root to mount a small tmpfs; aFileSizeLimitDuringSave covers a full disk without it"))
    func aFullDiskDuringSave() throws {
        let folder = try TemporaryFolder()
        let disk = folder.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        // Room for the file, its temporary copy during a save and the journal, once the filler is gone.
        try FaultMounts.mountSmallDisk(at: disk, kilobytes: 2 * Self.caseText.count / 1024 + 256)
        defer { FaultMounts.unmount(disk) }
        let path = disk + "/case.rec"
        try Data(Self.caseText).write(to: URL(fileURLWithPath: path))
        let output = BufferOutput()
        let notebook = Notebook(output: output, settings: FaultCase.settings)
        try notebook.open(path: path)
        try run(notebook, "add person \"Disk Full\" id=disk-full handle=@diskfull")

        let filler = try FaultMounts.fill(disk)
        try run(notebook, "annotate disk-full \"\(Self.longNote)\"")
        #expect(output.diagnostics.contains("No space left on device"))
        #expect(output.diagnostics.contains("unsaved changes are only in memory"))
        let failure = notebook.runScript("save -m full", name: "shell")
        let error = try #require(failure.errors.first)
        #expect(error.contains("cannot save \(path)"))
        #expect(error.contains("No space left on device"))
        #expect(error.contains("the file on disk is unchanged"))
        #expect(error.contains("your changes are still here; fix the problem and save again"))
        #expect(try FileBytes.read(path) == Self.caseText)
        #expect(notebook.hasUnsavedChanges)
        #expect(notebook.caseFile["disk-full"] != nil)
        #expect(try temporaries(in: disk).isEmpty)

        // Space again: the next change writes the whole journal, so a crash now loses nothing.
        unlink(filler)
        try run(notebook, "tag disk-full after")
        #expect(output.diagnostics.contains("the recovery journal is written again"))
        try expectRecoveryGivesTheSameCase(as: notebook, path: path)
        try run(notebook, "save -m \"space again\"")
        let saved = try CaseReader.load(path: path, validate: true)
        #expect(saved.diagnostics.isEmpty)
        #expect(saved.caseFile["disk-full"]?.values("Tag") == ["after"])
        #expect(saved.caseFile.notes.values.contains { $0.key.text == Self.longNote })
        #expect(!notebook.hasUnsavedChanges)
        #expect(!FileManager.default.fileExists(atPath: Journal.path(for: path)))
    }

    @Test(.enabled(if: FaultMounts.canMakeReadOnly, "root without CAP_SYS_ADMIN cannot make a folder read-only here"))
    func aReadOnlyFolderDuringSave() throws {
        let folder = try TemporaryFolder()
        let place = folder.file("place")
        try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
        let path = place + "/case.rec"
        try Data(Self.caseText).write(to: URL(fileURLWithPath: path))
        let output = BufferOutput()
        let notebook = Notebook(output: output, settings: FaultCase.settings)
        try notebook.open(path: path)

        let writable = try FaultMounts.makeReadOnly(place)
        var madeWritable = false
        defer { if !madeWritable { writable() } }
        try run(notebook, "add person \"Read Only\" id=read-only\ntag read-only stuck")
        #expect(output.diagnostics.contains("unsaved changes are only in memory"))
        let failure = notebook.runScript("save", name: "shell")
        let error = try #require(failure.errors.first)
        #expect(error.contains("cannot save \(path)"))
        #expect(error.contains(getuid() == 0 ? "Read-only file system" : "Permission denied"))
        #expect(error.contains("the file on disk is unchanged"))
        #expect(try FileBytes.read(path) == Self.caseText)
        #expect(notebook.hasUnsavedChanges)
        #expect(notebook.caseFile["read-only"] != nil)

        writable()
        madeWritable = true
        try run(notebook, "tag read-only free")
        #expect(output.diagnostics.contains("the recovery journal is written again"))
        try expectRecoveryGivesTheSameCase(as: notebook, path: path)
        try run(notebook, "save")
        let saved = try CaseReader.load(path: path, validate: true)
        #expect(saved.caseFile["read-only"]?.values("Tag") == ["stuck", "free"])
        #expect(!FileManager.default.fileExists(atPath: Journal.path(for: path)))
    }

    @Test func aFileSizeLimitDuringSave() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        try Data(Self.caseText).write(to: URL(fileURLWithPath: path))
        let result = try ProcessRunner.run(try BuiltProducts.path(of: "fault-helper"), ["fsize", path])
        try #require(result.status == 0, "\(result.stdout)\(result.stderr)")
        var facts: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            facts[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let error = try #require(facts["save-error"], "the save under the limit did not fail: \(result.stdout)")
        #expect(error.contains("File too large"))
        #expect(error.contains("the file on disk is unchanged"))
        #expect(error.contains("your changes are still here"))
        #expect(facts["unsaved"] == "true")
        #expect(facts["disk-unchanged"] == "true")
        #expect(facts["temporaries"] == "0")
        #expect(facts["journal-warning"] == "true")
        #expect(facts["journal-again"] == "true")
        #expect(facts["recovered-equal"] == "true")
        #expect(facts["saved-again"] == "true")
        #expect(facts["journal-removed"] == "true")
        let saved = try CaseReader.load(path: path, validate: true)
        #expect(saved.caseFile["disk-full"]?.values("Tag") == ["during", "after"])
    }

    /// A second session opening the case now (as after a crash) recovers exactly `notebook`'s case.
    func expectRecoveryGivesTheSameCase(as notebook: Notebook, path: String) throws {
        let second = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        try second.open(path: path)
        second.journaling = false
        try run(second, "recover")
        #expect(CaseWriter.bytes(of: second.caseFile) == CaseWriter.bytes(of: notebook.caseFile))
        #expect(second.sessionLog == notebook.sessionLog)
    }

    func run(_ notebook: Notebook, _ script: String) throws {
        let report = notebook.runScript(script, name: "test")
        try #require(report.errors.isEmpty, "\(report.errors)")
    }

    func temporaries(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
    }
}
