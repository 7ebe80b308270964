@testable import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Canonical order of what was added since load")
struct CanonicalOrderTests {
    @Test("links and notes removed and added again, across merges, are listed and written once, in byte order")
    func addedAgain() throws {
        var random = TranscriptRandom(seed: 11)
        var caseFile = CaseFile(title: "Order")
        var links: Set<LinkKey> = []
        var notes: Set<NoteKey> = []
        // Over 4,096 additions, so the recent keys are merged into the sorted ones more than once.
        for step in 0..<20_000 {
            let link = LinkKey(from: "p\(random.int(0...300))", rel: "mentions", to: "Есимов\(random.int(0...20))")
            let note = NoteKey(on: "p\(random.int(0...300))", at: "", by: "", text: "n\(random.int(0...30))")
            if random.chance(0.3) {
                caseFile.removeLink(link)
                links.remove(link)
                caseFile.removeNote(note)
                notes.remove(note)
            } else {
                caseFile.put(Link(link))
                links.insert(link)
                caseFile.put(Note(note))
                notes.insert(note)
            }
            if step % 3000 == 0 {
                #expect(caseFile.orderedLinks() == links.sorted())
            }
        }
        #expect(caseFile.orderedLinks() == links.sorted())
        #expect(caseFile.orderedNotes() == notes.sorted())
        let text = CaseWriter.text(of: caseFile)
        let read = try CaseReader.read(text: text).caseFile
        #expect(read == caseFile)
        #expect(CaseWriter.text(of: read) == text)
    }

    @Test("Ids added again after removal, and moved to another kind, are listed once")
    func idsAddedAgain() {
        var caseFile = CaseFile()
        for round in 0..<3 {
            for index in 0..<5000 {
                let id = "e\(index)"
                let kind: Kind = (index + round) % 2 == 0 ? .person : .source
                let field = kind == .person ? Field("Name", "N") : Field("Title", "T")
                caseFile.put(Entry(kind: kind, id: id, fields: [field]))
                if index % 7 == round { caseFile.removeEntry(id) }
            }
        }
        let present = caseFile.entries.keys.sorted(by: ByteOrder.less)
        let listed = (caseFile.orderedIds(of: .person) + caseFile.orderedIds(of: .source)).sorted(by: ByteOrder.less)
        #expect(listed == present)
        #expect(Set(caseFile.orderedIds(of: .person)).count == caseFile.orderedIds(of: .person).count)
        #expect(caseFile.orderedIds(of: .source) == caseFile.orderedIds(of: .source).sorted(by: ByteOrder.less))
    }

    /// Exports take a kind's entries with `orderedEntries`, looked up in parts on every core
    /// for a large case: cut into parts of any size, they are the entries of `orderedIds`,
    /// in its order, with those removed or put back as another kind left out.
    @Test("a kind's entries looked up in parts are its ordered Ids' entries, in order")
    func entriesInParts() {
        var random = TranscriptRandom(seed: 5)
        var caseFile = CaseFile(title: "Parts")
        for step in 0..<3_000 {
            let id = "e\(random.int(0...1_500))"
            if random.chance(0.2) {
                caseFile.removeEntry(id)
            } else {
                caseFile.put(Entry(kind: random.chance(0.7) ? .post : .quote, id: id, fields: [Field("Text", "t\(step)")]))
            }
        }
        for kind in [Kind.post, .quote] {
            let ids = caseFile.orderedIds(of: kind)
            #expect(!ids.isEmpty)
            for minimumPart in [1, 7, 100, 16_384] {
                let entries = caseFile.orderedEntries(of: kind, minimumPart: minimumPart)
                #expect(entries.map(\.id) == ids, "\(kind), parts of at least \(minimumPart)")
                #expect(entries.allSatisfy { $0.kind == kind && caseFile[$0.id] == $0 })
            }
        }
    }
}
