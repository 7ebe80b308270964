import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `casefile import` killed at random moments (reading, planning, adding, saving): the
/// case file is the old one or the new one byte for byte, never torn, and `check` passes
/// on it. The input file is its own journal (import it again), so none may appear; the
/// next import takes the dead one's lock, clears its temporary file and gives the
/// kill-free file.
@Suite(.serialized) struct KilledImportTests {
    /// `count` flattened twarc2 tweets by `count / 10` accounts.
    static func tweets(_ count: Int) -> String {
        (0..<count).map { index in
            let author = index % max(1, count / 10)
            let day = String(format: "%02d", 1 + index % 28)
            return #"{"id":"\#(7_000_000 + index)","text":"Завтра \#(index) у #Есимов‘а на ланче, post \#(index)","created_at":"2021-05-\#(day)T10:00:00.000Z","author_id":"\#(author)","author":{"id":"\#(author)","username":"importer\#(author)","name":"Importer \#(author)"},"lang":"ru"}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func aKilledImportLeavesTheOldFileOrTheNewOne() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("import.rec")
        let generated = try ProcessRunner.run(try BuiltProducts.path(of: "fault-helper"), ["generate", path, "10000"])
        try #require(generated.status == 0, "\(generated.stderr)")
        let input = try folder.write("tweets.jsonl", Self.tweets(3000))
        let old = try FileBytes.read(path)
        let arguments = ["import", path, "twarc", input]

        let (new, duration) = try KillTrial.killFree({ ["import", $0, "twarc", input] }, on: path)
        #expect(new != old)

        var random = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        var outcomes: [String: Int] = [:]
        for fraction in [0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.1] {
            try Data(old).write(to: URL(fileURLWithPath: path))
            let trial = try KillTrial(arguments)
            trial.signal(SIGKILL, after: duration * (fraction + Double.random(in: -0.04..<0.04, using: &random)))
            let disk = try FileBytes.read(path)
            #expect(disk == old || disk == new, "killed at \(fraction) of the run: the file is neither the old nor the new one")
            let check = try KillTrial.check(path)
            #expect(check.status == 0, "check after a kill at \(fraction): \(check.stderr)")
            #expect(PendingJournal.find(for: path) == nil, "an import from a file left a journal")
            outcomes["\(disk == new ? "new" : "old") file", default: 0] += 1

            // The next import takes the dead one's lock and clears its temporary file.
            let again = try CasefileBinary.run(arguments, environment: KillTrial.environment)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try FileBytes.read(path) == new, "importing again after a kill differs from the kill-free import")
            #expect(try KillTrial.temporaries(in: folder).isEmpty)
        }
        print("casefile import of 3000 tweets into 10000 entries killed 9 times: \(outcomes)")
    }
}
