import CasefileCore
import CasefileTestSupport
import Testing

/// `casefile check` on people whose names or handles mix look-alike letters: each is a
/// located warning (the file still checks ok, exit 0), and CamelCase handles with a
/// capital I that begins a word are not look-alikes.
@Suite("casefile check: look-alike letters")
struct CheckLookAlikesTests {
    /// A person record per (Id, field, value), in Id order as a saved case has them.
    static func caseText(_ people: [(id: String, field: String, value: String)]) -> String {
        var text = "%rec: Casefile\n\nFormat: 1\nTitle: Look-alikes\n\n%rec: Person\n%key: Id\n%mandatory: Name\n"
        for person in people.sorted(by: { $0.id < $1.id }) {
            text += "\nId: \(person.id)\n"
            text += person.field == "Name" ? "Name: \(person.value)\n" : "Name: \(person.id)\n\(person.field): \(person.value)\n"
        }
        return text
    }

    /// The 1-based line of `field: value` in `text`.
    static func line(of field: String, _ value: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "\(field): \(value)" }.map { $0 + 1 }
    }

    static let suspicious: [(id: String, field: String, value: String, problem: String)] = [
        ("prezident", "Name", "Пeрзидент", "'Пeрзидент' mixes Cyrillic and Latin letters (e is Latin): a look-alike?"),
        ("ivan", "Name", "Iван Франко", "'Iван' mixes Cyrillic and Latin letters (I is Latin): a look-alike?"),
        ("israel", "Handle", "@NoticiasDeІsrael", "'NoticiasDeІsrael' mixes Cyrillic and Latin letters (І is Cyrillic): a look-alike?"),
        ("putin", "Name", "Рutin Vladimir", "'Рutin' mixes Cyrillic and Latin letters (Р is Cyrillic): a look-alike?"),
        ("land", "Handle", "@FatherIand",
         "'FatherIand' has a capital I between small letters, where a small l is usual ('Fatherland'): a look-alike?"),
        ("musk", "Handle", "@eIonmusk",
         "'eIonmusk' has a capital I between small letters, where a small l is usual ('elonmusk'): a look-alike?"),
        ("only", "Handle", "@TheOnIyNews",
         "'TheOnIyNews' has a capital I between small letters, where a small l is usual ('TheOnlyNews'): a look-alike?"),
    ]

    static let plain: [(id: String, field: String, value: String)] = [
        ("noticias", "Handle", "@NoticiasDeIsrael"), ("stereo", "Handle", "@LostInStereoLiz"),
        ("save", "Handle", "@SaveIvanNow"), ("ministry", "Name", "МіністерствоІнформації України"),
        ("mcintyre", "Name", "Jamie McIntyre"), ("tvrain", "Handle", "@tvrain"),
    ]

    @Test("each look-alike is a warning at its field's line and column; CamelCase words in I are not")
    func located() throws {
        let people = Self.suspicious.map { ($0.id, $0.field, $0.value) } + Self.plain
        let text = Self.caseText(people)
        let folder = try TemporaryFolder()
        try folder.write("case.rec", text)
        let run = try CasefileBinary.run(["check", "case.rec"], directory: folder.path)
        #expect(run.status == 0, "warnings do not fail a check: \(run.stderr)")
        #expect(run.stdout == "case.rec: ok, \(people.count) entries, links and notes (\(Self.suspicious.count) warnings)\n")
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == Self.suspicious.count, "\(run.stderr)")
        for person in Self.suspicious {
            let line = try #require(Self.line(of: person.field, person.value, in: text))
            let column = person.field.count + 3
            #expect(warnings.contains("case.rec:\(line):\(column): warning: \(person.field) of \(person.id): \(person.problem)"),
                    "\(person.id): \(run.stderr)")
        }
        #expect(run.stderr.contains("hint: check the account"))
        for person in Self.plain {
            #expect(!run.stderr.contains(person.value.split(separator: " ")[0].trimmingCharacters(in: ["@"])), "\(person.value) flagged")
        }
    }

    @Test("a case without look-alikes checks clean, with nothing on stderr")
    func clean() throws {
        let folder = try TemporaryFolder()
        try folder.write("case.rec", Self.caseText(Self.plain))
        let run = try CasefileBinary.run(["check", "case.rec"], directory: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "case.rec: ok, \(Self.plain.count) entries, links and notes\n")
        #expect(run.stderr == "")
    }
}
