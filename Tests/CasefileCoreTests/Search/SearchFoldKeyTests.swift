import Testing
@testable import CasefileCore

/// The folding key, spelled out: what each rule makes of a word. (The cross-script
/// suite checks the same through searches; this one shows the keys themselves.)
@Suite("Search folding keys")
struct SearchFoldKeyTests {
    static func info(_ word: String, _ namespace: Namespace = .word) -> TermInfo {
        var copy = word
        return copy.withUTF8 { TermAnalyzer.analyze($0, namespace: namespace) }
    }

    static let keys: [(String, [String])] = [
        ("Esimov", ["esimov"]), ("Есимов", ["esimov"]), ("Yesimov", ["esimov"]),
        ("Shchyolokov", ["Welokov", "Wiolokov"]), ("Щёлоков", ["Welokov"]), ("Ščëlokov", ["Welokov"]), ("Ŝelokov", ["Welokov"]),
        ("Aitelenov", ["aitelenov"]), ("Айтеленов", ["aitelenov"]), ("Ajtelenov", ["aitelenov"]),
        ("Kazakhstan", ["kazahstan", "kazakstan"]), ("Қазақстан", ["kazakstan"]), ("Qazaqstan", ["kazakstan"]),
        ("Jumabek", ["iumabek", "zumabek"]), ("Жұмабек", ["zumabek"]),
        ("Жаңаөзен", ["zanaozen", "zangaozen"]),
        ("Dmitriy", ["dmitri"]), ("Дмитрий", ["dmitri"]), ("Kassym", ["kasim"]),
        ("Ильин", ["ilin"]), ("Il'in", ["ilin"]), ("Chechnya", ["cecnia"]), ("Цой", ["coi"]), ("Tsoi", ["coi"]),
        ("Alexandr", ["aleksandr", "alehandr"]), ("Philipp", ["filip"]), ("Wladimir", ["vladimir"]),
        ("2002", ["2002"]), ("ЕСИМОВ", ["esimov"]),
    ]

    @Test("keys", arguments: keys)
    func key(_ pair: (String, [String])) {
        #expect(Self.info(pair.0).fullKeys == pair.1, "\(pair.0)")
    }

    @Test("inflection stems are cut in Cyrillic and from Latin keys, never -ов, and leave four letters")
    func stems() {
        #expect(Self.info("Есимову").stemKeys == ["esimov"])
        #expect(Self.info("Есимовым").stemKeys.contains("esimov"))
        #expect(Self.info("Есимов").stemKeys.isEmpty)  // -ов is not an ending
        #expect(Self.info("Алматыда").stemKeys.contains("almati"))
        #expect(Self.info("Esimova").stemKeys == ["esimov"])  // Latin keys lose the same endings
        #expect(Self.info("Navalnogo").stemKeys.contains("navaln"))
        #expect(Self.info("Navalny").stemKeys == ["navaln"])
        #expect(Self.info("Almatyda").stemKeys.contains("almati"))
        #expect(Self.info("Esimov").stemKeys.isEmpty)  // -ov is no ending in Latin either
        #expect(Self.info("2014a").stemKeys.isEmpty)  // nor are letters after digits
        #expect(Self.info("Esimov's").stemKeys == ["esimov"])  // but a possessive is
        #expect(Self.info("Цоя").stemKeys.isEmpty)  // the stem would be too short
    }

    @Test("normal form, script and disguises")
    func normalForm() {
        let disguised = Self.info("Пyтин")  // Latin y
        #expect(disguised.script == .cyrillic)
        #expect(disguised.fullKeys == ["putin"])
        #expect(disguised.surface == "пyтин")  // exact search still sees the disguise
        let reversed = Self.info("Рutin")  // Cyrillic Р
        #expect(reversed.script == .latin)
        #expect(reversed.fullKeys == ["putin"])
        #expect(Self.info("Ал\u{AD}маты").surface == "алматы")
        #expect(Self.info("ﬁnance").surface == "finance")  // NFKC
        #expect(Self.info("STRAẞE").surface == "strasse")  // case folding, not lowercasing
        #expect(Self.info("2014").script == .number)
        #expect(Self.info("Free Speech", .tag).surface == "free speech")
        #expect(Self.info("Free Speech", .tag).fullKeys.isEmpty)
    }

    @Test("edit distance of at most one, with transpositions")
    func editDistance() {
        #expect(EditDistance.atMostOne("aitelenov", "aitelnov"))
        #expect(EditDistance.atMostOne("kibraev", "kirbaev"))
        #expect(EditDistance.atMostOne("kibraev", "kibrzev"))
        #expect(EditDistance.atMostOne("kibraev", "kibraev"))
        #expect(!EditDistance.atMostOne("kibraev", "kbraeb"))
        #expect(!EditDistance.atMostOne("masimov", "maksimovv"))
        #expect(!EditDistance.atMostOne("abc", "cba"))
    }
}
