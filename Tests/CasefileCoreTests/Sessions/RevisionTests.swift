import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// Saves give revisions 1…n with summaries that say what changed; each revision can
/// be rebuilt from the session log, byte for byte.
@Suite struct RevisionTests {
    /// The summary a save should record, worked out from the two files alone: entries
    /// gone and come with the same content are renames; an entry gone whose references
    /// now name another (most often) was merged into it; entries whose only change is a
    /// reference to a renamed or merged Id, and links and notes that moved with one, only
    /// follow it, and are counted apart from what was done.
    static func expectedSummary(from old: CaseFile, to new: CaseFile) -> String {
        var counts: [Kind: [Character: Int]] = [:]
        var gone: [Entry] = []
        var come: [Entry] = []
        var changed: [(Entry, Entry)] = []
        for id in Set(old.entries.keys).union(new.entries.keys) where old[id] != new[id] {
            if let a = old[id], let b = new[id], a.kind == b.kind {
                changed.append((a, b))
            } else {
                if let a = old[id] { gone.append(a) }
                if let b = new[id] { come.append(b) }
            }
        }
        var newIds: [String: String] = [:]
        for entry in come.sorted(by: { $0.id < $1.id }) {
            if let index = gone.sorted(by: { $0.id < $1.id }).firstIndex(where: {
                $0.kind == entry.kind && $0.fields == entry.fields && $0.comments == entry.comments
                    && newIds[$0.id] == nil
            }) {
                let from = gone.sorted(by: { $0.id < $1.id })[index]
                newIds[from.id] = entry.id
                counts[entry.kind, default: [:]][">", default: 0] += 1
            } else {
                counts[entry.kind, default: [:]]["+", default: 0] += 1
            }
        }
        let removed = Set(gone.map(\.id).filter { newIds[$0] == nil })
        let merges = mergeTargets(removed: removed, changed: changed, old: old, new: new)
        var merged: [Kind: Int] = [:]
        for entry in gone where newIds[entry.id] == nil {
            if let keep = merges[entry.id] {
                newIds[entry.id] = keep
                merged[entry.kind, default: 0] += 1
            } else {
                counts[entry.kind, default: [:]]["-", default: 0] += 1
            }
        }
        var following = 0
        for (a, b) in changed {
            let onlyReferences = a.comments == b.comments && a.fields.count == b.fields.count
                && zip(a.fields, b.fields).allSatisfy { $0 == $1 || $0.name == $1.name && newIds[$0.value] == $1.value }
            if onlyReferences { following += 1 } else { counts[a.kind, default: [:]]["~", default: 0] += 1 }
        }
        func tally<K: Hashable, V: Equatable>(_ kind: Kind, _ a: [K: V], _ b: [K: V], moved: (K) -> K) {
            var followed: Set<K> = []
            for (key, value) in a where b[key] == nil {
                let target = moved(key)
                if target != key, a[target] == nil, b[target] == value, !followed.contains(target) {
                    followed.insert(key)
                    followed.insert(target)
                    following += 1
                }
            }
            for key in Set(a.keys).union(b.keys) where a[key] != b[key] && !followed.contains(key) {
                let sign: Character = a[key] == nil ? "+" : (b[key] == nil ? "-" : "~")
                counts[kind, default: [:]][sign, default: 0] += 1
            }
        }
        tally(.link, old.links.mapValues { [$0.fields, [$0.comments.joined()].map { Field("#", $0) }] },
              new.links.mapValues { [$0.fields, [$0.comments.joined()].map { Field("#", $0) }] }) { key in
            LinkKey(from: newIds[key.from] ?? key.from, rel: key.rel, to: newIds[key.to] ?? key.to)
        }
        tally(.note, old.notes.mapValues { [$0.fields, [$0.comments.joined()].map { Field("#", $0) }] },
              new.notes.mapValues { [$0.fields, [$0.comments.joined()].map { Field("#", $0) }] }) { key in
            NoteKey(on: newIds[key.on] ?? key.on, at: key.at, by: key.by, text: key.text)
        }
        var parts: [String] = []
        for kind in Kind.allCases {
            for sign: Character in ["+", "~", ">", "-"] {
                if let count = counts[kind]?[sign], count > 0 { parts.append("\(sign)\(count) \(kind.word)") }
            }
        }
        for kind in Kind.allCases { if let count = merged[kind] { parts.append("\(count) \(kind.word) merged") } }
        if following > 0 { parts.append(following == 1 ? "1 record follows" : "\(following) records follow") }
        return parts.joined(separator: ", ")
    }

