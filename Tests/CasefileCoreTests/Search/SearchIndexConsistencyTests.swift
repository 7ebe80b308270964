import CasefileTestSupport
import Testing
@testable import CasefileCore

/// The index, changed entry by entry and note by note, must answer every query exactly as
/// a brute-force scan of the same case does: same hits, order, scores, snippets, counts.
@Suite("Search index consistency")
struct SearchIndexConsistencyTests {
    static let words = [
        "Есимов", "Есимова", "Есимову", "Esimov", "Yesimov", "Айтеленов", "Aitelenov", "Aitelnov", "Кибраев",
        "Kibraev", "Алматы", "Almaty", "Алматыда", "Қазақстан", "Kazakhstan", "Qazaqstan", "ланч", "lunch",
        "блогер", "блогеры", "bloggers", "#Есимов", "#Алматы", "@extremkz", "Ғалым", "Galym", "Жұмабек",
        "Zhumabek", "Исмаилов", "Максимов", "Masimov", "Щёлоков", "Shchyolokov", "аким", "mayor", "на",
        "ресторане", "restaurant", "#KAZ", "Esimov's", "Il'in", "Пyтин", "Путин", "freedom", "свобода",
    ]
    static let langs = ["ru", "kk", "en", "en-GB", "kk-Cyrl"]

    struct Run {
        var rng: SeededGenerator
        var caseFile = CaseFile(title: "random")
        var index: SearchIndex
        var serial = 0

        /// Starts with `prefill` random entries indexed in bulk, as a loaded case is.
        init(seed: UInt64, prefill: Int = 0) {
            rng = SeededGenerator(seed: seed)
            index = SearchIndex(caseFile: CaseFile(), compactionFloor: 20)
            for _ in 0..<prefill {
                let entry = newEntry()
                caseFile.put(entry)
            }
            // In three parts, as a large case is indexed by several threads.
            index = SearchIndex(caseFile: caseFile, compactionFloor: 20, bulkParts: 3)
        }

        mutating func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

        mutating func text() -> String {
            (0..<(2 + Int(rng.next() % 9))).map { _ in pick(Self.allWords) }.joined(separator: chance(20) ? "\n" : " ")
        }
        static let allWords = SearchIndexConsistencyTests.words
        static let langs = SearchIndexConsistencyTests.langs

        mutating func ids(_ kind: Kind) -> [String] {
            caseFile.entries.values.filter { $0.kind == kind }.map(\.id).sorted()
        }

        mutating func newEntry() -> Entry {
            serial += 1
            switch rng.next() % 5 {
            case 0:
                var fields = [Field("Name", text())]
                if chance(50) { fields.append(Field("Handle", pick(["@extremkz", "@evlaman", "@glazishi1", "baitukenov"]))) }
                if chance(30) { fields.append(Field("Alias", text())) }
                if chance(40) { fields.append(Field("Tag", pick(["detained", "mayor", "Free speech"]))) }
                return Entry(kind: .person, id: "p\(serial)", fields: fields)
            case 1, 2:
                let people = ids(.person)
                var fields = [Field("Author", people.isEmpty ? "@extremkz" : pick(people + ["@extremkz"])),
                              Field("Lang", pick(Self.langs)), Field("Text", text()),
                              Field("Date", "2014-02-0\(1 + rng.next() % 9)")]
                if chance(30) { fields.append(Field("Tag", pick(["detained", "mayor", "Free speech"]))) }
                return Entry(kind: chance(80) ? .post : .quote, id: "e\(serial)", fields: fields)
            case 3:
                let originals = ids(.post) + ids(.quote)
                let of = originals.isEmpty ? "missing-original" : pick(originals)
                var fields = [Field("Of", of), Field("Lang", pick(["en", "ru", "en-US"])), Field("Text", text())]
                if chance(60) { fields.append(Field("By", pick(["Global Voices", "Марина Андрейченко", "lead"]))) }
                return Entry(kind: .translation, id: "t\(serial)", fields: fields)
            default:
                return Entry(kind: .source, id: "s\(serial)", fields: [Field("Title", text()), Field("Published", "2014-02-08")])
            }
        }

