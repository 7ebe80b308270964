import Testing
@testable import CasefileCore

@Suite struct EditScriptTests {
    /// The length of a longest common subsequence, by dynamic programming (small inputs).
    static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }

    @Test(arguments: 0..<300)
    func scriptTurnsOldIntoNewWithFewestEdits(seed: Int) {
        var random = ReviewRandom(seed: UInt64(seed))
        let a = (0..<random.int(0...30)).map { _ in random.int(0...4) }
        let b = (0..<random.int(0...30)).map { _ in random.int(0...4) }
        let script = EditScript.diff(a, b)
        #expect(EditScript.oldSide(script) == a)
        #expect(EditScript.newSide(script) == b)
        let edits = script.filter { if case .same = $0 { return false } else { return true } }.count
        #expect(edits == a.count + b.count - 2 * Self.lcs(a, b), "seed \(seed): not a shortest script")
    }

    @Test func aRewrittenLongTextFallsBackToRemoveAllAddAll() {
        let a = (0..<3000).map { "old \($0)" }
        let b = (0..<3000).map { "new \($0)" }
        let script = EditScript.diff(a, b)
        #expect(EditScript.oldSide(script) == a)
        #expect(EditScript.newSide(script) == b)
    }

    @Test func changedFieldsArePairedByName() throws {
        let old = [Field("Date", "2014-02-04"), Field("Lang", "ru"), Field("Tag", "a"), Field("Text", "one\ntwo")]
        let new = [Field("Date", "2014-02-05"), Field("Lang", "ru"), Field("Tag", "b"), Field("Tag", "c"),
                   Field("Text", "one\n2")]
        let diff = FieldsDiff(old: old, new: new)
        #expect(diff.changes == [
            .changed(name: "Date", old: "2014-02-04", new: "2014-02-05", lines: nil),
            .changed(name: "Tag", old: "a", new: "b", lines: nil),
            .added(Field("Tag", "c")),
            .changed(name: "Text", old: "one\ntwo", new: "one\n2", lines: [.same("one"), .removed("two"), .added("2")]),
        ])
        #expect(try diff.apply(to: old, in: "x") == new)
    }

    @Test func applyingToOtherFieldsFails() {
        let diff = FieldsDiff(old: [Field("Name", "A")], new: [Field("Name", "B")])
        #expect(throws: DiffApplyError.self) { try diff.apply(to: [Field("Name", "C")], in: "x") }
        #expect(throws: DiffApplyError.self) { try diff.apply(to: [Field("Name", "A"), Field("Role", "r")], in: "x") }
    }
}
