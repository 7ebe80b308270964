import CasefileTestSupport
import Testing
@testable import CasefileCore

/// The index's own string tables must behave exactly like a dictionary, under churn too
/// (removal shifts later entries back instead of leaving tombstones).
@Suite("String key tables")
struct StringKeyTableTests {
    @Test("IdSlots against a dictionary over random sets and removals", arguments: [1, 2, 3] as [UInt64])
    func idSlotsMatchADictionary(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var table = IdSlots()
        var model: [String: Int32] = [:]
        var ids: [String] = []
        // Few distinct Ids, so that sets replace and removals hit long probe runs.
        let pool = (0..<300).map { "id-\($0)-Есимов" } + (0..<50).map { String($0) }
        for step in 0..<20_000 {
            let id = pool[Int(rng.next() % UInt64(pool.count))]
            if rng.next() % 3 == 0 {
                #expect(table.remove(id, ids: ids) == model.removeValue(forKey: id), "step \(step): remove \(id)")
            } else {
                let slot = Int32(ids.count)
                ids.append(id)
                #expect(table.set(id, to: slot, ids: ids) == model.updateValue(slot, forKey: id), "step \(step): set \(id)")
            }
            if step % 997 == 0 {
                for candidate in pool { #expect(table.slot(of: candidate, ids: ids) == model[candidate]) }
                #expect(table.count == model.count)
            }
        }
        for candidate in pool { #expect(table.slot(of: candidate, ids: ids) == model[candidate]) }
    }

    @Test("the interner gives each string one id, and finds only strings it was given")
    func interner() {
        var interner = Interner()
        let words = (0..<5_000).map { "author-\($0 % 1_700)" }
        var seen: [String: Int32] = [:]
        for word in words {
            let id = interner.id(word)
            #expect(seen[word, default: id] == id)
            seen[word] = id
        }
        #expect(interner.strings.count == 1_700)
        #expect(interner.existing("author-1699") != nil)
        #expect(interner.existing("author-1700") == nil)
        #expect(interner.existing("") == nil)
    }

    @Test("translation map: adding, re-adding, removing")
    func translationMap() {
        var map = TranslationMap()
        map.add("p.en", lang: "en", of: "p")
        map.add("p.kk", lang: "kk", of: "p")
        map.add("p.en", lang: "en-gb", of: "p")
        #expect(map["p"].ids == ["p.en", "p.kk"])
        #expect(map["p"].langs == ["en-gb", "kk"])
        map.remove("p.en", of: "p")
        map.remove("p.kk", of: "p")
        #expect(!map.hasTranslations("p"))
        #expect(map["p"].isEmpty && map["q"].isEmpty)
        map.add("p.ru", lang: "ru", of: "p")
        #expect(map.hasTranslations("p") && map["p"].ids == ["p.ru"])
    }
}
