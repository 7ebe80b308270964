import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time, between the shell and `casefile run`, through the real binary.
@Suite(.serialized) struct OneWriterTests {
    static var examplePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/kazakh-bloggers/kazakh-bloggers.rec").path
    }

    /// A fresh copy of the example dossier as `kb.rec`.
    func exampleCase() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.file("kb.rec")
        try FileManager.default.copyItem(atPath: Self.examplePath, toPath: path)
        return (folder, path)
    }

    func shell(on path: String, folder: TemporaryFolder) throws -> PseudoTerminal {
        let environment = ["LANG": "C.UTF-8", "TERM": "xterm", "HOME": folder.path, "PATH": "/usr/bin:/bin",
                           "NO_COLOR": "1", "CASEFILE_NO_CONFIG": "1", "CASEFILE_USER": "tester",
                           "XDG_STATE_HOME": folder.file("state")]
        return try PseudoTerminal(executable: try BuiltProducts.path(of: "casefile"), arguments: ["--no-pager", path],
                                  environment: environment, columns: 100, rows: 40)
    }

    @Test func runRefusesACaseOpenInAShellAndTakesItOverOnceTheShellIsKilled() throws {
        let (folder, path) = try exampleCase()
        let before = try FileBytes.read(path)
        let terminal = try shell(on: path, folder: folder)
        try terminal.waitFor("kb 31> ")
        try folder.write("tag.cf", "tag samson blogger\n")
        let refused = try CasefileBinary.run(["run", path, folder.file("tag.cf")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("kb.rec is open in another casefile (pid \(terminal.processID), since "))
        #expect(refused.stderr.contains("try again when it is closed"))
        #expect(try FileBytes.read(path) == before)

        // A lock whose holder died is taken over.
        terminal.signal(SIGKILL)
        #expect(try terminal.waitForExit() == .signalled(SIGKILL))
        let taken = try CasefileBinary.run(["run", path, folder.file("tag.cf")])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(try CaseReader.load(path: path).caseFile["samson"]?.values("Tag").contains("blogger") == true)
    }

    @Test func aShellOpenedWhileRunHoldsTheCaseIsReadOnly() throws {
        let (folder, path) = try exampleCase()
        // `casefile run FILE -` takes the lock, then waits for its script on standard input.
        let holder = try LockHolder(path: path)
        let run = holder.process

        let terminal = try shell(on: path, folder: folder)
        let greeting = try terminal.waitFor("kb 31> ")
        #expect(greeting.contains("is open in another casefile (pid \(run.processIdentifier), since "))
        #expect(greeting.contains("opened read-only"))
        try terminal.send("tag samson blogger\r")
        let refused = try terminal.waitFor("kb 31> ")
        #expect(refused.contains("the case is read-only"))

        #expect(holder.finish("tag samson from-run\n") == 0)
        let saved = try CaseReader.load(path: path).caseFile
        #expect(saved["samson"]?.values("Tag").contains("from-run") == true)
        #expect(saved["samson"]?.values("Tag").contains("blogger") != true)
        terminal.signal(SIGTERM)
        _ = try terminal.waitForExit()
    }
}

/// The files beside the case stay out of the way: the lock goes on every way out of the shell.
@Suite(.serialized) struct LockCleanupTests {
    @Test(arguments: ["quit", "ctrl-d", "SIGHUP", "SIGTERM"])
    func theLockIsRemovedOnEveryWayOut(_ way: String) throws {
        let writers = OneWriterTests()
        let (folder, path) = try writers.exampleCase()
        let terminal = try writers.shell(on: path, folder: folder)
        try terminal.waitFor("kb 31> ")
        let lock = CaseLock.path(for: path)
        #expect(FileManager.default.fileExists(atPath: lock))
        switch way {
        case "quit": try terminal.send("quit\r")
        case "ctrl-d": try terminal.send("\u{04}")
        case "SIGHUP": terminal.signal(SIGHUP)
        default: terminal.signal(SIGTERM)
        }
        _ = try terminal.waitForExit()
        #expect(!FileManager.default.fileExists(atPath: lock), "\(way) left \(lock) behind")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "\(way) left \(left)")
    }
}
