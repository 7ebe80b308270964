import CasefileCore
import CasefileTestSupport
import Testing

/// What casefile does not model stays where it was through a load and a save: comments
/// at the top, inside descriptors and between the fields of foreign records, records
/// before any descriptor, the one banner line.
@Suite("Comments, anonymous records and descriptors stay in place")
struct CommentPlacementTests {
    static let file = """
        # Notes kept at the very top.
        Loose: a record before any descriptor
        # between the loose fields
        Second: field

        Loose: another

        %rec: Ledger
        # why a ledger
        %key: Entry
        %type: Amount int

        Entry: 1
        # checked against the bank
        Amount: 30

        # casefile format 1
        %rec: Casefile

        Format: 1
        Title: Comments

        %rec: Person
        %key: Id
        # a note inside the descriptor
        %type: Born date

        Id: ana
        Name: Ana

        """

    func formatted(_ text: String) throws -> String {
        CaseWriter.text(of: try CaseReader.read(text: text, validate: true).caseFile)
    }

    @Test("a second fmt changes nothing, byte for byte")
    func stable() throws {
        let once = try formatted(Self.file)
        #expect(try formatted(once) == once)
    }

    @Test("the banner once, the top comment at the top, anonymous records before every descriptor")
    func top() throws {
        let text = try formatted(Self.file)
        #expect(text.components(separatedBy: "# casefile format 1").count == 2)
        #expect(text.hasPrefix("""
            # casefile format 1
            # Notes kept at the very top.
            Loose: a record before any descriptor
            # between the loose fields
            Second: field

            Loose: another

            %rec: Casefile

            """))
    }

    @Test("a comment inside a descriptor stays in it; one between fields stays between them")
    func inside() throws {
        let text = try formatted(Self.file)
        #expect(text.contains("%rec: Ledger\n# why a ledger\n%key: Entry\n%type: Amount int\n"))
        #expect(text.contains("Entry: 1\n# checked against the bank\nAmount: 30\n"))
        #expect(text.contains("%rec: Person\n%key: Id\n%mandatory: Name\n# a note inside the descriptor\n%type: Born date\n"))
    }

    @Test("recutils reads the same anonymous and Ledger records from the formatted file")
    func recutilsReadsTheSame() throws {
        guard try ExternalReader.require(Recutils.isAvailable, "recutils (recsel)") else { return }
        let folder = try TemporaryFolder()
        let path = try folder.write("c.rec", try formatted(Self.file))
        let ledger = try Recutils.values(of: "Amount", type: "Ledger", in: path)
        #expect(ledger.stdout == "30\n")
        #expect(try Recutils.check(path).status == 0)
    }

    @Test("a byte-order mark is skipped with a warning and not written back")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("%rec: Person\n\nId: ana\nName: Ana\n".utf8)
        let result = try CaseReader.read(bytes: bytes, file: "bom.rec", validate: true)
        #expect(result.caseFile["ana"]?.name == "Ana")
        #expect(result.diagnostics.map(\.description).contains { $0.hasPrefix("bom.rec:1:1: warning: the file starts with a UTF-8 byte-order mark") })
        #expect(CaseWriter.bytes(of: result.caseFile).prefix(3) != [0xEF, 0xBB, 0xBF])
    }

    @Test("CR LF line ends and a second descriptor of a type are read, with warnings that fmt repairs them")
    func crlfAndSecondDescriptor() throws {
        let text = "%rec: Ledger\r\n%key: Entry\r\n\r\nEntry: 1\r\n\r\n%rec: Ledger\r\n%type: Amount int\r\n\r\nEntry: 2\r\nAmount: x\r\n"
        let result = try CaseReader.read(text: text, file: "w.rec", validate: true)
        let described = result.diagnostics.map(\.description)
        #expect(described.contains { $0.hasPrefix("w.rec:1:1: warning: the lines end in CR LF") })
        #expect(described.contains { $0.hasPrefix("w.rec:6:1: warning: a second '%rec: Ledger' descriptor (the first is at line 1)") })
        #expect(described.contains { $0.hasPrefix("w.rec:10:9: error: 'Amount' value 'x' is not an integer (%type declared at w.rec:7)") })
        let written = CaseWriter.text(of: result.caseFile)
        #expect(!written.contains("\r"))
        #expect(written.components(separatedBy: "%rec: Ledger").count == 2)
        #expect(written.contains("%rec: Ledger\n%key: Entry\n%type: Amount int\n\nEntry: 1\n\nEntry: 2\nAmount: x\n"))
    }
}

extension CommentPlacementTests {
    @Test("a comment between two fields of an entry, a link or a session stays between them")
    func insideModelledRecords() throws {
        let text = """
            %rec: Person

            # before Ana
            Id: ana
            Name: Ana
            # her handle is new
            Handle: @ana
            # the end of Ana

            %rec: Link

            From: ana
            # why they are linked
            Rel: knows
            To: ana

            """
        let once = try formatted(text)
        #expect(once.contains("# before Ana\nId: ana\nName: Ana\n# her handle is new\nHandle: @ana\n# the end of Ana\n"))
        #expect(once.contains("From: ana\n# why they are linked\nRel: knows\nTo: ana\n"))
        #expect(try formatted(once) == once)
        let lines = CaseLines.lines(try CaseReader.read(text: once).caseFile)
        #expect(lines.contains("person ana | # her handle is new"))
    }
}
