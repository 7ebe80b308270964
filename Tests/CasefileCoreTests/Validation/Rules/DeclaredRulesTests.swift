import CasefileCore
import Testing

/// One declared rule with a record that breaks it and one that keeps it.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let rule: String
    /// The descriptor lines after `%rec: Event` (line 1).
    let descriptor: String
    /// A record that keeps the rule.
    let passing: String
    /// A record that breaks it.
    let failing: String
    /// `LINE:COL: error: ` and the start of the message expected for `failing`.
    let expected: String

    var testDescription: String { rule }

    /// The file: the descriptor at line 1, then the record after a blank line.
    func file(_ record: String) -> String { "%rec: Event\n\(descriptor)\n\n\(record)\n" }

    /// The line the record starts on.
    var recordLine: Int { descriptor.split(separator: "\n", omittingEmptySubsequences: false).count + 3 }
}

@Suite("declared rules: each rule and type, kept and broken")
struct DeclaredRulesTests {
    static let cases: [RuleCase] = [
        RuleCase(rule: "%mandatory", descriptor: "%mandatory: Title", passing: "Title: a", failing: "Other: a",
                 expected: "4:1: error: Event record is missing its mandatory field 'Title' (declared at t.rec:2)"),
        RuleCase(rule: "%allowed", descriptor: "%allowed: Title", passing: "Title: a", failing: "Title: a\nOther: b",
                 expected: "5:1: error: field 'Other' is not allowed in Event records (%allowed declared at t.rec:2)"),
        RuleCase(rule: "%prohibit", descriptor: "%prohibit: Secret", passing: "Title: a", failing: "Title: a\nSecret: b",
                 expected: "5:1: error: prohibited field 'Secret' in a Event record (%prohibit declared at t.rec:2)"),
        RuleCase(rule: "%unique", descriptor: "%unique: Title", passing: "Title: a", failing: "Title: a\nTitle: b",
                 expected: "5:1: error: 'Title' appears more than once in the record (%unique declared at t.rec:2)"),
        RuleCase(rule: "%key missing", descriptor: "%key: Id", passing: "Id: 1", failing: "Title: a",
                 expected: "4:1: error: Event record has no key field 'Id' (%key declared at t.rec:2)"),
        RuleCase(rule: "%key repeated", descriptor: "%key: Id", passing: "Id: 1", failing: "Id: 1\nId: 2",
                 expected: "5:1: error: Event record has its key field 'Id' more than once"),
        RuleCase(rule: "%key duplicated", descriptor: "%key: Id", passing: "Id: 1\n\nId: 2", failing: "Id: 1\n\nId: 1",
                 expected: "6:5: error: duplicate key '1' in Event (%key declared at t.rec:2)"),
        RuleCase(rule: "%singular", descriptor: "%singular: Code", passing: "Code: a\n\nCode: b", failing: "Code: a\n\nCode: a",
                 expected: "6:7: error: 'Code' value 'a' is used by another Event record (%singular declared at t.rec:2)"),
        RuleCase(rule: "%size exact", descriptor: "%size: 2", passing: "A: 1\n\nA: 2", failing: "A: 1",
                 expected: "1:1: error: Event has 1 record; %size asks for exactly 2 (declared at t.rec:2)"),
        RuleCase(rule: "%size <=", descriptor: "%size: <= 1", passing: "A: 1", failing: "A: 1\n\nA: 2",
                 expected: "1:1: error: Event has 2 records; %size asks for <= 1"),
        RuleCase(rule: "%size >", descriptor: "%size: > 1", passing: "A: 1\n\nA: 2", failing: "A: 1",
                 expected: "1:1: error: Event has 1 record; %size asks for > 1"),
        RuleCase(rule: "%size <", descriptor: "%size: < 2", passing: "A: 1", failing: "A: 1\n\nA: 2",
                 expected: "1:1: error: Event has 2 records; %size asks for < 2"),
        RuleCase(rule: "%size >=", descriptor: "%size: >= 2", passing: "A: 1\n\nA: 2", failing: "A: 1",
                 expected: "1:1: error: Event has 1 record; %size asks for >= 2"),
        RuleCase(rule: "int", descriptor: "%type: N int", passing: "N: -0x1F", failing: "N: 1.5",
                 expected: "4:4: error: 'N' value '1.5' is not an integer (%type declared at t.rec:2)"),
        RuleCase(rule: "bool", descriptor: "%type: B bool", passing: "B: yes", failing: "B: maybe",
                 expected: "4:4: error: 'B' value 'maybe' is not a boolean"),
        RuleCase(rule: "range", descriptor: "%type: R range -10 10", passing: "R: 10", failing: "R: 11",
                 expected: "4:4: error: 'R' value '11' is not an integer between -10 and 10"),
        RuleCase(rule: "range MIN MAX", descriptor: "%type: R range MIN -1", passing: "R: -2147483648", failing: "R: 0",
                 expected: "4:4: error: 'R' value '0' is not an integer between -2147483648 and -1"),
        RuleCase(rule: "real", descriptor: "%type: X real", passing: "X: -3.25", failing: "X: 3,25",
                 expected: "4:4: error: 'X' value '3,25' is not a real number"),
        RuleCase(rule: "size", descriptor: "%type: S size 3", passing: "S: abc", failing: "S: abcd",
                 expected: "4:4: error: 'S' value 'abcd' is not at most 3 bytes"),
        RuleCase(rule: "line", descriptor: "%type: L line", passing: "L: one line", failing: "L: two\n+ lines",
                 expected: "4:4: error: 'L' value 'two\nlines' is not a single line"),
        RuleCase(rule: "regexp", descriptor: "%type: Code regexp /^[A-Z]{3}$/", passing: "Code: ABC", failing: "Code: AB",
                 expected: "4:7: error: 'Code' value 'AB' is not a value matching /^[A-Z]{3}$/"),
        RuleCase(rule: "date", descriptor: "%type: D date", passing: "D: 20 April 2010", failing: "D: 2010-02-30",
                 expected: "4:4: error: 'D' value '2010-02-30' is not a date"),
        RuleCase(rule: "enum", descriptor: "%type: S enum Open (still open) Closed", passing: "S: Closed", failing: "S: Done",
                 expected: "4:4: error: 'S' value 'Done' is not one of Closed, Open"),
        RuleCase(rule: "field", descriptor: "%type: F field", passing: "F: Title", failing: "F: not a name",
                 expected: "4:4: error: 'F' value 'not a name' is not a field name"),
        RuleCase(rule: "email", descriptor: "%type: M email", passing: "M: a.b@example.org", failing: "M: a.b@",
                 expected: "4:4: error: 'M' value 'a.b@' is not an email address"),
        RuleCase(rule: "uuid", descriptor: "%type: U uuid", passing: "U: 123e4567-e89b-12d3-a456-426614174000",
                 failing: "U: 123e4567", expected: "4:4: error: 'U' value '123e4567' is not a UUID"),
        RuleCase(rule: "%typedef", descriptor: "%typedef: Count_t int\n%type: N Count_t", passing: "N: 3", failing: "N: x",
                 expected: "5:4: error: 'N' value 'x' is not an integer (%type declared at t.rec:3)"),
        RuleCase(rule: "%confidential", descriptor: "%confidential: Pass", passing: "Pass: encrypted-AAAA", failing: "Pass: secret",
                 expected: "4:7: error: confidential field 'Pass' is not encrypted"),
        RuleCase(rule: "%constraint", descriptor: "%constraint: Status = 'Closed' => #ClosedBy",
                 passing: "Status: Closed\nClosedBy: ana", failing: "Status: Closed",
                 expected: "4:1: error: Event record violates %constraint[0] 'Status = 'Closed' => #ClosedBy' (declared at t.rec:2)"),
        RuleCase(rule: "%constraint regexp", descriptor: "%constraint: Code ~ '^[a-z]+$'", passing: "Code: abc", failing: "Code: ABC",
                 expected: "4:1: error: Event record violates %constraint[0]"),
        RuleCase(rule: "%constraint arithmetic", descriptor: "%constraint: Low + 2 * Step <= High", passing: "Low: 1\nStep: 2\nHigh: 5",
                 failing: "Low: 1\nStep: 3\nHigh: 5", expected: "4:1: error: Event record violates %constraint[0]"),
        RuleCase(rule: "%constraint dates", descriptor: "%constraint: Start << End", passing: "Start: 2010-01-01\nEnd: 2011-01-01",
                 failing: "Start: 2012-01-01\nEnd: 2011-01-01", expected: "4:1: error: Event record violates %constraint[0]"),
        RuleCase(rule: "%constraint on repeated fields", descriptor: "%constraint: Tag = 'b'", passing: "Tag: a\nTag: b",
                 failing: "Tag: a\nTag: c", expected: "4:1: error: Event record violates %constraint[0]"),
        RuleCase(rule: "%constraint ternary and ||", descriptor: "%constraint: (#A ? A : 0) > 1 || B = 'x'",
                 passing: "A: 2", failing: "A: 1", expected: "4:1: error: Event record violates %constraint[0]"),
    ]

