import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Only regular files are cases: every command that reads or writes a case refuses a FIFO,
/// a device, a socket or a folder (exit 2, "not a regular file: …") and leaves it as it
/// was; streams handed over (`/dev/stdin`, `<(…)`, `-`) are read whole.
@Suite struct RegularFileTests {
    static var examplePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/kazakh-bloggers/kazakh-bloggers.rec").path
    }

    /// Every command that takes a case file, with the case file in the place of `F`.
    static let commands: [[String]] = [
        ["fmt", "F"], ["fmt", "--check", "F"], ["check", "F"], ["search", "F", "esimov"], ["log", "F"],
        ["revision", "F", "1"], ["run", "F", "SCRIPT"], ["F"],
    ]

    func runEach(on special: String, folder: TemporaryFolder, expecting phrase: String) throws {
        let script = try folder.write("tag.cf", "add person \"Nurali Aitelenov\"\n")
        let type = SpecialFiles.type(of: special)
        for command in Self.commands {
            let arguments = command.map { $0 == "F" ? special : $0 == "SCRIPT" ? script : $0 }
            // stdin is an empty file: `casefile F` replays it, as a script on standard input.
            let result = try CasefileBinary.run(arguments, timeout: 20)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("not a regular file: \(phrase)") || phrase == "a directory",
                    "\(arguments): \(result.stderr)")
            #expect(SpecialFiles.type(of: special) == type, "\(arguments) replaced \(special)")
        }
    }

    @Test func aFIFOIsRefusedByEveryCommandAndNeverBlocksOrIsReplaced() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.file("pipe.rec")
        try SpecialFiles.fifo(fifo)
        try runEach(on: fifo, folder: folder, expecting: "a FIFO")
    }

    @Test func aFIFOWithAWriterKeepsWhatWasWrittenToIt() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.file("pipe.rec")
        try SpecialFiles.fifo(fifo)
        // A writer holds the FIFO open; a reader that took its content would lose it.
        let writer = open(fifo, O_RDWR | O_NONBLOCK)
        try #require(writer >= 0)
        defer { close(writer) }
        let text = Array("%rec: Person\n\nId: a\nName: A\n".utf8)
        #expect(write(writer, text, text.count) == text.count)
        let result = try CasefileBinary.run(["fmt", fifo], timeout: 20)
        #expect(result.status == 2)
        #expect(SpecialFiles.type(of: fifo) == S_IFIFO)
        var back = [UInt8](repeating: 0, count: 64)
        #expect(read(writer, &back, 64) == text.count, "the FIFO's content was read away")
    }

    @Test(.enabled(if: SpecialFiles.canMakeDevices, "needs root (CAP_MKNOD) to make a device node in a test folder"))
    func aCharacterDeviceIsRefusedAndNotReplaced() throws {
        let folder = try TemporaryFolder()
        let zero = folder.file("zero.rec")
        try SpecialFiles.zeroDevice(zero)
        try runEach(on: zero, folder: folder, expecting: "a character device")
    }

    @Test func aSocketIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("s.rec")
        let fd = try SpecialFiles.socket(path)
        defer { close(fd) }
        try runEach(on: path, folder: folder, expecting: "a socket")
    }

    @Test func aFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("dir.rec")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try runEach(on: path, folder: folder, expecting: "a directory")
    }

    @Test func theSaveOfAShellNeverReplacesADevice() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.file("later.rec")
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        notebook.journaling = false
        try notebook.open(path: folder.file("case.rec"))
        #expect(notebook.runScript("add person \"Nurali Aitelenov\"", name: "t").errors.isEmpty)
        try SpecialFiles.fifo(fifo)
        let refused = notebook.runScript("save --as \(fifo) --force", name: "t")
        #expect(refused.errors.first?.contains("not a regular file: a FIFO") == true, "\(refused.errors)")
        #expect(SpecialFiles.type(of: fifo) == S_IFIFO)
    }

    /// Runs `command` through bash (for pipes and `<(…)`), bounded in time.
    func bash(_ command: String, in folder: TemporaryFolder) throws -> ProcessOutput {
        try ProcessRunner.run("/bin/bash", ["-c", command], environment: ["CASEFILE": try CasefileProcess.binary()],
                              directory: folder.path, timeout: 30)
    }

    @Test func streamsHandedOverAreReadWhole() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Self.examplePath, toPath: folder.file("k.rec"))
        let entries = try CaseReader.load(path: folder.file("k.rec")).caseFile.count
        let check = try bash("cat k.rec | \"$CASEFILE\" check /dev/stdin", in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("/dev/stdin: ok, \(entries) entries"), "\(check.stdout)")
        #expect(check.stdout.contains("nothing is written back"))
        let search = try bash("\"$CASEFILE\" search <(cat k.rec) esimov --highlight none", in: folder)
        #expect(search.status == 0, "\(search.stderr)")
        #expect(!search.stdout.isEmpty)
        let diff = try bash("cat k.rec | \"$CASEFILE\" diff - k.rec", in: folder)
        #expect(diff.status == 0, "\(diff.stderr)")
        let log = try bash("\"$CASEFILE\" log <(cat k.rec)", in: folder)
        #expect(log.status == 0 && log.stdout.contains("revision"), "\(log.stdout) \(log.stderr)")
        let twice = try bash("cat k.rec | \"$CASEFILE\" diff - -", in: folder)
        #expect(twice.status == 2, "\(twice.stderr)")
        // A script as a stream: `run CASE <(…)`.
        let run = try bash("\"$CASEFILE\" run new.rec <(echo 'add person \"Nurali Aitelenov\"')", in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try CaseReader.load(path: folder.file("new.rec")).caseFile["aitelenov"] != nil)
        // fmt writes back: a stream has nowhere to go.
        let fmt = try bash("cat k.rec | \"$CASEFILE\" fmt /dev/stdin", in: folder)
        #expect(fmt.status == 2, "\(fmt.stderr)")
        #expect(fmt.stderr.contains("not a regular file"))
    }
}