    /// Where each removed entry went, when references to it (fields, links) now name one
    /// entry more often than any other (ties to the smallest Id): a `merge KEEP DROP`.
    static func mergeTargets(removed: Set<String>, changed: [(Entry, Entry)], old: CaseFile, new: CaseFile) -> [String: String] {
        var votes: [String: [String: Int]] = [:]
        for (a, b) in changed where a.fields.count == b.fields.count {
            for (x, y) in zip(a.fields, b.fields) where x.name == y.name && removed.contains(x.value) && !removed.contains(y.value) {
                votes[x.value, default: [:]][y.value, default: 0] += 1
            }
        }
        let linksGone = old.links.keys.filter { new.links[$0] == nil }
        let linksCome = new.links.keys.filter { old.links[$0] == nil }
        for key in linksGone {
            for keep in linksCome where keep.rel == key.rel {
                if removed.contains(key.from), keep.to == key.to, !removed.contains(keep.from) { votes[key.from, default: [:]][keep.from, default: 0] += 1 }
                if removed.contains(key.to), keep.from == key.from, !removed.contains(keep.to) { votes[key.to, default: [:]][keep.to, default: 0] += 1 }
            }
        }
        return votes.compactMapValues { counts in
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
        }
    }

    // 88, 100 and 177: a merge that moves a note (the summary once disagreed with this model).
    @Test(arguments: Array(0..<25) + [88, 100, 177])
    func savesMakeRevisionsThatRebuildByteForByte(seed: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        var driver = try SessionDriver(seed: UInt64(seed), path: path)
        var saved: [[UInt8]] = []
        var previous = CaseFile()
        for _ in 0..<6 {
            driver.work(driver.random.int(1...10))
            if driver.random.chance(0.2) { try driver.reopen() }
            if driver.random.chance(0.2) { try driver.killAndRecover() }
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
            // After each save the whole log replays to the file, and every earlier save
            // rebuilds byte for byte (checked, not trusted).
            let replay = try RevisionReplay(now)
            do {
                try replay.verify()
            } catch {
                Issue.record("seed \(seed) revision \(revision): \(error)")
                return
            }
            for (index, bytes) in saved.enumerated() {
                let rebuilt = try replay.rebuild(revision: index + 1)
                #expect(ByteDifference.first(rebuilt, bytes) == nil, "seed \(seed) revision \(index + 1)")
            }
            if driver.random.chance(0.3) { try driver.reopen() }
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
        #expect(logged.contains { $0.hasPrefix("add quote ") }, "no sourced script was logged")
        #expect(!logged.contains { $0.hasPrefix("edit") }, "an edit was logged as edit")
        #expect(logged.contains { $0.hasPrefix("set ") && $0.contains("(checked)") }, "no field edit was logged as set")
        #expect(logged.contains { $0.hasPrefix("merge ") } && logged.contains { $0.hasPrefix("pair ") })
        #expect(logged.contains { $0.contains("\\r\\r\\n") }, "no value with CRs was logged")
        #expect(logged.contains { $0.hasPrefix("import twarc /") && $0.contains(" sha256=") }, "no import was logged")
        #expect(logged.contains { $0.hasPrefix("attach ") && $0.contains(" sha256=") && $0.contains(" path=") },
                "no attach --link was logged")
        #expect(logged.contains { $0.hasPrefix("attach ") && !$0.contains(" path=") }, "no attach into the store was logged")
        #expect(logged.contains { $0.hasPrefix("detach ") }, "no detach was logged")
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
