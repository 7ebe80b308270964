import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `casefile run` itself, killed at random moments. The file must be the old one or the
/// new one, byte for byte, and the next run must take the lock over and finish. A script
/// file is its own journal (run it again), so none may appear; a script read from standard
/// input is journaled, and recovering that journal and running the rest of the script must
/// give the kill-free file byte for byte.
@Suite(.serialized) struct KilledRunTests {
    @Test func aKilledReplayLeavesTheOldFileOrTheNewOne() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("run.rec")
        let entries = 20_000
        let generated = try ProcessRunner.run(try BuiltProducts.path(of: "fault-helper"), ["generate", path, String(entries)])
        try #require(generated.status == 0, "\(generated.stderr)")
        let commands = (0..<FaultSchedule.perRevision * 3).map { FaultSchedule.command($0, entries: entries) }
        let script = try folder.write("build.cf", commands.joined(separator: "\n") + "\n")
        let old = try FileBytes.read(path)
        let environment = KillTrial.environment

        // The kill-free output, and how long it takes.
        let (new, duration) = try KillTrial.killFree({ ["run", $0, "-"] }, on: path, stdin: commands.joined(separator: "\n") + "\n")
        #expect(new != old)

        var random = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        var outcomes: [String: Int] = [:]
        for trial in 0..<10 {
            let fromStandardInput = trial % 2 == 1
            try Data(old).write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try BuiltProducts.path(of: "casefile"))
            process.arguments = ["run", path, fromStandardInput ? "-" : script]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            if fromStandardInput { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: script)) }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if fromStandardInput {
                // Aim at the commands and the save: from the moment the journal appears.
                let deadline = Date().addingTimeInterval(duration * 3)
                while access(Journal.path(for: path), F_OK) != 0 && Date() < deadline { usleep(200) }
                usleep(useconds_t(Double.random(in: 0..<0.06, using: &random) * 1_000_000))
            } else {
                usleep(useconds_t(Double.random(in: 0..<(duration * 1.1), using: &random) * 1_000_000))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let disk = try FileBytes.read(path)
            #expect(disk == old || disk == new, "the file is neither the old nor the new revision")
            let journal = PendingJournal.find(for: path)
            if fromStandardInput {
                // The journal holds the script's first commands, in order.
                let journaled = journal?.steps.map(\.command) ?? []
                #expect(Array(commands.prefix(journaled.count)) == journaled, "\(journaled)")
                let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
                try notebook.open(path: path)
                if disk == old {
                    if notebook.pendingJournal != nil {
                        #expect(notebook.runScript("recover", name: "test").errors.isEmpty)
                    }
                    let rest = commands.dropFirst(journaled.count).joined(separator: "\n")
                    #expect(notebook.runScript(rest, name: "rest").errors.isEmpty)
                    try notebook.save(message: nil)
                    #expect(try FileBytes.read(path) == new, "recovering and running the rest differs from the kill-free run")
                    outcomes["stdin: recovered \(journaled.count) of \(commands.count) and finished", default: 0] += 1
                } else {
                    #expect(notebook.pendingJournal == nil, "a journal of saved work was offered")
                    outcomes["stdin: killed after the save", default: 0] += 1
                }
            } else {
                #expect(journal == nil)
                outcomes["script file: \(disk == new ? "new" : "old") file", default: 0] += 1
            }
            // The next run takes the dead one's lock, clears its temporary file and saves.
            try Data(old).write(to: URL(fileURLWithPath: path))
            unlink(Journal.path(for: path))
            let again = try CasefileBinary.run(["run", path, script], environment: environment)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try FileBytes.read(path) == new)
            let left = try KillTrial.temporaries(in: folder)
            #expect(left.isEmpty, "\(left)")
        }
        print("casefile run killed 10 times on \(entries) entries: \(outcomes)")
    }
}
