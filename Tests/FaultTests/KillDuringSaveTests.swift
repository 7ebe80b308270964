import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// kill -9 at random moments of processes that keep changing and saving a 100k-entry case
/// (see KillChain for what is judged after each kill). FAULT_TRIALS, FAULT_ENTRIES and
/// FAULT_SEED change the number of trials, the size of the case and the random seed.
@Suite(.serialized) struct KillDuringSaveTests {
    /// Revisions a trial may start from; the kill-free run makes revisions 2 and 3.
    static let revisions = 2

    @Test func killedAtRandomMomentsTheFileIsOldOrNewAndTheJournalHoldsEveryCommand() throws {
        let environment = ProcessInfo.processInfo.environment
        let trials = Int(environment["FAULT_TRIALS"] ?? "") ?? 200
        let entries = Int(environment["FAULT_ENTRIES"] ?? "") ?? 100_000
        let seed = UInt64(environment["FAULT_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64(UInt32.max))
        var random = SeededGenerator(seed: seed)
        let started = Date()
        let folder = try TemporaryFolder()
        let casePath = folder.file("fault.rec")
        let outputs = folder.file("candidates")
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)

        let generated = try ProcessRunner.run(try BuiltProducts.path(of: "fault-helper"), ["generate", casePath, String(entries)])
        try #require(generated.status == 0, "\(generated.stdout)\(generated.stderr)")
        try FileManager.default.copyItem(atPath: casePath, toPath: outputs + "/rev-1.rec")
        let helper = try HelperProcess(["serve", casePath, String(entries), String(Self.revisions)], folder: folder)
        _ = try helper.lines(until: { $0 == "server ready" })
        try helper.send("load \(outputs) 1")
        _ = try helper.lines(until: { $0 == "loaded" })

        // The same schedule without kills: the only outputs a killed run may leave.
        try helper.send("trial 1 0 candidates \(outputs)")
        let clean = try helper.lines(until: { $0.hasPrefix("ended ") }, timeout: 600)
        try #require(clean.last?.hasSuffix(" exit 0") == true, "\(clean)")
        let saveMillis = clean.compactMap { line -> Double? in
            let words = line.split(separator: " ")
            return words.count == 3 && words[0] == "saved" ? Double(words[2]) : nil
        }
        let saveTime = max(0.05, saveMillis.reduce(0, +) / Double(max(1, saveMillis.count)) / 1000)
        var candidates: [Int: [UInt8]] = [:]
        for revision in 1...(Self.revisions + 1) {
            let path = "\(outputs)/rev-\(revision).rec"
            let loaded = try CaseReader.load(path: path, validate: true)
            #expect(loaded.diagnostics.isEmpty, "revision \(revision) fails check: \(loaded.diagnostics.prefix(3))")
            #expect(loaded.caseFile.header.revision == revision)
            #expect(loaded.caseFile.entries.count >= entries)
            if revision > 1 {
                #expect(loaded.caseFile["fault-\(revision)"] != nil)
                #expect(loaded.caseFile.sessions.last?.fields.filter { $0.name == "Command" }.count == FaultSchedule.perRevision - 2)
            }
            #expect(loaded.caseFile["fault-\(revision + 1)"] == nil)
            candidates[revision] = try FileBytes.read(path)
        }
        try helper.send("load \(outputs) \(Self.revisions)")
        _ = try helper.lines(until: { $0 == "loaded" })

        // A child from revision 1 runs two saves and some commands. A third of the kills fall
        // anywhere in that, a third anywhere in a save, a third once the save's temporary file
        // exists (writing, fsync, rename, removing the journal).
        var states: [Int: String] = [:]
        for line in clean {
            let words = line.split(separator: " ").map(String.init)
            if words.count == 3, words[0] == "state-after", let index = Int(words[1]) { states[index] = words[2] }
        }
        var chain = KillChain(casePath: casePath, candidates: candidates, states: states, entries: entries,
                              revisions: Self.revisions)
        try chain.reset()
        for trial in 0..<trials {
            let aim = KillChain.Aim.allCases[trial % KillChain.Aim.allCases.count]
            do {
                try chain.trial(trial, helper: helper, aim: aim, saveTime: saveTime, random: &random)
            } catch {
                Issue.record("seed \(seed), \(error)")
                return
            }
        }
        try helper.send("quit")
        let seconds = Int(Date().timeIntervalSince(started))
        print("""
            kill -9 trials: \(trials) on a case of \(entries) entries, seed \(seed) (FAULT_SEED), \(seconds) s, \
            save \(Int(saveTime * 1000)) ms; all survived:
            \(chain.summary)
            """)
        #expect(chain.tally["trials"] == trials)
    }
}
