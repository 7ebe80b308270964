import CasefileCore
import CasefileTestSupport
import Testing

/// Recfile syntax the reader accepts as recutils does, and what it makes of it.
@Suite("Reader syntax")
struct ReaderSyntaxTests {
    private static let head = "%rec: Casefile\n\nFormat: 1\n\n%rec: Person\n\n"

    private func name(in text: String) throws -> String? {
        try CaseReader.read(text: text).caseFile["a"]?.name
    }

    @Test("CRLF line ends are read as line ends")
    func crlf() throws {
        let text = Self.head.replacingOccurrences(of: "\n", with: "\r\n") + "Id: a\r\nName: Нурали\r\n+ second\r\n\r\n"
        #expect(try name(in: text) == "Нурали\nsecond")
    }

    @Test("a CR inside a value of an LF file is kept, as recsel keeps it")
    func carriageReturnInLFFile() throws {
        #expect(try name(in: Self.head + "Id: a\nName: ends in CR\r\n") == "ends in CR\r")
    }

    @Test("a file without a final newline keeps its last value")
    func noFinalNewline() throws {
        #expect(try name(in: Self.head + "Id: a\nName: last") == "last")
        #expect(try name(in: Self.head + "Id: a\nName: first\n+ last") == "first\nlast")
    }

    @Test("a backslash at the end of a line joins the next line")
    func backslashContinuation() throws {
        #expect(try name(in: Self.head + "Id: a\nName: Nurali \\\nAitelenov\n") == "Nurali Aitelenov")
        #expect(try name(in: Self.head + "Id: a\nName: a\\\nb\\\nc\n") == "abc")
        // Two backslashes: the first is kept, the second joins (an empty line here).
        #expect(try name(in: Self.head + "Id: a\nName: x\\\\\n\n") == "x\\")
        // At the end of the file, as recsel reads it: the backslash-newline is dropped.
        #expect(try name(in: Self.head + "Id: a\nName: x\\\n") == "x")
    }

    @Test("continuation lines: one space after '+' is dropped, a tab is kept")
    func continuationLines() throws {
        #expect(try name(in: Self.head + "Id: a\nName: x\n+ y\n+  z\n+\n+\tt\n+w\n") == "x\ny\n z\n\n\tt\nw")
        #expect(try name(in: Self.head + "Id: a\nName:\n+ after an empty first line\n") == "\nafter an empty first line")
    }

    @Test("one space or tab after the colon is dropped, more are kept")
    func afterColon() throws {
        #expect(try name(in: Self.head + "Id: a\nName:x\n") == "x")
        #expect(try name(in: Self.head + "Id: a\nName:\tx\n") == "x")
        #expect(try name(in: Self.head + "Id: a\nName:   x  \n") == "  x  ")
        #expect(try name(in: Self.head + "Id: a\nName:\n") == "")
    }

    @Test("lines of spaces and tabs separate records; comments may sit anywhere")
    func blankLinesAndComments() throws {
        let text = Self.head + "# before\nId: a\n# inside\nName: A\n \t\nId: b\nName: B\n"
        let caseFile = try CaseReader.read(text: text).caseFile
        #expect(caseFile.count(of: .person) == 2)
        #expect(caseFile["a"]?.comments.map(RecordComment.text) == [" before", " inside"])
    }

    @Test("an empty file is an empty case that saves as a fresh one")
    func emptyFile() throws {
        let caseFile = try CaseReader.read(text: "").caseFile
        #expect(caseFile.count == 0)
        #expect(caseFile.header.revision == 0)
        #expect(CaseWriter.text(of: caseFile) == CaseWriter.text(of: CaseFile()))
        #expect(CaseWriter.text(of: CaseFile()) == "# casefile format 1\n%rec: Casefile\n\nFormat: 1\nRevision: 0\n")
    }

    @Test("a file of comments only keeps them")
    func commentsOnly() throws {
        let caseFile = try CaseReader.read(text: "# just a note\n").caseFile
        #expect(caseFile.trailingComments == [" just a note"])
    }

    @Test("a header without Format is read as format 1 and gets one on save")
    func headerWithoutFormat() throws {
        let caseFile = try CaseReader.read(text: "%rec: Casefile\n\nTitle: T\n").caseFile
        #expect(caseFile.header["Format"] == "1")
        #expect(CaseWriter.text(of: caseFile).contains("\nFormat: 1\nTitle: T\n"))
    }

    @Test("random damage to a valid file never crashes the reader", arguments: Array(UInt64(1)...300))
    func fuzz(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var bytes = CaseWriter.bytes(of: RandomCase.make(seed: seed, options: .init(entries: 8, longValues: false)))
        let pieces: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x5C], [0x5C, 0x0A], [0x2B], [0x3A], [0x23], [0x25], [0x00],
                                 [0xFF], [0xC3], [0xE2, 0x82], [0x20], [0x09], Array("%rec: Person\n".utf8),
                                 Array("Id: x\n".utf8), Array("Format: 9\n".utf8)]
        for _ in 0..<rng.int(1...6) {
            guard !bytes.isEmpty else { break }
            let at = rng.int(0...(bytes.count - 1))
            switch rng.int(0...3) {
            case 0: bytes.insert(contentsOf: rng.pick(pieces), at: at)
            case 1: bytes.remove(at: at)
            case 2: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            default: bytes.removeSubrange(at...)
            }
        }
        let lineCount = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
        do {
            let result = try CaseReader.read(bytes: bytes, file: "fuzz", validate: true)
            for diagnostic in result.diagnostics {
                #expect((1...lineCount).contains(diagnostic.line), "seed \(seed): \(diagnostic)")
            }
        } catch let error as LoadError {
            #expect(!error.diagnostics.isEmpty)
            for diagnostic in error.diagnostics {
                #expect((1...lineCount).contains(diagnostic.line) && diagnostic.column >= 1, "seed \(seed): \(diagnostic)")
            }
        } catch {
            Issue.record("seed \(seed): unexpected error \(error)")
        }
    }
}
