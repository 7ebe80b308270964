import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// Saves give revisions 1…n with summaries that say what changed; each revision can
/// be rebuilt from the session log, byte for byte.
@Suite struct RevisionTests {
    /// The summary a save should record, worked out from the two files alone.
    static func expectedSummary(from old: CaseFile, to new: CaseFile) -> String {
        var counts: [Kind: (added: Int, changed: Int, removed: Int)] = [:]
        func count(_ kind: Kind, _ had: Bool, _ has: Bool) {
            var value = counts[kind] ?? (0, 0, 0)
            if had && has { value.changed += 1 } else if has { value.added += 1 } else { value.removed += 1 }
            counts[kind] = value
        }
        for id in Set(old.entries.keys).union(new.entries.keys) where old[id] != new[id] {
            if let a = old[id], let b = new[id], a.kind != b.kind {
                count(a.kind, true, false)
                count(b.kind, false, true)
            } else {
                count((old[id] ?? new[id])?.kind ?? .person, old[id] != nil, new[id] != nil)
            }
        }
        for key in Set(old.links.keys).union(new.links.keys) where old.links[key] != new.links[key] {
            count(.link, old.links[key] != nil, new.links[key] != nil)
        }
        for key in Set(old.notes.keys).union(new.notes.keys) where old.notes[key] != new.notes[key] {
            count(.note, old.notes[key] != nil, new.notes[key] != nil)
        }
        var parts: [String] = []
        for kind in Kind.allCases {
            guard let value = counts[kind] else { continue }
            if value.added > 0 { parts.append("+\(value.added) \(kind.word)") }
            if value.changed > 0 { parts.append("~\(value.changed) \(kind.word)") }
            if value.removed > 0 { parts.append("-\(value.removed) \(kind.word)") }
        }
        return parts.joined(separator: ", ")
    }

    @Test(arguments: 0..<25)
    func savesMakeRevisionsThatRebuildByteForByte(seed: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        var driver = try SessionDriver(seed: UInt64(seed), path: path)
        var saved: [[UInt8]] = []
        var previous = CaseFile()
        for _ in 0..<6 {
            driver.work(driver.random.int(1...10))
            if driver.random.chance(0.2) { try driver.reopen() }
            let before = try? FileBytes.read(path)
            guard try driver.save() else {
                // Nothing changed since the last save: nothing was written.
                #expect((try? FileBytes.read(path)) == before, "seed \(seed)")
                continue
            }
            let bytes = try FileBytes.read(path)
            saved.append(bytes)
            let now = try CaseReader.load(path: path).caseFile
            let revision = saved.count
            #expect(now.header.revision == revision, "seed \(seed)")
            #expect(now.sessions.map(\.revision) == Array(1...revision), "seed \(seed)")
            let session = try #require(now.sessions.last)
            #expect((session.summary ?? "") == Self.expectedSummary(from: previous, to: now), "seed \(seed) revision \(revision)")
            #expect(session.saved == now.header.saved, "seed \(seed)")
            previous = now
            if driver.random.chance(0.3) { try driver.reopen() }
        }
        guard !saved.isEmpty else { return }
        let replay = try RevisionReplay(try CaseReader.load(path: path).caseFile)
        try replay.verify()
        for (index, bytes) in saved.enumerated() {
            let rebuilt = try replay.rebuild(revision: index + 1, trust: true)
            #expect(ByteDifference.first(rebuilt, bytes) == nil, "seed \(seed) revision \(index + 1)")
        }
    }
}

/// The random sessions must do real work, or the property above proves little.
@Suite struct SessionDriverCoverageTests {
    @Test func randomSessionsSucceedMostlyAndLogUndoAndTexts() throws {
        var succeeded = 0
        var failed = 0
        var logged: [String] = []
        for seed in 0..<25 {
            let folder = try TemporaryFolder()
            var driver = try SessionDriver(seed: UInt64(seed), path: folder.file("case.rec"))
            for _ in 0..<6 {
                driver.work(8)
                try driver.save()
            }
            succeeded += driver.succeeded
            failed += driver.failed
            logged += driver.notebook.caseFile.sessions.flatMap(\.commands)
        }
        #expect(succeeded > 3 * failed)
        #expect(logged.contains("undo"), "no undo of a change saved earlier was logged")
        #expect(logged.contains { $0.hasPrefix("rename ") })
        #expect(logged.contains { $0.hasPrefix("annotate ") && $0.contains(" at=") })
        #expect(logged.contains { $0.contains("<<END\n") })
    }
}

/// Says where two byte strings first differ, by line (nil when equal).
enum ByteDifference {
    static func first(_ a: [UInt8], _ b: [UInt8]) -> String? {
        if a == b { return nil }
        let x = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let y = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(x.count, y.count) {
            let left = index < x.count ? String(x[index]) : "<end>"
            let right = index < y.count ? String(y[index]) : "<end>"
            if left != right { return "line \(index + 1): \(left.debugDescription) vs \(right.debugDescription)" }
        }
        return "differ"
    }
}