    @Test("a record that keeps the rule passes; one that breaks it is reported at its line and column", arguments: cases)
    func rule(_ rule: RuleCase) throws {
        let passing = try CaseReader.read(text: rule.file(rule.passing), file: "t.rec", validate: true)
        #expect(passing.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let failing = try CaseReader.read(text: rule.file(rule.failing), file: "t.rec", validate: true)
        let errors = failing.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("t.rec:" + rule.expected) == true, "\(errors)")
    }

    @Test("malformed declarations are errors at their own line", arguments: [
        ("%type: N integer", "2:1: error: the type 'integer' is not defined"),
        ("%type: N range 1 x", "2:1: error: 'range 1 x' is not a type specification"),
        ("%type: N Undefined_t", "2:1: error: the type 'Undefined_t' is not defined"),
        ("%typedef: A_t B_t\n%typedef: B_t A_t\n%type: N A_t", "2:1: error: the type 'A_t' is defined as 'B_t', which is not a type"),
        ("%size: > x", "2:1: error: %size should be a number"),
        ("%sort: A/B", "2:1: error: %sort should be a list of field names"),
        ("%key: A\n%key: B", "3:1: error: only one %key line is allowed"),
        ("%constraint: A = = 1", "2:1: error: %constraint is not a valid selection expression"),
        ("%constraint: 1 ~ 'x'", "2:1: error: %constraint is not a valid selection expression"),
        ("%type: N line\n%auto: N", "3:1: error: the auto-generated field 'N' is of type line"),
    ])
    func malformed(_ descriptor: String, _ expected: String) throws {
        let result = try CaseReader.read(text: "%rec: Event\n\(descriptor)\n", file: "t.rec", validate: true)
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("t.rec:" + expected) }, "\(errors)")
    }

    @Test("a constraint nested too deeply is refused, not a stack overflow")
    func deepConstraint() throws {
        let deep = String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
        let chain = Array(repeating: "1", count: 5_000).joined(separator: " + ")
        for expression in [deep, chain, String(repeating: "!", count: 5_000) + "1"] {
            let result = try CaseReader.read(text: "%rec: Event\n%constraint: \(expression)\n\nA: 1\n", file: "t.rec", validate: true)
            #expect(result.diagnostics.contains { $0.message.contains("nested too deeply") })
        }
    }

    @Test("a rec field naming no record is a warning; one of the wrong key type an error")
    func foreignKeys() throws {
        let text = """
            %rec: Task
            %type: Owner rec Hacker

            Owner: 7

            Owner: 99

            Owner: jemarch

            %rec: Hacker
            %key: Uid
            %type: Uid int

            Uid: 7

            """
        let result = try CaseReader.read(text: text, file: "t.rec", validate: true)
        let described = result.diagnostics.map(\.description)
        #expect(described.contains { $0.hasPrefix("t.rec:6:8: warning: 'Owner' value '99' is not the key of any Hacker record") })
        #expect(described.contains { $0.hasPrefix("t.rec:8:8: error: 'Owner' value 'jemarch' is not an integer, the type of Hacker's key") })
        #expect(!described.contains { $0.hasPrefix("t.rec:4:") })
    }
}
