import CasefileCore
import Testing

/// A file's diagnostics are laid out by the one located-error renderer, as command and
/// query errors are: the source line, a caret under the fault by display width, the hint.
@Suite("file diagnostics quote their line")
struct DiagnosticQuoteTests {
    private static let head = "%rec: Person\n%key: Id\n\n"

    private func firstProblem(_ bytes: [UInt8], file: String = "bad.rec") throws -> Diagnostic {
        let error = try #require(throws: LoadError.self) { try CaseReader.read(bytes: bytes, file: file) }
        return try #require(error.diagnostics.first)
    }

    @Test("a reader error: FILE:LINE:COL, the line, the caret, the hint")
    func readerError() throws {
        let problem = try firstProblem(Array((Self.head + "Id: a\nBad line\n").utf8))
        #expect(problem.description == """
            bad.rec:5:4: error: malformed field name: expected ':' after 'Bad'
             5 | Bad line
               |    ^
              hint: field names use ASCII letters, digits and '_', then ':'
            """)
    }

    @Test("the caret is placed by display width after wide characters, and bad bytes show as U+FFFD")
    func wideCharacters() throws {
        let bytes = Array((Self.head + "Id: a\nName: 日本").utf8) + [0xFF] + Array("x\n".utf8)
        let problem = try firstProblem(bytes)
        #expect(problem.column == 9)
        let lines = problem.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == " 5 | Name: 日本\u{FFFD}x")
        // "Name: " is 6 columns, 日本 four more: the caret stands in column 11.
        #expect(lines[2] == "   | " + String(repeating: " ", count: 10) + "^")
    }

    @Test("a line of megabytes is cut around the column, not quoted whole")
    func longLine() throws {
        let bytes = Array((Self.head + "Id: a\nName: " + String(repeating: "日", count: 1_000_000)).utf8) + [0xFF]
            + Array((String(repeating: "x", count: 1_000_000) + "\n").utf8)
        let problem = try firstProblem(bytes)
        let text = problem.description
        #expect(text.utf8.count < 2_000, "the diagnostic is \(text.utf8.count) bytes")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let quoted = String(lines[1].dropFirst(5))
        #expect(quoted.hasPrefix("…日") && quoted.hasSuffix("x…"), "\(quoted)")
        // The caret stands under the replacement character, after the cut mark and the wide characters.
        let before = try #require(quoted.firstIndex(of: "\u{FFFD}"))
        let width = 1 + 2 * quoted[quoted.index(after: quoted.startIndex)..<before].count
        #expect(lines[2] == "   | " + String(repeating: " ", count: width) + "^")
    }

    @Test("validation warnings quote their line too; a problem with the whole file quotes nothing")
    func validation() throws {
        let text = "%rec: Post\n%key: Id\n\nId: p\nAuthor: nobody\nText: t\n"
        let result = try CaseReader.read(text: text, file: "v.rec", validate: true)
        let problem = try #require(result.diagnostics.first { $0.line == 5 }, "\(result.diagnostics)")
        let lines = problem.description.split(separator: "\n")
        #expect(lines.count >= 3 && lines[1] == " 5 | Author: nobody" && lines[2] == "   |         ^", "\(problem)")
        let whole = Diagnostic(file: "w.rec", line: 0, column: 0, message: "gone")
        #expect(whole.description == "w.rec: error: gone")
    }

    @Test("the quoted line does not make two diagnostics of one problem unequal")
    func equality() throws {
        let problem = try firstProblem(Array((Self.head + "Id: a\nBad line\n").utf8))
        var bare = problem
        bare.quoted = nil
        #expect(problem == bare && problem.hashValue == bare.hashValue)
    }
}
