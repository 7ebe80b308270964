import Foundation
import Testing
import CasefileTestSupport

/// The session chain through the command line: `revision --check`, `log` and `diff` on
/// files edited outside casefile in each of the ways a reviewer must notice.
@Suite struct SessionChainCLITests {
    let folder: TemporaryFolder
    let path: String
    let saved: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
        try ReviewCLI.build(path, """
            new "Bloggers"
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 lang=ru "Завтра у Есимова на ланче"
            translate extremkz-2014-02-04 en "Tomorrow at Esimov's lunch"
            """)
        try ReviewCLI.build(path, "tag aitelenov detained", time: 1_764_075_600, message: "tags")
        try ReviewCLI.build(path, #"add person "Rinat Kibraev""#, time: 1_764_079_200, message: "more")
        saved = try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The text after `%rec: Session`, changed by `edit`, the rest as it was.
    static func inSessions(_ text: String, _ edit: (String) -> String) -> String {
        guard let range = text.range(of: "%rec: Session\n") else { return text }
        return String(text[..<range.upperBound]) + edit(String(text[range.upperBound...]))
    }

    /// One way of changing a saved file outside casefile, and what `revision --check` must say.
    struct Tamper: CustomStringConvertible, Sendable {
        var description: String
        var edit: @Sendable (String) -> String
        var names: [String]
    }

    static let tampers: [Tamper] = [
        Tamper(description: "edit an entry", edit: { $0.replacingOccurrences(of: "Name: Rinat Kibraev", with: "Name: Rinat Kibrayev") },
               names: ["edited outside casefile after revision 3 was saved"]),
        Tamper(description: "edit a past session record",
               edit: { $0.replacingOccurrences(of: "Message: tags\n", with: "Message: tags, checked\n") },
               names: ["revision 2's session record was modified"]),
        Tamper(description: "delete a session record", edit: { text in
            inSessions(text) { $0.replacingOccurrences(of: #"Revision: 2\n(.+\n)+\n"#, with: "", options: .regularExpression) }
        }, names: ["revision 2 has no session record"]),
        Tamper(description: "reorder two sessions", edit: { text in
            inSessions(text) {
                $0.replacingOccurrences(of: "Revision: 2\n", with: "Revision: X\n")
                    .replacingOccurrences(of: "Revision: 3\n", with: "Revision: 2\n")
                    .replacingOccurrences(of: "Revision: X\n", with: "Revision: 3\n")
            }
        }, names: ["between revision 1 and 2"]),
        Tamper(description: "edit an entry and the command that made it",
               edit: { $0.replacingOccurrences(of: "Esimov's lunch", with: "Esimov's dinner") },
               names: ["revision 1's session record was modified"]),
        Tamper(description: "a save by an older casefile", edit: { text in
            // An older casefile writes no chain fields on the session it adds.
            var lines = text.components(separatedBy: "\n")
            let last = lines.lastIndex { $0.hasPrefix("Hash: ") } ?? 0
            let previous = lines.lastIndex { $0.hasPrefix("Previous: ") } ?? 0
            for index in [last, previous].sorted(by: >) { lines.remove(at: index) }
            return lines.joined(separator: "\n")
        }, names: ["revision 3 carries no hash"]),
    ]

    @Test func anUntouchedFileHoldsWithoutReplaying() throws {
        let check = try ReviewCLI.run(["revision", "--check", path])
        #expect(check.status == 0, "\(check.err)")
        #expect(check.err.contains("the session chain holds (revisions 1…3)"))
        let replayed = try ReviewCLI.run(["revision", "--check", "--replay", path])
        #expect(replayed.status == 0, "\(replayed.err)")
        #expect(replayed.err.contains("the session log replays to the file (revisions 1…3)"))
        #expect(saved.contains("Previous: ") && saved.contains("Hash: "))
    }

    @Test(arguments: tampers)
    func everyEditOutsideCasefileIsFoundAndNamed(tamper: Tamper) throws {
        let edited = tamper.edit(saved)
        #expect(edited != saved, "the tamper changed nothing")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try ReviewCLI.run(["revision", "--check", path])
        #expect(check.status == 1, "\(tamper): \(check.err)")
        for name in tamper.names { #expect(check.err.contains(name), "\(tamper): \(check.err)") }
    }

    @Test func aRecordsReorderingKeepsTheDataAndIsNamedAsLayout() throws {
        // Records swapped in the file without renumbering: the same case, in another layout.
        let blocks = Self.inSessions(saved) { sessions in
            let records = sessions.components(separatedBy: "\n\n")
            return ([records[0], records[2], records[1]] + records.dropFirst(3)).joined(separator: "\n\n")
        }
        try blocks.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try ReviewCLI.run(["revision", "--check", path])
        #expect(check.status == 0, "\(check.err)")
        #expect(check.err.contains("not laid out as revision 3 wrote it: the data is unchanged"))
    }

    @Test func openingABrokenChainSaysSoOnceAndLogShowsWhere() throws {
        try saved.replacingOccurrences(of: "Name: Rinat Kibraev", with: "Name: Rinat Kibrayev")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let log = try ReviewCLI.run(["log", path])
        #expect(log.out.hasPrefix("! edited outside casefile after revision 3\n\nrevision 3"), "\(log.out)")
        // The next save starts from the edited file: the edit stays in the chain, between 3 and 4.
        let result = try ReviewCLI.run(["run", path, "-"], environment: ["SOURCE_DATE_EPOCH": "1764082800"],
                                       stdin: "tag kibraev detained\n")
        #expect(result.status == 0, "\(result.err)")
        let warnings = result.err.components(separatedBy: "the session chain is broken").count - 1
        #expect(warnings == 1, "\(result.err)")
        let after = try ReviewCLI.run(["log", path])
        #expect(after.out.contains("revision 4"))
        #expect(after.out.contains("! edited outside casefile between revision 3 and 4\n\nrevision 3"), "\(after.out)")
        let check = try ReviewCLI.run(["revision", "--check", path])
        #expect(check.status == 1)
        #expect(check.err.contains("between revision 3 and 4"), "\(check.err)")
    }

    @Test func anOlderFileWorksAndGainsTheChainOnItsNextSave() throws {
        let old = saved.components(separatedBy: "\n")
            .filter { !$0.hasPrefix("Hash: ") && !$0.hasPrefix("Previous: ") }.joined(separator: "\n")
        try old.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try ReviewCLI.run(["revision", "--check", path])
        #expect(check.status == 0, "\(check.err)")
        #expect(check.err.contains("the session log replays to the file"))
        try ReviewCLI.build(path, "tag kibraev detained", time: 1_764_082_800)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: "Hash: ").count == 2)
        let again = try ReviewCLI.run(["revision", "--check", path])
        #expect(again.status == 0, "\(again.err)")
        let rebuilt = try ReviewCLI.run(["revision", path, "3"])
        #expect(rebuilt.out == old, "revision 3 rebuilds as the older casefile wrote it")
    }

    @Test func diffSaysWhetherTheNewerDescendsFromTheOlder() throws {
        let older = folder.file("older.rec")
        try saved.write(toFile: older, atomically: true, encoding: .utf8)
        try ReviewCLI.build(path, "tag kibraev detained", time: 1_764_082_800)
        let diff = try ReviewCLI.run(["diff", older, path])
        #expect(diff.status == 1)
        #expect(diff.out.contains("history: \(path) (revision 4) descends from \(older) (revision 3)"), "\(diff.out)")
        // A sibling: revision 3 saved differently from revision 2.
        let sibling = folder.file("sibling.rec")
        #expect(try ReviewCLI.run(["revision", older, "2", "-o", sibling]).status == 0)
        try ReviewCLI.build(sibling, #"add person "Aidos Sadykov""#, time: 1_764_079_200)
        let apart = try ReviewCLI.run(["diff", sibling, path])
        #expect(apart.out.contains("does not descend from \(sibling): both hold the saves up to revision 2, then part ways"),
                "\(apart.out)")
    }
}
