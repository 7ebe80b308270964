import Foundation
import Testing
@testable import CasefileCore

/// Over random pairs (random edits applied to random cases): what `diff` reports,
/// applied to OLD, gives NEW — for the comparison of whole cases and for the fast
/// comparison of files, which must agree.
@Suite struct DiffPropertyTests {
    @Test(arguments: 0..<150)
    func appliedToOldGivesNew(seed: Int) throws {
        var random = ReviewRandom(seed: UInt64(seed))
        let old = RandomCases.makeCase(&random, size: random.int(0...25))
        let new = RandomCases.edit(old, &random, count: random.int(0...8))
        let diff = CaseDiff.between(old, new)
        let applied = try diff.apply(to: old)
        #expect(RandomCases.bytes(applied) == RandomCases.bytes(new), "seed \(seed)")
        #expect(diff.isEmpty == (RandomCases.bytes(old) == RandomCases.bytes(new)), "seed \(seed)")
    }

    @Test(arguments: 0..<150)
    func fileComparisonAgreesAndApplies(seed: Int) throws {
        var random = ReviewRandom(seed: UInt64(seed) + 1000)
        let old = try RandomCases.readBack(RandomCases.makeCase(&random, size: random.int(0...25)))
        let new = try RandomCases.readBack(RandomCases.edit(old, &random, count: random.int(0...8)))
        let oldBytes = CaseWriter.bytes(of: old)
        let newBytes = CaseWriter.bytes(of: new)
        let fast = try oldBytes.withUnsafeBufferPointer { a in
            try newBytes.withUnsafeBufferPointer { b in
                try FileComparison.diff(old: a, oldName: "old", new: b, newName: "new")
            }
        }
        #expect(fast == CaseDiff.between(old, new), "seed \(seed)")
        let applied = try fast.apply(to: old)
        #expect(RandomCases.bytes(applied) == RandomCases.bytes(new), "seed \(seed)")
    }

    @Test(arguments: 0..<60)
    func fileComparisonIgnoresRecordOrderAndBlankLines(seed: Int) throws {
        var random = ReviewRandom(seed: UInt64(seed) + 5000)
        let old = try RandomCases.readBack(RandomCases.makeCase(&random, size: random.int(1...25)))
        let new = try RandomCases.readBack(RandomCases.edit(old, &random, count: random.int(0...5)))
        let shuffled = Self.shuffleRecords(CaseWriter.text(of: new), &random)
        let expected = CaseDiff.between(old, new)
        let oldBytes = CaseWriter.bytes(of: old)
        let newBytes = Array(shuffled.utf8)
        let fast = try oldBytes.withUnsafeBufferPointer { a in
            try newBytes.withUnsafeBufferPointer { b in
                try FileComparison.diff(old: a, oldName: "old", new: b, newName: "new")
            }
        }
        #expect(fast == expected, "seed \(seed)")
    }

    /// The text with each record type's records in a random order and some blank lines doubled.
    static func shuffleRecords(_ text: String, _ random: inout ReviewRandom) -> String {
        // Split into records at blank lines, except the empty line a trailing backslash joins.
        var records: [String] = []
        var current: [Substring] = []
        var joins = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty && !joins {
                if !current.isEmpty { records.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
            joins = !line.hasPrefix("#") && line.hasSuffix("\\") && !joins
        }
        if !current.isEmpty { records.append(current.joined(separator: "\n")) }
        var sections: [[String]] = []
        for record in records {
            if record.hasPrefix("%rec:") || record.contains("\n%rec:") || sections.isEmpty {
                sections.append([record])
            } else {
                sections[sections.count - 1].append(record)
            }
        }
        return sections.map { section -> String in
            var rest = Array(section.dropFirst())
            // Sessions and hand-added records keep their order; so do trailing comments.
            let keepsOrder = section[0].contains("%rec: Session") || section[0].contains("%rec: Extra")
                || rest.last.map { $0.split(separator: "\n").allSatisfy { $0.hasPrefix("#") } } == true
            if !keepsOrder { rest.shuffle(using: &random) }
            return ([section[0]] + rest).joined(separator: random.chance(0.3) ? "\n\n\n" : "\n\n")
        }.joined(separator: "\n\n") + "\n"
    }
}

/// The random edits must produce every sort of change, or the properties above prove little.
@Suite struct RandomEditCoverageTests {
    @Test func randomEditsCoverEveryKindOfChange() {
        var seen: Set<String> = []
        for seed in 0..<150 {
            var random = ReviewRandom(seed: UInt64(seed))
            let old = RandomCases.makeCase(&random, size: random.int(0...25))
            let new = RandomCases.edit(old, &random, count: random.int(0...8))
            let diff = CaseDiff.between(old, new)
            for change in diff.changes {
                seen.insert("\(change.action) \(change.subject.kind?.word ?? "header")")
                if change.commentsChanged { seen.insert("comments") }
                for edit in change.fields.edits {
                    if case .changed(_, _, _, let lines) = edit { seen.insert(lines == nil ? "value" : "lines") }
                }
            }
            if diff.layout != nil { seen.insert("layout") }
        }
        let wanted = ["added person", "removed post", "changed quote", "renamed translation", "renamed source",
                      "added link", "removed link", "changed link", "added note", "removed note", "changed header",
                      "added session", "comments", "value", "lines", "layout", "renamed link", "renamed note"]
        for item in wanted { #expect(seen.contains(item), "no random pair gave \(item)") }
    }
}
