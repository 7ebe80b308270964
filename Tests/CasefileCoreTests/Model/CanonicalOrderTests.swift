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

    /// A case read from a canonical file keeps each kind's entries as read, so that its
    /// export looks up no Id; edits, replacements and entries added at a kind's end are
    /// followed; any other change drops that kind alone, whose order is then worked out from
    /// the tables again, with the change in it.
    @Test("a case read from a canonical file lists its entries as read, and after any change, as they are")
    func entriesAsLoaded() throws {
        var built = CaseFile(title: "Loaded")
        for number in [3, 11, 2, 25, 7] {
            built.put(Entry(kind: .post, id: "post\(number)", fields: [Field("Author", "person3"), Field("Text", "text \(number)")]))
            built.put(Entry(kind: .person, id: "person\(number)", fields: [Field("Name", "Name \(number)")]))
        }
        for (from, to) in [("person3", "post7"), ("person11", "post2"), ("person2", "post25")] {
            built.put(Link(LinkKey(from: from, rel: "mentions", to: to)))
            built.put(Note(NoteKey(on: to, at: "", by: "lead", text: "on \(to)")))
        }
        let canonical = CaseWriter.text(of: built)
        func loaded() throws -> CaseFile { try CaseReader.read(text: canonical).caseFile }
        /// Each kind's entries by `orderedEntries`, checked against the Ids and the tables.
        func expectOrdered(_ caseFile: CaseFile, _ comment: Comment) {
            for kind in Kind.identified {
                let entries = caseFile.orderedEntries(of: kind)
                #expect(entries.map(\.id) == caseFile.orderedIds(of: kind), comment)
                #expect(entries.allSatisfy { $0.kind == kind && caseFile[$0.id] == $0 }, comment)
            }
        }
        /// Whether `kind`'s entries are taken as held, without looking up Ids.
        func held(_ caseFile: CaseFile, _ kind: Kind) -> Bool { caseFile.entriesAsLoaded.entries(of: kind) != nil }
        let fresh = try loaded()
        #expect(Kind.identified.allSatisfy { held(fresh, $0) })
        #expect(fresh.orderedEntries(of: .post).map(\.id) == ["post11", "post2", "post25", "post3", "post7"])
        expectOrdered(fresh, "as loaded")

        var added = try loaded()
        added.put(Entry(kind: .post, id: "post10", fields: [Field("Author", "person3"), Field("Text", "new")]))
        #expect(!held(added, .post), "added between two Ids: the posts are looked up")
        #expect(held(added, .person), "the other kinds are still held")
        expectOrdered(added, "after an entry was added")
        #expect(added.orderedEntries(of: .post).map(\.id).contains("post10"))

        var appended = try loaded()
        appended.put(Entry(kind: .post, id: "post8", fields: [Field("Author", "person3"), Field("Text", "last")]))
        appended.put(Entry(kind: .person, id: "person99", fields: [Field("Name", "Last")]))
        #expect(held(appended, .post) && held(appended, .person), "added after the last Id: held")
        expectOrdered(appended, "after entries were added at the end")
        #expect(appended.orderedEntries(of: .post).map(\.id).last == "post8")

        var replaced = try loaded()
        replaced.put(Entry(kind: .person, id: "person2", fields: [Field("Name", "Renamed")]))
        #expect(held(replaced, .person))
        expectOrdered(replaced, "after an entry was replaced")
        #expect(replaced.orderedEntries(of: .person).first { $0.id == "person2" }?.fields == [Field("Name", "Renamed")])

        // Links and notes: none removed, so listed as read and as added, with none looked up.
        let links = [LinkKey(from: "person11", rel: "mentions", to: "post2"), LinkKey(from: "person2", rel: "mentions", to: "post25"),
                     LinkKey(from: "person3", rel: "mentions", to: "post7")]
        #expect(fresh.orderedLinks() == links)
        #expect(fresh.orderedNotes().map(\.on) == ["post2", "post25", "post7"])
        added.put(Link(LinkKey(from: "person25", rel: "mentions", to: "post3")))
        added.put(Link(links[0], fields: [Field("Note", "replaced, not added again")]))
        #expect(added.orderedLinks() == links.prefix(2) + [LinkKey(from: "person25", rel: "mentions", to: "post3")] + links.suffix(1))
        added.removeLink(links[1])
        added.removeNote(fresh.orderedNotes()[0])
        #expect(added.orderedLinks() == [links[0], LinkKey(from: "person25", rel: "mentions", to: "post3"), links[2]])
        #expect(added.orderedNotes().map(\.on) == ["post25", "post7"])

        var removed = try loaded()
        removed.removeEntry("post2")
        #expect(!held(removed, .post) && held(removed, .person))
        expectOrdered(removed, "after an entry was removed")
        #expect(!removed.orderedEntries(of: .post).map(\.id).contains("post2"))

        var changedKind = try loaded()
        changedKind.put(Entry(kind: .quote, id: "post3", fields: [Field("Speaker", "person3"), Field("Text", "now a quote")]))
        #expect(!held(changedKind, .post) && !held(changedKind, .quote) && held(changedKind, .person))
        expectOrdered(changedKind, "after an entry became another kind")
        #expect(changedKind.orderedEntries(of: .quote).map(\.id) == ["post3"])

        var edited = try loaded()
        edited.editFields(of: "post7") { $0 = [Field("Author", "person3"), Field("Text", "edited")] }
        #expect(held(edited, .post), "an edit in place is followed")
        expectOrdered(edited, "after an entry was edited in place")
        #expect(edited.orderedEntries(of: .post).first { $0.id == "post7" }?.text == "edited")
        #expect(fresh.orderedEntries(of: .post).first { $0.id == "post7" }?.text == "text 7", "the copy loaded before is unchanged")

        // Records out of order (by hand): the order is worked out, not taken as read.
        let unsorted = try CaseReader.read(text: canonical.replacingOccurrences(of: "Id: post11", with: "Id: post99")).caseFile
        #expect(Kind.identified.allSatisfy { !held(unsorted, $0) })
        expectOrdered(unsorted, "a file whose records are out of order")
    }

    /// Random changes to a case read from a canonical file: after each, every kind's entries
    /// (held or looked up) are its Ids in order, each the one in the table; a copy taken on
    /// the way is not changed by what follows.
    @Test("after any sequence of changes, the entries held as read are the table's, in order, and a copy keeps its own")
    func entriesAsLoadedUnderRandomChanges() throws {
        var random = TranscriptRandom(seed: 23)
        var built = CaseFile(title: "Random")
        for number in 0..<40 {
            built.put(Entry(kind: .person, id: "m\(number * 5)", fields: [Field("Name", "Name \(number)")]))
            built.put(Entry(kind: .post, id: "p\(number * 5)", fields: [Field("Author", "m0"), Field("Text", "text \(number)")]))
        }
        var caseFile = try CaseReader.read(text: CaseWriter.text(of: built)).caseFile
        var snapshot: (caseFile: CaseFile, posts: [Entry], people: [Entry])?
        var checkedWhileHeld = 0
        /// A valid record of `kind` (the case is read again from what it writes).
        func fields(_ kind: Kind, _ text: String) -> [Field] {
            kind == .person ? [Field("Name", text)] : [Field("Author", "m0"), Field("Text", text)]
        }
        for step in 0..<600 {
            let kind: Kind = random.chance(0.5) ? .person : .post
            let id = (kind == .person ? "m" : "p") + "\(random.int(0...260))"
            switch random.int(0...9) {
            case 0...3:
                caseFile.put(Entry(kind: kind, id: id, fields: fields(kind, "put \(step)")))
            case 4...6:
                caseFile.editFields(of: id) { $0.append(Field("Tag", "t\(step)")) }
            case 7:
                caseFile.removeEntry(id)
            case 8:
                caseFile.put(Entry(kind: .quote, id: id, fields: [Field("Speaker", "m0"), Field("Text", "quote \(step)")]))
            default:
                // An entry after the last Id of its kind: followed, not dropped.
                let last = caseFile.orderedIds(of: kind).last ?? ""
                caseFile.put(Entry(kind: kind, id: last + "z", fields: fields(kind, "last \(step)")))
            }
            for kind in Kind.identified {
                let entries = caseFile.orderedEntries(of: kind)
                #expect(entries.map(\.id) == caseFile.orderedIds(of: kind), "step \(step), \(kind)")
                #expect(entries.allSatisfy { $0.kind == kind && caseFile[$0.id] == $0 }, "step \(step), \(kind)")
                if caseFile.entriesAsLoaded.entries(of: kind) != nil && !entries.isEmpty { checkedWhileHeld += 1 }
            }
            if step == 100 {
                snapshot = (caseFile, caseFile.orderedEntries(of: .post), caseFile.orderedEntries(of: .person))
            }
            // A fresh load from time to time, so that every kind is held again.
            if step % 40 == 39 { caseFile = try CaseReader.read(text: CaseWriter.text(of: caseFile)).caseFile }
        }
        #expect(checkedWhileHeld > 150, "the held lists were checked, not only the lookups: \(checkedWhileHeld)")
        let kept = try #require(snapshot)
        #expect(kept.caseFile.orderedEntries(of: .post) == kept.posts)
        #expect(kept.caseFile.orderedEntries(of: .person) == kept.people)
    }
}
