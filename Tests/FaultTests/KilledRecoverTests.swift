import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `recover` in the shell, then `save`, killed at random moments: the case file is the
/// old one or the new one byte for byte and passes `check`; while the file is the old
/// one a journal is still there and recovering it gives the kill-free file (a kill while
/// the recovery's own journal replaces the old one leaves one or the other, whole);
/// once the file is the new one no journal is offered.
@Suite(.serialized) struct KilledRecoverTests {
    static let entries = 10_000

    /// The shell on `path`, in a pseudo-terminal, with the trials' fixed time and user.
    func shell(on path: String, folder: TemporaryFolder) throws -> PseudoTerminal {
        let environment = KillTrial.environment.merging([
            "LANG": "C.UTF-8", "TERM": "xterm", "HOME": folder.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
            "CASEFILE_NO_CONFIG": "1", "XDG_STATE_HOME": folder.file("state"),
        ]) { _, new in new }
        return try PseudoTerminal(executable: try BuiltProducts.path(of: "casefile"), arguments: ["--no-pager", path],
                                  environment: environment, columns: 100, rows: 40)
    }

    /// A case and the journal a killed session left beside it: revision 2's commands, unsaved.
    func killedSession(in folder: TemporaryFolder) throws -> (path: String, journal: [UInt8]) {
        let path = folder.file("recover.rec")
        let generated = try ProcessRunner.run(try BuiltProducts.path(of: "fault-helper"), ["generate", path, String(Self.entries)])
        try #require(generated.status == 0, "\(generated.stderr)")
        let commands = (0..<FaultSchedule.perRevision).map { FaultSchedule.command($0, entries: Self.entries) }
        let session = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        try session.open(path: path)
        let report = session.runScript(commands.joined(separator: "\n"), name: "session")
        try #require(report.errors.isEmpty, "\(report.errors)")
        try #require(PendingJournal.find(for: path)?.steps.map(\.command) == commands)
        return (path, try FileBytes.read(Journal.path(for: path)))
    }

    /// Types `recover` and `save` into a shell on `path`; how long they took.
    @discardableResult
    func recoverAndSave(_ path: String, folder: TemporaryFolder) throws -> Double {
        let terminal = try shell(on: path, folder: folder)
        try terminal.waitFor("> ", timeout: 60)
        let started = Date()
        try terminal.send("recover\r")
        try terminal.waitFor("recovered ", timeout: 60)
        try terminal.send("save\r")
        try terminal.waitFor("saved ", timeout: 60)
        let duration = Date().timeIntervalSince(started)
        try terminal.send("quit\r")
        _ = try terminal.waitForExit(timeout: 30)
        return duration
    }

    @Test func aKilledRecoveryLeavesTheOldFileAndItsJournalOrTheNewFile() throws {
        let folder = try TemporaryFolder()
        let (path, journal) = try killedSession(in: folder)
        let old = try FileBytes.read(path)
        func restore() throws {
            try Data(old).write(to: URL(fileURLWithPath: path))
            try Data(journal).write(to: URL(fileURLWithPath: Journal.path(for: path)))
        }
        let duration = try recoverAndSave(path, folder: folder)
        let new = try FileBytes.read(path)
        #expect(new != old)
        #expect(PendingJournal.find(for: path) == nil, "a saved recovery left its journal")

        var random = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        var outcomes: [String: Int] = [:]
        // Spread over the recovery, its journal, the save, and past its end.
        for fraction in [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0] {
            try restore()
            let terminal = try shell(on: path, folder: folder)
            try terminal.waitFor("> ", timeout: 60)
            try terminal.send("recover\rsave\r")
            usleep(useconds_t(max(0, duration * (fraction + Double.random(in: -0.05..<0.05, using: &random))) * 1_000_000))
            terminal.signal(SIGKILL)
            _ = try terminal.waitForExit(timeout: 30)

            let disk = try FileBytes.read(path)
            #expect(disk == old || disk == new, "killed at \(fraction): the file is neither the old nor the new one")
            let check = try KillTrial.check(path)
            #expect(check.status == 0, "check after a kill at \(fraction): \(check.stderr)")
            let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
            try notebook.open(path: path)
            if disk == old {
                #expect(notebook.pendingJournal?.isWhole == true, "killed at \(fraction) before the save: no whole journal left")
                try recoverAndSave(path, folder: folder)
                #expect(try FileBytes.read(path) == new, "recovering the journal a killed recovery left differs")
                outcomes["old file, journal recovered", default: 0] += 1
            } else {
                #expect(notebook.pendingJournal == nil, "a journal of saved work was offered")
                outcomes["new file", default: 0] += 1
            }
            #expect(try KillTrial.temporaries(in: folder).isEmpty, "a temporary file outlived the next save")
        }
        print("recover and save in the shell killed 9 times on \(Self.entries) entries: \(outcomes)")
    }
}
