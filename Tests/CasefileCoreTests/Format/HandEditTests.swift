import CasefileCore
import CasefileTestSupport
import Testing

/// What a user adds to a case file by hand survives a load and a save, in a stable place.
@Suite("Hand edits survive load and save")
struct HandEditTests {
    static let edited = """
        # casefile format 1
        # My notes on the case, kept at the top.
        %rec: Casefile

        Format: 1
        Title: Kazakh bloggers
        Revision: 2
        Reviewer: Dana

        # People first.
        %rec: Person
        %key: Id
        %mandatory: Name
        %doc: Everyone named in the article.
        %type: Handle line

        # The blogger who tweeted.
        Id: aitelenov
        Name: Nurali Aitelenov
        Handle: @extremkz
        Birthplace: Almaty
        Birthplace: Karaganda

        %rec: Capture
        %doc: Screenshots we hold.

        File: shot-1.png
        Sha1: 0a1b
        # checked twice
        Taken: 2014-02-05

        File: shot-2.png

        %rec: Post
        %key: Id
        %mandatory: Author Text

        Id: extremkz-2014-02-04
        Author: aitelenov
        Text: Завтра у #Есимов‘а на ланче…
        Confidence: high

        # Trailing thoughts.
        # Second line.

        """

    @Test("unknown fields, comments, extra record types and descriptor lines are kept")
    func kept() throws {
        let caseFile = try CaseReader.read(text: Self.edited, validate: true).caseFile
        let person = try #require(caseFile["aitelenov"])
        #expect(person.values("Birthplace") == ["Almaty", "Karaganda"])
        #expect(person.comments == [" The blogger who tweeted."])
        #expect(caseFile["extremkz-2014-02-04"]?["Confidence"] == "high")
        #expect(caseFile.header["Reviewer"] == "Dana")
        #expect(caseFile.leadingComments == [" My notes on the case, kept at the top."])
        #expect(caseFile.header.comments == [])
        #expect(caseFile.descriptorExtras[.person] == [Field("%doc", "Everyone named in the article."), Field("%type", "Handle line")])
        #expect(caseFile.descriptorComments[.person] == [" People first."])
        #expect(caseFile.foreign.count == 1)
        let evidence = try #require(caseFile.foreign.first)
        #expect(evidence.recordType == "Capture")
        #expect(evidence.descriptor == [Field("%rec", "Capture"), Field("%doc", "Screenshots we hold.")])
        #expect(evidence.records.map { $0["File"] } == ["shot-1.png", "shot-2.png"])
        #expect(evidence.records[0].comments == [])
        #expect(evidence.records[0].fields.map(\.name) == ["File", "Sha1", "#", "Taken"])
        #expect(evidence.records[0].fields[2] == .comment(" checked twice"))
        #expect(caseFile.trailingComments == [" Trailing thoughts.", " Second line."])
    }

    @Test("a saved hand-edited file is canonical: saving it again changes nothing")
    func stable() throws {
        let once = CaseWriter.bytes(of: try CaseReader.read(text: Self.edited).caseFile)
        let twice = CaseWriter.bytes(of: try CaseReader.read(bytes: once).caseFile)
        #expect(ByteDifference.first(once, twice) == nil)
        let text = String(decoding: once, as: UTF8.self)
        // The foreign type comes after the known ones; the hand-added lines are all there.
        for piece in ["Birthplace: Almaty\nBirthplace: Karaganda\n", "%doc: Everyone named in the article.\n%type: Handle line\n",
                      "Reviewer: Dana\n", "Confidence: high\n", "# Trailing thoughts.\n# Second line.\n",
                      "%rec: Capture\n%doc: Screenshots we hold.\n", "Sha1: 0a1b\n# checked twice\nTaken: 2014-02-05\n"] {
            #expect(text.contains(piece), "missing: \(piece)")
        }
        #expect(text.hasPrefix("# casefile format 1\n# My notes on the case, kept at the top.\n%rec: Casefile\n"))
        let post = try #require(text.range(of: "%rec: Post"))
        let evidence = try #require(text.range(of: "%rec: Capture"))
        #expect(post.lowerBound < evidence.lowerBound)
    }

    @Test("hand edits survive a change made by casefile")
    func afterAChange() throws {
        var caseFile = try CaseReader.read(text: Self.edited).caseFile
        caseFile.put(Entry(kind: .person, id: "esimov", fields: [Field("Name", "Akhmetzhan Esimov")]))
        let reread = try CaseReader.read(bytes: CaseWriter.bytes(of: caseFile)).caseFile
        #expect(reread["aitelenov"]?.values("Birthplace") == ["Almaty", "Karaganda"])
        #expect(reread["esimov"]?.name == "Akhmetzhan Esimov")
        #expect(reread.foreign == caseFile.foreign)
        #expect(reread == caseFile)
    }

    @Test("a descriptor with hand-added lines stays when its kind loses its records")
    func emptiedKind() throws {
        var caseFile = try CaseReader.read(text: Self.edited).caseFile
        caseFile.removeEntry("aitelenov")
        let text = CaseWriter.text(of: caseFile)
        #expect(text.contains("%rec: Person\n%key: Id\n%mandatory: Name\n%doc: Everyone named in the article."))
        #expect(!text.contains("Id: aitelenov\n"))
    }

    @Test("a kind that loses all its records and had no hand edits loses its descriptor")
    func emptiedPlainKind() throws {
        var caseFile = try CaseReader.read(text: Self.edited).caseFile
        caseFile.removeEntry("extremkz-2014-02-04")
        #expect(!CaseWriter.text(of: caseFile).contains("%rec: Post"))
    }
}
