import CasefileCore
import CasefileTestSupport
import Testing

/// Name spellings per language, and translations that spell a known person otherwise.
@Suite("glossary of name spellings")
struct GlossaryTests {
    static let setup = """
        add person "Ахметжан Есимов" alias="Akhmetzhan Esimov" id=esimov
        add person "Дмитрий Щёлоков" id=shchyolokov
        add person "Ринат Кибраев" id=kibraev
        add person "Nurali Aitelenov" handle=@extremkz alias="Нурали Айтеленов"
        add post @extremkz 2014-02-04 "Завтра у Есимова" lang=ru
        add post @extremkz 2014-02-05 "Щёлоков и Кибраев задержаны" lang=ru
        add post @extremkz 2014-02-06 "Айтеленов" lang=ru
        spelling esimov en "Akhmetzhan Esimov"
        spelling shchyolokov en "Dmitry Shchyolokov"
        spelling kibraev en "Rinat Kibraev"
        spelling @extremkz en "Nurali Aitelenov"
        spelling esimov de "Achmetschan Jessimow"
        """

    @Test("a misspelt name in a new translation is named, in several scripts' spellings")
    func remarkAfterTranslate() {
        let session = TranscriptSession(width: 100)
        session.setUp(Self.setup)
        let one = session.replay(#"> translate extremkz-2014-02-04 en "Tomorrow at Yesimov's lunch" by=x"#)
        #expect(one.contains("writes 'Yesimov' where the case spells esimov 'Akhmetzhan Esimov' in en"), "\(one)")
        let two = session.replay(#"> translate extremkz-2014-02-05 en "Shcholokov and Kibrayev detained" by=x"#)
        #expect(two.contains("writes 'Shcholokov'"), "\(two)")
        #expect(two.contains("writes 'Kibrayev'"), "\(two)")
        let three = session.replay(#"> translate extremkz-2014-02-06 en "Aytelenov" by=x"#)
        #expect(three.contains("writes 'Aytelenov'"), "\(three)")
        let right = session.replay(#"> translate extremkz-2014-02-04 de "Morgen bei Jessimow" by=x"#)
        #expect(!right.contains("writes"), "\(right)")
    }

    @Test("correct spellings, possessives and other people's names are not flagged")
    func noFalseFindings() {
        let session = TranscriptSession(width: 100)
        session.setUp(Self.setup)
        let output = session.replay(#"> translate extremkz-2014-02-05 en "Shchyolokov's and Kibraev's lawyer, Ismailov, and Maksimov spoke" by=x"#)
        #expect(!output.contains("writes"), "\(output)")
    }

    @Test("spelling replaces the one for its language; show lists it")
    func spellingCommand() throws {
        let session = TranscriptSession(width: 100)
        session.setUp(Self.setup)
        _ = session.replay(#"> spelling esimov en "Akhmetzhan Yesimov""#)
        let person = try #require(session.notebook.caseFile["esimov"])
        #expect(person.values("Spelling") == ["de Achmetschan Jessimow", "en Akhmetzhan Yesimov"]
                    || person.values("Spelling") == ["en Akhmetzhan Yesimov", "de Achmetschan Jessimow"])
        #expect(session.replay("> show esimov").contains("en Akhmetzhan Yesimov"))
    }
}
