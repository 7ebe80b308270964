import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Export: the selection step")
struct ExportSelectionTests {
    static func notebook() throws -> Notebook {
        let notebook = Notebook(caseFile: try ExportFixtures.example(), output: BufferOutput(), settings: Settings(userName: "t"))
        notebook.journaling = false
        return notebook
    }

    static func words(_ text: String) -> [Word] { text.split(separator: " ").map { Word(String($0)) } }

    @Test("no selection exports the whole case in canonical order")
    func wholeCase() throws {
        let notebook = try Self.notebook()
        let set = try notebook.exportSet(query: [], entries: [])
        let caseFile = notebook.caseFile
        #expect(set.selection == nil)
        for kind in Kind.identified { #expect(set.ids(of: kind) == caseFile.orderedIds(of: kind)) }
        #expect(set.links == caseFile.orderedLinks())
        #expect(set.notes == caseFile.orderedNotes())
    }

    @Test("a query brings its hits' translations, authors, sources, links and notes")
    func queryWithWhatItNeeds() throws {
        let set = try Self.notebook().exportSet(query: Self.words("kind:post author:@extremkz"), entries: [])
        #expect(set.ids(of: .post) == ["extremkz-2014-02-04", "extremkz-2014-02-05"])
        #expect(set.ids(of: .translation) == ["extremkz-2014-02-04.en", "extremkz-2014-02-05.en"])
        let people = Set(set.ids(of: .person))
        #expect(people.isSuperset(of: ["aitelenov", "esimov", "ikairat", "kadumankz", "yakovfedorov"]))
        #expect(!people.contains("kibraev"))
        #expect(set.ids(of: .source) == ["some-kazakh-bloggers-dine-with-mayor-some-get-jail-terms"])
        #expect(set.links.allSatisfy { $0.from.hasPrefix("extremkz-") || $0.to.hasPrefix("extremkz-") })
        #expect(set.links.count == 7)
        #expect(set.notes.map(\.on).contains("extremkz-2014-02-05"))
        #expect(set.selection?.query == "kind:post author:@extremkz")
    }

    @Test("--entries brings the entry's links both ways and what they reach, with translations")
    func entries() throws {
        let notebook = try Self.notebook()
        let set = try notebook.exportSet(query: [], entries: [Word("@extremkz")])
        #expect(set.selection?.entries == ["aitelenov"])
        #expect(Set(set.ids(of: .person)).isSuperset(of: ["aitelenov", "kibraev", "shchyolokov", "esimov"]))
        #expect(set.ids(of: .post) == ["extremkz-2014-02-04", "extremkz-2014-02-05"])
        #expect(set.ids(of: .translation) == ["extremkz-2014-02-04.en", "extremkz-2014-02-05.en"])
        #expect(set.links.allSatisfy { $0.from == "aitelenov" || $0.to == "aitelenov" })
        #expect(set.links.count == 5)
        #expect(!set.ids(of: .post).contains("glazishi1-2014-02-05"))
    }

    @Test("status: keeps translations of that status only; a query with it selects originals")
    func status() throws {
        let notebook = try Self.notebook()
        let final = try notebook.exportSet(query: Self.words("lang:ru status:final"), entries: [])
        #expect(final.ids(of: .translation).count == 8)
        #expect(final.selection?.statuses == ["final"])
        let draft = try notebook.exportSet(query: Self.words("lang:ru status:draft"), entries: [])
        #expect(draft.ids(of: .translation).isEmpty)
        #expect(draft.ids(of: .post).count == 7)
        let everythingDraft = try notebook.exportSet(query: Self.words("status:draft"), entries: [])
        #expect(everythingDraft.ids(of: .translation).isEmpty)
        #expect(everythingDraft.ids(of: .person).count == 14)
    }

    @Test("the same selection gives the same set, whatever the order of its parts")
    func deterministic() throws {
        let notebook = try Self.notebook()
        let a = try notebook.exportSet(query: Self.words("esimov"), entries: [Word("prediktor-q1.en"), Word("kibraev")])
        let b = try notebook.exportSet(query: Self.words("esimov"), entries: [Word("kibraev"), Word("prediktor-q1.en")])
        #expect(a.ids == b.ids)
        #expect(a.links == b.links)
        #expect(a.notes == b.notes)
    }

    @Test("a bad query or an unknown entry is an error that says where")
    func errors() throws {
        let notebook = try Self.notebook()
        #expect(throws: CommandError.self) { try notebook.exportSet(query: Self.words("status:"), entries: []) }
        do {
            _ = try notebook.exportSet(query: Self.words("colour:red"), entries: [])
            Issue.record("an unknown filter was accepted")
        } catch {
            #expect(error.message.contains("unknown filter"))
            #expect(error.word?.text == "colour:")
        }
        do {
            _ = try notebook.exportSet(query: [], entries: [Word("nobody-at-all")])
            Issue.record("an unknown entry was accepted")
        } catch {
            #expect(error.message.contains("nobody-at-all"))
        }
    }

    @Test("the shell's export command writes a file and says what it held")
    func shellCommand() throws {
        let folder = try TemporaryFolder()
        let output = BufferOutput()
        let notebook = Notebook(caseFile: try ExportFixtures.example(), output: output, settings: Settings(userName: "t"))
        notebook.journaling = false
        let report = notebook.runScript("""
            export json kind:post author:@extremkz --out \(folder.file("x.json"))
            export csv --kind person
            export tmx --entries prediktor-q1 --out \(folder.file("q.tmx"))
            """, name: "s.cf")
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(output.text.contains("exported json (5 people, 2 posts, 2 translations, 1 source, 7 links, 3 notes) to \(folder.file("x.json"))"))
        #expect(output.text.contains("Id,Name,Handle,Alias,Spelling,Role,Url,Source,Tag\n"))
        #expect(try folder.read("q.tmx").contains("<tu tuid=\"prediktor-q1.en\""))
        let errors = ["export pdf", "export csv", "export html --kind post", "export html --out \(folder.path)"].map {
            notebook.runScript($0, name: "bad.cf").errors.joined()
        }
        #expect(errors[0].contains("unknown export format 'pdf'"))
        #expect(errors[1].contains("csv writes one table per kind"))
        #expect(errors[2].contains("--kind is for csv"))
        #expect(errors[3].contains("it is a folder"))
    }
}