        /// One random change, applied to the case and reported to the index.
        mutating func step() {
            let entries = caseFile.entries.keys.sorted()
            let roll = rng.next() % 100
            if roll < 40 || entries.isEmpty {
                let entry = newEntry()
                caseFile.put(entry)
                index.update(old: nil, new: entry)
            } else if roll < 60 {
                let id = pick(entries)
                guard let old = caseFile[id] else { return }
                var new = old
                if let _ = old.text { new.set("Text", text()) } else if old.kind == .person { new.set("Name", text()) } else { new.set("Title", text()) }
                if chance(30), old.lang != nil { new.set("Lang", pick(Self.langs)) }
                if chance(20) { new.append("Tag", pick(["detained", "mayor"])) }
                caseFile.put(new)
                index.update(old: old, new: new)
            } else if roll < 72 {
                let id = pick(entries)
                guard let old = caseFile.removeEntry(id) else { return }
                index.update(old: old, new: nil)
            } else if roll < 88 || caseFile.notes.isEmpty {
                let on = chance(90) ? pick(entries) : "no-such-entry"
                let note = Note(NoteKey(on: on, at: "2014-02-1\(rng.next() % 10)T00:00:00Z", by: pick(["lead", ""]), text: text()))
                let old = caseFile.put(note)
                index.update(old: old, new: note)
            } else {
                let key = pick(caseFile.notes.keys.sorted())
                guard let old = caseFile.removeNote(key) else { return }
                if chance(50) {
                    let moved = Note(NoteKey(on: pick(entries), at: key.at, by: key.by, text: text()))
                    let replaced = caseFile.put(moved)
                    if let replaced { index.update(old: replaced, new: nil) }
                    index.update(old: old, new: moved)
                } else {
                    index.update(old: old, new: nil)
                }
            }
        }

        mutating func randomQuery() -> String {
            let word = pick(Self.allWords)
            let other = pick(Self.allWords)
            switch rng.next() % 16 {
            case 0: return word + " " + other
            case 1: return "\"\(word) \(other)\""
            case 2: return String(word.prefix(3)) + "*"
            case 3: return word + " OR " + other
            case 4: return word + " -" + other
            case 5: return "=" + word
            case 6: return "kind:" + pick(["post", "person", "translation", "quote", "source"]) + " " + word
            case 7: return "lang:" + pick(["ru", "en", "kk"]) + (chance(50) ? " " + word : "")
            case 8: return "author:" + pick(["@extremkz", "@evlaman", "p3", "baitukenov"]) + (chance(50) ? " " + word : "")
            case 9: return "tag:" + pick(["detained", "\"free speech\"", "mayor"])
            case 10: return "by:" + pick(["global", "\"Global Voices\"", "Марина"]) + (chance(50) ? " " + word : "")
            case 11: return "date:2014-02-0\(1 + rng.next() % 4)..2014-02-0\(5 + rng.next() % 4)" + (chance(50) ? " " + word : "")
            case 12: return pick(["has:translation", "missing:translation", "-has:translation kind:post"])
            case 13: return "(" + word + " OR " + other + ") -kind:person"
            case 14: return "\"" + pick(["на ланче", "Esimov lunch", "#Есимов ланч", "в ресторане"]) + "\""
            default: return word
            }
        }
    }

    static func describe(_ results: SearchResults) -> [String] {
        ["total \(results.total)"] + results.hits.map { hit in
            "\(hit.kind.word) \(hit.id) \(hit.score) \(hit.original ?? "-") \(hit.translations) "
                + "\(hit.snippet.field): \(hit.snippet.text) \(hit.snippet.highlightedWords)"
        }
    }

