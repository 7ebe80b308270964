import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// `casefile check` on hostile declared rules: a regexp that makes a backtracking matcher
/// run for ever is answered at once, located; a rule broken by thousands of records is
/// listed a hundred times and summed up in one line at its declaration.
@Suite("casefile check: hostile regexps and floods of violations")
struct CheckDeclaredLimitsTests {
    @Test("(a+)+$ in %type and in a %constraint, on a 100,000-letter line: located errors, promptly")
    func catastrophicRegexp() throws {
        let folder = try TemporaryFolder()
        let line = String(repeating: "a", count: 100_000)
        try folder.write("r.rec", "%rec: Event\n%type: Line regexp /(a+)+$/\n%constraint: Line ~ '(a+)+$'\n\nLine: \(line)b\n\nLine: \(line)\n")
        let run = try CasefileBinary.run(["check", "r.rec"], directory: folder.path, timeout: 120)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "r.rec:5:1: error: Event record violates %constraint[0] 'Line ~ '(a+)+$'' (declared at r.rec:3)",
            "r.rec:5:7: error: 'Line' value '\(String(repeating: "a", count: 57))…' is not a value matching /(a+)+$/ (%type declared at r.rec:2)",
        ], "\(run.stderr.prefix(2_000))")
        #expect(run.stderr.hasSuffix("r.rec: 2 problems\n"))
    }

    @Test("a back-reference in a %type is refused at its line, saying why")
    func backReference() throws {
        let folder = try TemporaryFolder()
        try folder.write("b.rec", "%rec: Event\n%type: Line regexp /^(a*)*\\1$/\n\nLine: aaaa\n")
        let run = try CasefileBinary.run(["check", "b.rec"], directory: folder.path, timeout: 60)
        #expect(run.status == 1)
        #expect(run.stderr.contains("b.rec:2:1: error: the regexp of 'regexp /^(a*)*\\1$/' cannot be used: back-references (\\1) are not supported"), "\(run.stderr)")
    }

    @Test("12,445 records break %mandatory and %type: 100 lines each, then one line counting the rest, at the declaration")
    func violationsCapped() throws {
        let folder = try TemporaryFolder()
        var text = "%rec: Event\n%mandatory: Name\n%type: Count int\n%key: Id\n\n"
        for index in 0..<12_445 { text += "Id: e\(index)\nCount: many\n\n" }
        text += "Id: last\nName: Fine\nCount: 3\n"
        try folder.write("m.rec", text)
        let run = try CasefileBinary.run(["check", "m.rec"], directory: folder.path, timeout: 120)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 202, "\(errors.count) error lines")
        #expect(errors.filter { $0.contains("missing its mandatory field 'Name'") }.count == 100)
        #expect(errors.filter { $0.contains("is not an integer") || $0.contains("'Count' value 'many'") }.count == 100)
        #expect(errors.contains("m.rec:2:1: error: … and 12,345 more violations of %mandatory declared at m.rec:2"), "\(errors.prefix(3))")
        #expect(errors.contains("m.rec:3:1: error: … and 12,345 more violations of %type declared at m.rec:3"), "\(errors.prefix(3))")
        #expect(run.stderr.hasSuffix("m.rec: 24890 problems\n"), "\(run.stderr.suffix(200))")
    }

    @Test("a rule broken exactly 100 times is listed whole, with no summary")
    func atTheLimit() throws {
        let folder = try TemporaryFolder()
        var text = "%rec: Event\n%mandatory: Name\n\n"
        for index in 0..<100 { text += "Id: e\(index)\n\n" }
        try folder.write("l.rec", text)
        let run = try CasefileBinary.run(["check", "l.rec"], directory: folder.path, timeout: 60)
        #expect(run.status == 1)
        #expect(!run.stderr.contains("more violation"))
        #expect(run.stderr.hasSuffix("l.rec: 100 problems\n"))
    }
}
