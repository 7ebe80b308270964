import Foundation
import CasefileTestSupport
import Testing

/// Declared rules through `casefile check` as a user runs it: external descriptors found
/// beside the file, a missing one named, warnings that do not fail the check.
@Suite("casefile check: declared rules")
struct DeclaredRulesCLITests {
    @Test("an external descriptor is read relative to the file; its rules are checked and named at their own file")
    func externalDescriptor() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: true)
        _ = try folder.write("sub/types.rec", "%rec: Event\n%mandatory: Title\n%type: Seen int\n")
        _ = try folder.write("sub/case.rec", "%rec: Event types.rec\n\nTitle: a\nSeen: 1\n\nSeen: x\n")
        let run = try CasefileBinary.run(["check", "sub/case.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("sub/case.rec:6:1: error: Event record is missing its mandatory field 'Title' (declared at types.rec:2)"))
        #expect(run.stderr.contains("sub/case.rec:6:7: error: 'Seen' value 'x' is not an integer (%type declared at types.rec:3)"))
        #expect(run.stderr.hasSuffix("sub/case.rec: 2 problems\n"))
    }

    @Test("a missing external descriptor is an error at the %rec line")
    func missingExternalDescriptor() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("case.rec", "%rec: Event nowhere.rec\n\nTitle: a\n")
        let run = try CasefileBinary.run(["check", "case.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("case.rec:1:1: error: cannot read the external descriptor of Event: ./nowhere.rec:"))
    }

    @Test("warnings are printed and the check still passes")
    func warningsPass() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("case.rec", "%rec: Task\n%type: Owner rec Hacker\n\nOwner: ghost\n\n%rec: Hacker\n%key: Id\n\nId: ana\n")
        let run = try CasefileBinary.run(["check", "case.rec"], directory: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("case.rec:4:8: warning: 'Owner' value 'ghost' is not the key of any Hacker record"))
        #expect(run.stdout == "case.rec: ok, 0 entries, links and notes (1 warning)\n")
    }
}
