import CasefileCore
import CasefileTestSupport
import Testing

/// The guards around translating: who translated, a second translation, pairing one
/// already paired, a person where a post was meant, loops of translations.
@Suite("translation guards")
struct TranslationGuardTests {
    static func session() -> TranscriptSession {
        let session = TranscriptSession(width: 100, user: "aigerim")
        session.setUp("""
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 "Завтра у Есимова" lang=ru
            add post @extremkz 2014-02-05 "Акция против" lang=ru
            translate extremkz-2014-02-04 en "Tomorrow" by=Dana status=final
            """)
        return session
    }

    @Test("translate fills By from the user, and logs it so a replay by someone else agrees")
    func byFromUser() throws {
        let session = Self.session()
        _ = session.replay("> translate extremkz-2014-02-05 de \"Aktion\"")
        #expect(session.notebook.caseFile["extremkz-2014-02-05.de"]?["By"] == "aigerim")
        #expect(session.notebook.sessionLog.last
                    == "translate extremkz-2014-02-05 de Aktion id=extremkz-2014-02-05.de by=aigerim")
        let replayed = TranscriptSession(width: 100, user: "somebody-else")
        replayed.setUp(session.notebook.sessionLog.joined(separator: "\n"))
        #expect(replayed.notebook.caseFile["extremkz-2014-02-05.de"]?["By"] == "aigerim")
    }

    @Test("a second translation into the same language names the first")
    func secondTranslation() {
        let output = Self.session().replay("> translate extremkz-2014-02-04 en \"Tomorrow, again\"")
        #expect(output.contains("extremkz-2014-02-04 already had a translation into en: extremkz-2014-02-04.en (final); this one is extremkz-2014-02-04.en-2"))
    }

    @Test("pair of a translation paired elsewhere asks for --force; --force moves it")
    func pairForce() {
        let session = Self.session()
        session.check("""
            > pair extremkz-2014-02-04.en extremkz-2014-02-05
            error: extremkz-2014-02-04.en is already the translation of extremkz-2014-02-04
             1 | pair extremkz-2014-02-04.en extremkz-2014-02-05
               |      ^^^^^^^^^^^^^^^^^^^^^^
              hint: pair --force extremkz-2014-02-04.en extremkz-2014-02-05 moves it (extremkz-2014-02-04 is then left without it); unpair extremkz-2014-02-04.en first to keep it unpaired
            > pair --force extremkz-2014-02-04.en extremkz-2014-02-05
            paired extremkz-2014-02-04.en with its original extremkz-2014-02-05
            """)
    }

    @Test("pair refuses a loop of translations")
    func pairLoop() {
        let session = Self.session()
        _ = session.replay("> translate extremkz-2014-02-04.en de \"Morgen\" id=t-de")
        let output = session.replay("> pair --force extremkz-2014-02-04.en t-de")
        #expect(output.contains("would make a loop of translations"))
        #expect(session.notebook.caseFile["extremkz-2014-02-04.en"]?["Of"] == "extremkz-2014-02-04")
    }

    @Test("translate given a person names that person's posts still to translate")
    func personGiven() {
        let output = Self.session().replay("> translate aitelenov en \"x\"")
        #expect(output.contains("error: 'aitelenov' is a person; translate takes a post or a quote"))
        #expect(output.contains("hint: aitelenov's posts without a translation into en: extremkz-2014-02-05"))
    }
}
