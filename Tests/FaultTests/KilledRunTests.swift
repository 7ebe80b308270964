import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `casefile run` itself, killed at random moments: it journals nothing (the script is its
/// own journal: run it again), so the file must be the old one or the new one, byte for
/// byte, no journal may appear, and the next run must take the lock over and finish.
@Suite(.serialized) struct KilledRunTests {
    @Test func aKilledReplayLeavesTheOldFileOrTheNewOne() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("run.rec")
        let entries = 20_000
        let generated = try ProcessRunner.run(try BuiltProducts.path(of: "fault-helper"), ["generate", path, String(entries)])
        try #require(generated.status == 0, "\(generated.stderr)")
        let script = try folder.write("build.cf", (0..<FaultSchedule.perRevision * 3)
            .map { FaultSchedule.command($0, entries: entries) }.joined(separator: "\n") + "\n")
        let old = try FileBytes.read(path)
        let environment = ["SOURCE_DATE_EPOCH": "1764072000", "CASEFILE_USER": "fault"]

        // The kill-free output, and how long it takes.
        let reference = folder.file("reference.rec")
        try FileManager.default.copyItem(atPath: path, toPath: reference)
        let started = Date()
        let clean = try CasefileBinary.run(["run", reference, script], environment: environment)
        let duration = Date().timeIntervalSince(started)
        try #require(clean.status == 0, "\(clean.stderr)")
        let new = try FileBytes.read(reference)
        #expect(new != old)

        var random = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        var outcomes: [String: Int] = [:]
        for _ in 0..<8 {
            try Data(old).write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try BuiltProducts.path(of: "casefile"))
            process.arguments = ["run", path, script]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(Double.random(in: 0..<(duration * 1.1), using: &random) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let disk = try FileBytes.read(path)
            #expect(disk == old || disk == new, "the file is neither the old nor the new revision")
            outcomes[disk == new ? "new" : "old", default: 0] += 1
            #expect(!FileManager.default.fileExists(atPath: Journal.path(for: path)))
            // The next run takes the dead one's lock, clears its temporary file and saves.
            try Data(old).write(to: URL(fileURLWithPath: path))
            let again = try CasefileBinary.run(["run", path, script], environment: environment)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try FileBytes.read(path) == new)
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
            #expect(left.isEmpty, "\(left)")
        }
        print("casefile run killed 8 times on \(entries) entries: \(outcomes)")
    }
}
