import CasefileCore
import CasefileTestSupport
import Testing

/// Names and people: duplicates across scripts, handle suggestions, account Ids, Ids that
/// follow a rename, look-alike letters; and the relation vocabulary.
@Suite("People, names and relations")
struct PeopleAndRelationsTests {
    @Test("a person whose name or alias matches someone already in the case, in any script, is warned about")
    func duplicatesAcrossScripts() {
        let session = TranscriptSession()
        session.setUp(#"add person "Vladimir Putin" alias="Владимир Путин""#)
        session.check("""
            > add person "Владимир Владимирович Путин"
            added person vladimir-vladimirovich-putin: Владимир Владимирович Путин
            warning: vladimir-vladimirovich-putin may be putin (Vladimir Putin), already in the case; if so: merge putin vladimir-vladimirovich-putin
            > add person "Путин Владимир" id=vvp
            added person vvp: Путин Владимир
            warning: vvp may be putin (Vladimir Putin), already in the case; if so: merge putin vvp
            warning: vvp may be vladimir-vladimirovich-putin (Владимир Владимирович Путин), already in the case; if so: merge vladimir-vladimirovich-putin vvp
            > add person "Yesimov Akhmetzhan" alias="Ахметжан Есимов"
            added person akhmetzhan: Yesimov Akhmetzhan
            > add person "Vladimir Zhirinovsky"
            added person zhirinovsky: Vladimir Zhirinovsky
            > add person "Lyudmila Putina"
            added person putina: Lyudmila Putina
            """)
    }

    @Test("an unknown handle gets the nearest handles first, then the hint to add a person", arguments: [
        ("@tvrian", "did you mean @tvrain? If not, add it with: add person NAME handle=@tvrian"),
        ("@TVRAIN1", "did you mean @tvrain? If not, add it with: add person NAME handle=@TVRAIN1"),
        ("@extremkzz", "did you mean @extremkz? If not, add it with: add person NAME handle=@extremkzz"),
        ("@nobodyatall", "add it with: add person NAME handle=@nobodyatall"),
    ])
    func handleSuggestions(handle: String, hint: String) {
        let session = Fixture.session()
        session.setUp(#"add person "Телеканал ДОЖДЬ" handle=@tvrain"#)
        let errors = session.notebook.runInteractive("add post \(handle) 2014-02-04 \"x\" lang=ru")
        #expect(errors.joined().contains("error: no person has the handle \(handle)"), "\(errors)")
        #expect(errors.joined().contains("hint: " + hint), "\(errors)")
    }

    @Test("accounts and organisations with a handle are named by it; people by their surname", arguments: [
        ("Телеканал ДОЖДЬ", "@tvrain", "tvrain"), ("Исторические Фото", "@HistoryFoto", "historyfoto"),
        ("Vlast.kz", "@Vlast_kz", "vlast_kz"), ("BBC News Русская служба", "@bbcrussian", "bbcrussian"),
        ("Радио Азаттык", "@azattyk", "azattyk"), ("Nurali Aitelenov", "@extremkz2", "nurali-aitelenov"),
        ("Joanna Lillis", "@joannalillis", "lillis"), ("Ахметжан Есимов", "@esimov_a", "akhmetzhan-esimov"),
    ])
    func accountIds(name: String, handle: String, id: String) {
        let session = Fixture.session()
        let errors = session.notebook.runInteractive("add person \(Quoting.word(name)) handle=\(handle)")
        #expect(errors.isEmpty, "\(errors)")
        #expect(session.notebook.caseFile[id]?.name == name)
    }

    @Test("a quote's and a translation's Id follow a rename of the Id they were made from")
    func derivedIdsFollowRenames() {
        let session = TranscriptSession()
        session.setUp("""
            add person "Фанаты Зенита" id=zenita
            add quote zenita "Мы за команду"
            add quote zenita "Второе" id=own-id
            translate zenita-q1 en "We are for the team"
            add post zenita 2014-02-04 "Пост" lang=ru id=p1
            translate p1 en "Post"
            """)
        session.check("""
            > rename zenita zenit-fans
            renamed zenita to zenit-fans (3 references rewritten)
            renamed zenita-q1 to zenit-fans-q1 (made from zenita)
            renamed zenita-q1.en to zenit-fans-q1.en (made from zenita)
            > rename p1 post-1
            renamed p1 to post-1 (1 reference rewritten)
            renamed p1.en to post-1.en (made from p1)
            """)
        _ = session.notebook.runInteractive("undo")
        #expect(session.notebook.caseFile["zenit-fans-q1"]?["Speaker"] == "zenit-fans")
        #expect(session.notebook.caseFile["zenit-fans-q1.en"]?["Of"] == "zenit-fans-q1")
        #expect(session.notebook.caseFile["own-id"]?["Speaker"] == "zenit-fans")
        #expect(session.notebook.caseFile["p1.en"]?["Of"] == "p1")
    }

    @Test("look-alike letters in a name or handle are warned about when added", arguments: [
        ("Пeрзидент", "handle=@prezident", "Name 'Пeрзидент' mixes Cyrillic and Latin letters (e is Latin): a look-alike?"),
        ("Father Land", "handle=@FatherIand", "Handle 'FatherIand' has a capital I between small letters, where a small l is usual ('Fatherland'): a look-alike?"),
        ("Рutin Vladimir", "", "Name 'Рutin' mixes Cyrillic and Latin letters (Р is Cyrillic): a look-alike?"),
        ("Iван", "handle=@StandWithIsrael", "Name 'Iван' mixes Cyrillic and Latin letters (I is Latin): a look-alike?"),
        ("Israel News", "handle=@NoticiasDeІsrael", "Handle 'NoticiasDeІsrael' mixes Cyrillic and Latin letters (І is Cyrillic): a look-alike?"),
        ("Only News", "handle=@TheOnIyNews", "Handle 'TheOnIyNews' has a capital I between small letters, where a small l is usual ('TheOnlyNews'): a look-alike?"),
    ])
    func lookAlikes(name: String, option: String, warning: String) {
        let session = TranscriptSession()
        _ = session.notebook.runInteractive("add person \(Quoting.word(name)) \(option) id=x")
        #expect(session.output.take().contains("warning: x: " + warning))
    }

    @Test("plain names, camel-case handles and Mc names are not look-alikes", arguments: [
        "Nurali Aitelenov", "Нурали Айтеленов", "@HistoryFoto", "@extremkz", "IT-len-off", "Jamie McIntyre", "@iPhoneNews",
        // CamelCase words that begin with I (real accounts in twarc's test files), and a Cyrillic І.
        "@NoticiasDeIsrael", "@LostInStereoLiz", "@SaveIvan", "@StandWithIsrael", "МіністерствоІнформації",
    ])
    func notLookAlikes(text: String) {
        #expect(Homoglyphs.problem(in: text) == nil)
    }
}
