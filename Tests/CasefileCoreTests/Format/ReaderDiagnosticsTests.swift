import CasefileCore
import CasefileTestSupport
import Testing

/// One malformed input and the first problem the reader must report for it.
struct MalformedInput: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let line: Int
    let column: Int
    let message: String

    init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String) {
        self.init(name, Array(text.utf8), line, column, message)
    }

    init(_ name: String, _ bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
        self.name = name
        self.bytes = bytes
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { name }
}

/// The header and a Person descriptor: records written after it start at line 7.
private let head = "%rec: Casefile\n\nFormat: 1\n\n%rec: Person\n\n"

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite("Reader diagnostics")
struct ReaderDiagnosticsTests {
    static let malformed: [MalformedInput] = [
        .init("invalid UTF-8 in a value", bytes(head + "Id: a\nName: ab") + [0xFF] + bytes("c\n"), 8, 9, "invalid UTF-8 (byte 0xFF)"),
        .init("invalid UTF-8 after Cyrillic", bytes(head + "Id: a\nName: Нур") + [0xC3] + bytes("x\n"), 8, 10, "invalid UTF-8 (byte 0xC3)"),
        .init("invalid UTF-8 in a comment", bytes("#ab") + [0xFE] + bytes("\n" + head), 1, 4, "invalid UTF-8 (byte 0xFE)"),
        .init("invalid UTF-8 in a continuation line", bytes(head + "Id: a\nName: A\n+ x") + [0x80] + bytes("\n"), 9, 4,
              "invalid UTF-8 (byte 0x80)"),
        .init("a space inside a field name", head + "Id: a\nNa me: b\n", 8, 3, "malformed field name: expected ':' after 'Na'"),
        .init("a field name without a colon", head + "Id: a\nName b\n", 8, 5, "malformed field name: expected ':' after 'Name'"),
        .init("a Cyrillic field name", head + "Id: a\nИмя: b\n", 8, 1, "malformed field name"),
        .init("a field name starting with a digit", head + "Id: a\n1Name: b\n", 8, 1, "malformed field name"),
        .init("a continuation line with no field", head + "+ orphan\n", 7, 1, "a continuation line ('+') with no field before it"),
        .init("a continuation line after a blank line", head + "Id: a\nName: A\n\n+ more\n", 10, 1, "a continuation line ('+')"),
        .init("a duplicate Id across types",
              head + "Id: a\nName: A\n\n%rec: Post\n\nId: a\nAuthor: a\nText: t\n", 12, 5,
              "duplicate Id 'a' (first used by a person at line 7)"),
        .init("a duplicate Id within a type", head + "Id: a\nName: A\n\nId: a\nName: B\n", 10, 5, "duplicate Id 'a'"),
        .init("a missing mandatory field", head + "Id: a\nHandle: @a\n", 7, 1, "Person record is missing its mandatory field 'Name'"),
        .init("a missing Id", head + "Name: A\n", 7, 1, "missing its mandatory field 'Id'"),
        .init("an empty Id", head + "Id:\nName: A\n", 7, 1, "'Id' is empty"),
        .init("a repeated field that may not repeat", head + "Id: a\nName: A\nName: B\n", 9, 1, "'Name' more than once"),
        .init("a Format newer than this build", "%rec: Casefile\n\nFormat: 2\n", 3, 9,
              "written by a newer casefile (format 2)"),
        .init("a non-numeric Format", "%rec: Casefile\n\nFormat: one\n", 3, 9, "Format 'one' is not a format version"),
        .init("a second Casefile record", "%rec: Casefile\n\nFormat: 1\n\nTitle: again\n", 5, 1, "a second Casefile record"),
        .init("a repeated header field", "%rec: Casefile\n\nFormat: 1\nTitle: a\nTitle: b\n", 5, 1, "'Title' more than once"),
        .init("a session Revision that is not a number", "%rec: Session\n\nRevision: two\n", 3, 1, "Revision 'two' is not a number"),
        .init("a duplicate session Revision", "%rec: Session\n\nRevision: 2\n\nRevision: 2\n", 5, 1, "duplicate session revision 2"),
        .init("a duplicate link", "%rec: Link\n\nFrom: a\nRel: r\nTo: b\n\nFrom: a\nRel: r\nTo: b\n", 7, 1, "duplicate link a r b"),
        .init("a line holding only a backslash", head + "Id: a\n\\\nName: A\n", 8, 1, "a line holding only a backslash"),
        .init("binary garbage", [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x0A, 0x7F, 0x45, 0x4C, 0x46], 1, 1, "malformed field name"),
        .init("a record type whose name is empty", "%rec:\n\nA: b\n", 1, 1, "record type"),
    ]

    @Test("malformed input is reported where it is", arguments: malformed)
    func reported(input: MalformedInput) {
        do {
            let result = try CaseReader.read(bytes: input.bytes, file: "bad.rec")
            Issue.record("\(input.name): loaded without error: \(result.caseFile.count) entries")
        } catch let error as LoadError {
            guard let first = error.diagnostics.first else {
                Issue.record("\(input.name): a LoadError without diagnostics")
                return
            }
            #expect(first.file == "bad.rec")
            #expect((first.line, first.column) == (input.line, input.column), "\(input.name): \(first)")
            #expect(first.message.contains(input.message), "\(input.name): \(first.message)")
            #expect(first.description.hasPrefix("bad.rec:\(input.line):\(input.column): error: "))
        } catch {
            Issue.record("\(input.name): unexpected error type \(error)")
        }
    }

    @Test("every problem is reported, in file order, not only the first")
    func everyProblem() throws {
        let text = head + "Id: a\nName: A\n\nId: b\n\nId: a\nName: C\nBad line\n"
        let error = try #require(throws: LoadError.self) { try CaseReader.read(text: text, file: "f.rec") }
        let places = error.diagnostics.map { "\($0.line):\($0.column)" }
        #expect(places == ["10:1", "12:5", "14:4"], "\(error)")
    }

    @Test("a flood of errors stops at a limit and says so")
    func limit() throws {
        let text = head + String(repeating: "bad line\n", count: 1000)
        let error = try #require(throws: LoadError.self) { try CaseReader.read(text: text) }
        #expect(error.diagnostics.count <= 201)
        #expect(error.diagnostics.last?.message.contains("stopped after") == true)
    }

    @Test("a file that cannot be read says so in one sentence")
    func cannotRead() throws {
        let folder = try TemporaryFolder()
        let missing = folder.file("missing.rec")
        let error = try #require(throws: LoadError.self) { try CaseReader.load(path: missing, displayName: "missing.rec") }
        #expect(error.description == "cannot read missing.rec: No such file or directory")
        #expect(error.cannotRead == .cannotOpen(path: "missing.rec", errno: 2))
        let folderError = try #require(throws: LoadError.self) { try CaseReader.load(path: folder.path) }
        #expect(folderError.description.contains("is a folder, not a case file"))
    }

    @Test("a file from a newer casefile is refused, never misread")
    func newerFormat() throws {
        let text = "%rec: Casefile\n\nFormat: 7\n\n%rec: Person\n\nId: a\nName: A\nShape: whatever 7 means\n"
        let error = try #require(throws: LoadError.self) { try CaseReader.read(text: text) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].hint == "upgrade casefile to read it")
    }
}
