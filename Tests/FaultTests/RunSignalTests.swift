import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `casefile run` ended by a signal gives the lock up, as the shell does: SIGTERM, SIGHUP
/// and Ctrl-C between commands keep the journal of what standard input said; a run
/// stuck writing to a full stderr pipe still ends, and still gives the lock up.
@Suite(.serialized) struct RunSignalTests {
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalledRunRemovesItsLockAndKeepsItsJournal(_ signal: Int32) throws {
        let (folder, path) = try OneWriterTests().exampleCase()
        let lock = CaseLock.path(for: path)
        // Waiting for its script on standard input.
        let holder = try LockHolder(path: path)
        kill(holder.pid, signal)
        let waiting = Date().addingTimeInterval(15)
        while holder.process.isRunning && Date() < waiting { usleep(10_000) }
        try #require(!holder.process.isRunning, "casefile run waiting for its script did not end on signal \(signal)")
        #expect(holder.process.terminationStatus == 128 + signal)
        #expect(!FileManager.default.fileExists(atPath: lock), "signal \(signal) to a waiting run left the lock behind")

        // Running a long script from standard input: it stops between two commands, and the
        // journal keeps the commands it ran (standard input cannot be read again).
        let commands = (0..<20_000).map { "add person \"Signalled Person \($0)\"" }
        let script = try folder.write("long.cf", commands.joined(separator: "\n") + "\n")
        let trial = try KillTrial(["run", path, "-"], stdin: script)
        let deadline = Date().addingTimeInterval(60)
        while access(Journal.path(for: path), F_OK) != 0 && trial.process.isRunning && Date() < deadline { usleep(1000) }
        try #require(trial.process.isRunning, "the script ended before the signal could be sent")
        #expect(trial.signal(signal, timeout: 15), "casefile run did not end on signal \(signal)")
        #expect(trial.process.terminationReason == .exit && trial.process.terminationStatus == 128 + signal,
                "ended by \(trial.process.terminationReason == .exit ? "exit" : "signal") \(trial.process.terminationStatus)")
        #expect(!FileManager.default.fileExists(atPath: lock), "signal \(signal) left the lock behind")
        let journaled = PendingJournal.find(for: path)?.steps.map(\.command) ?? []
        #expect(!journaled.isEmpty && Array(commands.prefix(journaled.count)) == journaled, "the journal was not kept: \(journaled.prefix(3))")
    }

    @Test func aRunBlockedOnAFullStderrPipeEndsOnSIGTERMAndRemovesItsLock() throws {
        let (folder, path) = try OneWriterTests().exampleCase()
        // Thousands of errors (--keep-going reports each) fill a pipe nobody reads.
        let script = try folder.write("errors.cf", String(repeating: "tag no-such-entry x\n", count: 5000))
        let errors = Pipe()
        let trial = try KillTrial(["run", path, script, "--keep-going"], standardError: errors)
        let lock = CaseLock.path(for: path)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: lock) && Date() < deadline { usleep(10_000) }
        // Long enough to run 5000 failing commands and block on the pipe.
        usleep(3_000_000)
        try #require(trial.process.isRunning, "the run did not block on its full stderr pipe")
        #expect(trial.signal(SIGTERM, timeout: 15), "a run blocked writing to stderr ignored SIGTERM")
        #expect(!FileManager.default.fileExists(atPath: lock), "a run blocked writing to stderr left the lock behind")
        try? errors.fileHandleForReading.close()
    }
}
