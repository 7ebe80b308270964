import CasefileCore
import CasefileTestSupport
import Testing

/// The relation vocabulary: words outside it are refused with a suggestion unless written
/// `rel!` or declared for the case with `relation add`, which the case file keeps.
@Suite("Relation vocabulary")
struct RelationVocabularyTests {
    @Test("a relation outside the vocabulary is refused with the nearest word", arguments: [
        ("critizises", "did you mean 'criticizes'?; declare it with relation add critizises \"DESCRIPTION\", or write critizises! for a one-off"),
        ("detained-wiht", "did you mean 'detained-with'?; declare it with relation add detained-wiht \"DESCRIPTION\", or write detained-wiht! for a one-off"),
        ("witnessed-by", "declare it with relation add witnessed-by \"DESCRIPTION\", or write witnessed-by! for a one-off"),
    ])
    func refused(rel: String, hint: String) {
        let session = Fixture.session()
        let errors = session.notebook.runInteractive("link aitelenov \(rel) kibraev").joined()
        #expect(errors.contains("error: '\(rel)' is not a relation of this case"), "\(errors)")
        #expect(errors.contains("hint: " + hint), "\(errors)")
        #expect(session.notebook.caseFile.links.count == 1)
    }

    @Test("a reverse reading is refused with the link that says the same")
    func reverseReading() {
        let errors = Fixture.session().notebook.runInteractive("link extremkz-2014-02-04 authored-by aitelenov").joined()
        #expect(errors.contains("error: 'authored-by' is how authored reads from the other end"))
        #expect(errors.contains("hint: link aitelenov authored extremkz-2014-02-04 says the same (or write authored-by! to keep this word)"))
    }

    @Test("rel! links with a one-off word; relation add declares one, kept in the header, shown in help link")
    func declaredAndForced() throws {
        let session = Fixture.session()
        session.check("""
            > link aitelenov overheard! kibraev
            linked aitelenov overheard kibraev
            > relation add witnessed-by "saw the event happen"
            declared relation witnessed-by: saw the event happen
            > link kibraev witnessed-by aitelenov
            linked kibraev witnessed-by aitelenov
            > relation add witnessed-by "saw the event happen"
            relation witnessed-by is declared already
            > relation add authored "x"
            error: 'authored' is a built-in relation already
             1 | relation add authored "x"
               |              ^^^^^^^^
              hint: link with it as it is
            """)
        #expect(session.notebook.caseFile.header.relations.map(\.name) == ["witnessed-by"])
        let help = session.replay("> help link")
        #expect(help.contains("declared in this case:\n  witnessed-by — saw the event happen"), "\(help)")
        #expect(session.notebook.caseFile.relationWords.contains("witnessed-by"))
    }

    @Test("a declared relation round-trips through the file, byte for byte, and recfix accepts it")
    func roundTrip() throws {
        let session = Fixture.session()
        session.setUp("""
            relation add witnessed-by "saw the event happen"
            relation add co-author "wrote it together"
            """)
        let bytes = session.bytes
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Relation: co-author wrote it together\nRelation: witnessed-by saw the event happen\n"))
        let read = try CaseReader.read(bytes: bytes, file: "x.rec").caseFile
        #expect(read.header.relations.map(\.name) == ["co-author", "witnessed-by"])
        #expect(CaseWriter.bytes(of: read) == bytes)
        guard try ExternalReader.require(Recutils.recfix != nil, "recfix (recutils)") else { return }
        let folder = try TemporaryFolder()
        let path = try folder.write("case.rec", text)
        let result = try Recutils.check(path)
        #expect(result.status == 0, "\(result)")
    }

    @Test("undo takes a declaration back")
    func undo() {
        let session = Fixture.session()
        session.setUp(#"relation add witnessed-by "saw it""#)
        _ = session.notebook.runInteractive("undo")
        #expect(session.notebook.caseFile.header.relations.isEmpty)
    }
}
