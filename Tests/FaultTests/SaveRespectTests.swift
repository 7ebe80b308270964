import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Saves respect the file: one deleted while open, a read-only one, one with hard links;
/// and output that cannot be written ends with a message and a failing status.
@Suite struct SaveRespectTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("kb.rec")
        try Data(CaseWriter.bytes(of: FaultCase.make(entries: 20))).write(to: URL(fileURLWithPath: path))
    }

    func notebook() throws -> Notebook {
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        notebook.journaling = false
        try notebook.open(path: path)
        return notebook
    }

    @Test func aFileDeletedWhileOpenIsNotSilentlyWrittenAgain() throws {
        let notebook = try notebook()
        #expect(notebook.runScript("tag p000001 detained", name: "t").errors.isEmpty)
        try FileManager.default.removeItem(atPath: path)
        let refused = notebook.runScript("save", name: "t")
        #expect(refused.errors.first?.contains("was deleted or moved away since it was opened") == true, "\(refused.errors)")
        #expect(refused.errors.first?.contains("save --force writes it there again") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(notebook.runScript("save --force", name: "t").errors.isEmpty)
        #expect(try CaseReader.load(path: path).caseFile["p000001"]?.values("Tag") == ["detained"])

        // casefile run refuses too: the replay would re-create a file someone removed.
        let run = Process()
        run.executableURL = URL(fileURLWithPath: try CasefileProcess.binary())
        run.arguments = ["run", path, "-"]
        let script = Pipe()
        let errors = Pipe()
        run.standardInput = script
        run.standardError = errors
        run.standardOutput = FileHandle.nullDevice
        try run.run()
        // The replay has opened the case once its lock is there.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: CaseLock.path(for: path)) {
            try #require(Date() < deadline, "casefile run did not take the lock")
            usleep(10_000)
        }
        try FileManager.default.removeItem(atPath: path)
        try script.fileHandleForWriting.write(contentsOf: Data("tag p000002 detained\n".utf8))
        try script.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 1)
        #expect(message.contains("was deleted or moved away since it was opened"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aReadOnlyFileIsNotOverwrittenEvenByRoot() throws {
        chmod(path, 0o444)
        let before = try FileBytes.read(path)
        let notebook = try notebook()
        #expect(notebook.runScript("tag p000001 detained", name: "t").errors.isEmpty)
        let refused = notebook.runScript("save", name: "t")
        #expect(refused.errors.first?.contains("the file is read-only (mode 444)") == true, "\(refused.errors)")
        #expect(refused.errors.first?.contains("chmod u+w") == true)
        #expect(try FileBytes.read(path) == before)
        #expect(notebook.hasUnsavedChanges)
        let fmt = try CasefileBinary.run(["fmt", path], timeout: 60)
        #expect(fmt.status == 0 || fmt.stderr.contains("read-only"), "\(fmt.stderr)")
        #expect(try FileBytes.read(path) == before)
    }

    @Test func aHardLinkedFileIsNamedBeforeTheSaveBreaksTheLink() throws {
        let other = folder.file("copy.rec")
        try FileManager.default.linkItem(atPath: path, toPath: other)
        let notebook = try notebook()
        #expect(notebook.runScript("tag p000001 detained", name: "t").errors.isEmpty)
        let refused = notebook.runScript("save", name: "t")
        #expect(refused.errors.first?.contains("has 2 names (hard links)") == true, "\(refused.errors)")
        #expect(refused.errors.first?.contains("save --force saves anyway") == true)
        #expect(notebook.runScript("save --force", name: "t").errors.isEmpty)
        #expect(try CaseReader.load(path: other).caseFile["p000001"]?.values("Tag") != ["detained"])
        #expect(try CaseReader.load(path: path).caseFile["p000001"]?.values("Tag") == ["detained"])
    }

    @Test(.enabled(if: SpecialFiles.canMakeDevices, "needs root (CAP_MKNOD) to make a full device in a test folder"))
    func outputToAFullDiskFailsWithAMessage() throws {
        let full = folder.file("full")
        try SpecialFiles.fullDevice(full)
        let binary = try CasefileProcess.binary()
        for command in ["log -v kb.rec", "diff --textconv kb.rec", "check kb.rec", "search kb.rec person"] {
            let result = try ProcessRunner.run("/bin/bash", ["-c", "\"$CASEFILE\" \(command) > full"],
                                               environment: ["CASEFILE": binary], directory: folder.path, timeout: 60)
            #expect(result.status != 0, "\(command): exit 0 on a full disk")
            #expect(result.stderr.contains("cannot write standard output: No space left on device"), "\(command): \(result.stderr)")
        }
    }

    @Test func outputToAClosedPipeFailsWithAMessage() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try CasefileProcess.binary())
        process.arguments = ["diff", "--textconv", path]
        process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("cannot write standard output: Broken pipe"), "\(message)")
    }
}