    static func check(_ run: inout Run, queries: Int) throws {
        let fresh = SearchIndex(caseFile: run.caseFile, compactionFloor: 50_000, bulkParts: 1 + Int(run.rng.next() % 4))
        #expect(run.index.count == run.caseFile.entries.count)
        for _ in 0..<queries {
            let text = run.randomQuery()
            let query = try SearchQuery.parse(text)
            let limit: Int? = run.chance(50) ? Int(run.rng.next() % 5) + 1 : nil
            let exact = run.chance(10)
            let scanned = describe(SearchScan.search(query, in: run.caseFile, limit: limit, exact: exact))
            let indexed = describe(run.index.search(query, in: run.caseFile, limit: limit, exact: exact))
            let rebuilt = describe(fresh.search(query, in: run.caseFile, limit: limit, exact: exact))
            #expect(indexed == scanned, "query \(text) limit \(limit.map(String.init) ?? "none") exact \(exact)")
            #expect(rebuilt == scanned, "fresh index, query \(text)")
        }
    }

    @Test("random changes, index against scan", arguments: [(1, 0), (2, 0), (3, 60), (4, 120)] as [(UInt64, Int)])
    func randomSequences(seed: UInt64, prefill: Int) throws {
        var run = Run(seed: seed, prefill: prefill)
        for step in 1...240 {
            run.step()
            if step % 20 == 0 { try Self.check(&run, queries: 25) }
        }
        if prefill == 0 {
            #expect(run.index.store.compactions > 0, "the sequence should have compacted at least once")
        }
    }

    @Test("changing or removing each entry of a bulk-loaded case, whatever its slot, keeps statistics exact")
    func everyBulkSlot() throws {
        var run = Run(seed: 7, prefill: 40)
        let ids = run.caseFile.entries.keys.sorted()
        let query = try SearchQuery.parse("Esimov OR Алматы OR lunch OR блогер OR Aitelenov OR Kibraev")
        for (n, id) in ids.enumerated() {
            guard let old = run.caseFile[id] else { continue }
            if n % 2 == 0 {
                run.caseFile.removeEntry(id)
                run.index.update(old: old, new: nil)
            } else {
                var new = old
                new.append("Tag", "changed")
                run.caseFile.put(new)
                run.index.update(old: old, new: new)
            }
            let expected = Self.describe(SearchScan.search(query, in: run.caseFile))
            #expect(Self.describe(run.index.search(query, in: run.caseFile)) == expected, "after changing \(id)")
        }
    }

    @Test("a stale `old` does no harm: the index trusts its own copy")
    func staleOld() throws {
        var run = Run(seed: 11, prefill: 30)
        let id = try #require(run.caseFile.entries.keys.sorted().first)
        let current = try #require(run.caseFile[id])
        var stale = current
        stale.id = id
        stale.fields = [Field("Name", "Совсем другое имя")]
        var new = current
        new.append("Tag", "renamed")
        run.caseFile.put(new)
        run.index.update(old: stale, new: new)
        run.index.update(old: nil, new: new)  // told twice: still one entry
        for text in ["tag:renamed", "Совсем", "Esimov OR Алматы"] {
            let query = try SearchQuery.parse(text)
            #expect(Self.describe(run.index.search(query, in: run.caseFile))
                    == Self.describe(SearchScan.search(query, in: run.caseFile)), "\(text)")
        }
        #expect(run.index.count == run.caseFile.entries.count)
    }

    @Test("a limited search returns the first hits of the full ranking")
    func limitIsAPrefix() throws {
        var run = Run(seed: 99)
        for _ in 0..<150 { run.step() }
        for word in ["Esimov", "Алматы", "kind:post", "lunch OR ланч"] {
            let query = try SearchQuery.parse(word)
            let all = run.index.search(query, in: run.caseFile)
            let top = run.index.search(query, in: run.caseFile, limit: 3)
            #expect(top.ids == Array(all.ids.prefix(3)))
            #expect(top.total == all.total)
        }
    }
}
