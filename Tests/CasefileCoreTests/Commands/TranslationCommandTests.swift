import CasefileCore
import CasefileTestSupport
import Testing

@Suite("translate, pair, unpair, untranslated")
struct TranslationCommandTests {
    @Test("translate pairs a new translation with its original; show puts them side by side")
    func translate() {
        let session = Fixture.session()
        session.check("""
            > translate extremkz-2014-02-05 en "Kazakhstan" by=me
            added translation extremkz-2014-02-05.en: Kazakhstan
            > translate extremkz-2014-02-05 ru "Казахстан" status=reviewed id=kz-ru
            added translation kz-ru: Казахстан
            > translate extremkz-2014-02-05 en "Kazakhstan, again"
            added translation extremkz-2014-02-05.en-2: Kazakhstan, again
            note: extremkz-2014-02-05 already had a translation into en: extremkz-2014-02-05.en (draft); this one is extremkz-2014-02-05.en-2
            > show extremkz-2014-02-05.en
            translation extremkz-2014-02-05.en
              Of        extremkz-2014-02-05
              Lang      en
              By        me
              Status    draft

              kk · original                         │ en · this translation · (me, draft)
              ─────────────                         │ ───────────────────────────────────
              Қазақстан                             │ Kazakhstan
            """)
        #expect(session.notebook.caseFile["kz-ru"]?["Status"] == "reviewed")
        #expect(session.notebook.caseFile["kz-ru"]?["Of"] == "extremkz-2014-02-05")
    }

    @Test("a refusal that rests on a language guess says so and shows the fix")
    func refusalOnGuess() {
        let session = Fixture.session()
        session.check("""
            > add post @extremkz 2014-02-06 "Lunch with the mayor was cancelled today" id=g
            g: language guessed as en (if wrong: set g lang=…)
            added post g: Lunch with the mayor was cancelled today
            > translate g en "x"
            error: g is already in en, as guessed from its text
             1 | translate g en "x"
               |             ^^
              hint: if the guess is wrong: set g lang=ru (the language it is in), then translate again
            > set g lang=ru
            updated g
            > translate g en "x"
            added translation g.en: x
            """)
        #expect(session.notebook.caseFile["g.en"]?["Of"] == "g")
    }

    @Test("translate refuses the original's own language, unknown statuses and non-originals")
    func translateErrors() {
        Fixture.session().check("""
            > translate extremkz-2014-02-04 ru-RU "Завтра"
            error: extremkz-2014-02-04 is already in ru
             1 | translate extremkz-2014-02-04 ru-RU "Завтра"
               |                               ^^^^^
              hint: a translation is into another language; if ru is wrong: set extremkz-2014-02-04 lang=kk
            > translate extremkz-2014-02-05 en "x" status=done
            error: 'done' is not a status
             1 | translate extremkz-2014-02-05 en "x" status=done
               |                                      ^^^^^^^^^^^
              hint: use one of: draft, reviewed, final
            > translate aitelenov en "x"
            error: 'aitelenov' is a person; translate takes a post or a quote
             1 | translate aitelenov en "x"
               |           ^^^^^^^^^
              hint: aitelenov's posts without a translation into en: extremkz-2014-02-05
            > translate extremkz-2014-02-05 russian "x"
            error: 'russian' is not a language tag
             1 | translate extremkz-2014-02-05 russian "x"
               |                               ^^^^^^^
              hint: did you mean 'ru'?
            > translate extremkz-2014-02-05 en
            error: translate needs TEXT
             1 | translate extremkz-2014-02-05 en
               |                                 ^
              hint: usage: translate ORIGINAL LANG TEXT [by=WHO] [status=draft|reviewed|final] [id=ID] [url=URL] [tag=T]… [source=ID]
            """)
    }

    @Test("pair moves a translation to another original")
    func pairAgain() {
        let session = Fixture.session()
        session.check("""
            > pair --force extremkz-2014-02-04.en extremkz-2014-02-05
            paired extremkz-2014-02-04.en with its original extremkz-2014-02-05
            > pair extremkz-2014-02-04.en extremkz-2014-02-05
            extremkz-2014-02-04.en is already the translation of extremkz-2014-02-05
            > pair extremkz-2014-02-04.en extremkz-2014-02-04.en
            error: a translation cannot be its own original
             1 | pair extremkz-2014-02-04.en extremkz-2014-02-04.en
               |                             ^^^^^^^^^^^^^^^^^^^^^^
            > pair extremkz-2014-02-04 extremkz-2014-02-05
            error: 'extremkz-2014-02-04' is a post, not a translation
             1 | pair extremkz-2014-02-04 extremkz-2014-02-05
               |      ^^^^^^^^^^^^^^^^^^^
            > pair extremkz-2014-02-04.en aitelenov
            error: 'aitelenov' is a person, not a post, quote or translation
             1 | pair extremkz-2014-02-04.en aitelenov
               |                             ^^^^^^^^^
            > translate extremkz-2014-02-05 ru "Казахстан"
            added translation extremkz-2014-02-05.ru: Казахстан
            > pair extremkz-2014-02-05.ru extremkz-2014-02-04
            error: both are in ru
             1 | pair extremkz-2014-02-05.ru extremkz-2014-02-04
               |                             ^^^^^^^^^^^^^^^^^^^
              hint: a translation is into another language
            """)
        #expect(session.notebook.caseFile["extremkz-2014-02-04.en"]?["Of"] == "extremkz-2014-02-05")
        session.check("""
            > undo 2
            undid 2 changes:
              translate extremkz-2014-02-05 ru Казахстан id=extremkz-2014-02-05.ru by=tester
              pair --force extremkz-2014-02-04.en extremkz-2014-02-05
            > show extremkz-2014-02-04.en
            translation extremkz-2014-02-04.en
              Of        extremkz-2014-02-04
              Lang      en
              By        Global Voices
              Status    final

              ru · original                         │ en · this tr… · (Global Voices, final)
              ─────────────                         │ ──────────────────────────────────────
              Завтра у #Есимов‘а на ланче…          │ Tomorrow at #Esimov's lunch…
            """)
    }

    @Test("unpair leaves the translation without an original until pair; show, list and untranslated say so")
    func unpair() {
        let session = Fixture.session()
        session.check("""
            > unpair extremkz-2014-02-04.en
            unpaired extremkz-2014-02-04.en from its original extremkz-2014-02-04
            > show extremkz-2014-02-04.en
            translation extremkz-2014-02-04.en
              Of        none (not paired: pair extremkz-2014-02-04.en ORIGINAL)
              Lang      en
              By        Global Voices
              Status    final

              Tomorrow at #Esimov's lunch…
            > list translation
            translation  extremkz-2014-02-04.en  unpaired  en  final  Tomorrow at #Esimov's…
            1 entry
            > untranslated
            post         extremkz-2014-02-04  2014-02-04  aitelenov  ru  Завтра у #Есимов‘а…
            post         extremkz-2014-02-05  2014-02-05  aitelenov  kk  Қазақстан
            2 without a translation into en
            1 translation into en not paired with an original: extremkz-2014-02-04.en (pair TRANSLATION ORIGINAL)
            > untranslated ru
            post         extremkz-2014-02-05  2014-02-05  aitelenov  kk  Қазақстан
            1 without a translation into ru; 1 is an original in ru
            > unpair extremkz-2014-02-04.en
            extremkz-2014-02-04.en is not paired with an original
            > pair extremkz-2014-02-04.en extremkz-2014-02-05
            paired extremkz-2014-02-04.en with its original extremkz-2014-02-05
            > untranslated
            post         extremkz-2014-02-04  2014-02-04  aitelenov  ru  Завтра у #Есимов‘а…
            1 without a translation into en
            """)
        #expect(session.notebook.caseFile.entries["extremkz-2014-02-04.en"]?["Of"] == "extremkz-2014-02-05")
        // Unpairing one that has no original changed nothing: no undo step, no session-log line.
        #expect(session.notebook.sessionLog.suffix(2) == ["unpair extremkz-2014-02-04.en", "pair extremkz-2014-02-04.en extremkz-2014-02-05"])
    }

    @Test("unpair is undone and redone like any change, goes in the session log, and frees the original for rm")
    func unpairUndoRedo() {
        let session = Fixture.session()
        let paired = session.bytes
        session.check("""
            > unpair extremkz-2014-02-04.en
            unpaired extremkz-2014-02-04.en from its original extremkz-2014-02-04
            > undo
            undid: unpair extremkz-2014-02-04.en
            > show extremkz-2014-02-04
            post extremkz-2014-02-04
              Author    aitelenov (Nurali Aitelenov)
              Date      2014-02-04
              Platform  twitter
              Lang      ru

              ru · original                         │ en · extremk… · (Global Voices, final)
              ─────────────                         │ ──────────────────────────────────────
              Завтра у #Есимов‘а на ланче…          │ Tomorrow at #Esimov's lunch…
            """)
        #expect(session.bytes == paired)
        #expect(session.notebook.sessionLog.last == #"link aitelenov detained-with kibraev"#)
        session.check("""
            > redo
            redid: unpair extremkz-2014-02-04.en
            > list translation
            translation  extremkz-2014-02-04.en  unpaired  en  final  Tomorrow at #Esimov's…
            1 entry
            """)
        #expect(session.notebook.caseFile.entries["extremkz-2014-02-04.en"]?["Of"] == nil)
        #expect(session.notebook.sessionLog.last == "unpair extremkz-2014-02-04.en")
        // Unpaired, the original is referenced by nothing: it can go, and come back with undo.
        session.check("""
            > rm extremkz-2014-02-04
            removed post extremkz-2014-02-04
            > undo 2
            undid 2 changes:
              rm extremkz-2014-02-04
              unpair extremkz-2014-02-04.en
            """)
        #expect(session.bytes == paired)
    }

    @Test("search's has:translation and missing:translation follow unpair, undo and pair")
    func searchFollowsPairing() {
        let session = Fixture.session()
        session.check("""
            > search has:translation
            post   extremkz-2014-02-04 ru → extremkz-2014-02-04.en  Завтра у #Есимов‘а на…
            1 hit
            > unpair extremkz-2014-02-04.en
            unpaired extremkz-2014-02-04.en from its original extremkz-2014-02-04
            > search has:translation
            no hits
            > search missing:translation
            post   extremkz-2014-02-04 ru  Завтра у #Есимов‘а на ланче…
            post   extremkz-2014-02-05 kk  Қазақстан
            2 hits
            > search tomorrow
            transl extremkz-2014-02-04.en en  Tomorrow at #Esimov's lunch…
            1 hit
            > undo
            undid: unpair extremkz-2014-02-04.en
            > search has:translation
            post   extremkz-2014-02-04 ru → extremkz-2014-02-04.en  Завтра у #Есимов‘а на…
            1 hit
            > redo
            redid: unpair extremkz-2014-02-04.en
            > pair extremkz-2014-02-04.en extremkz-2014-02-05
            paired extremkz-2014-02-04.en with its original extremkz-2014-02-05
            > search has:translation
            post   extremkz-2014-02-05 kk → extremkz-2014-02-04.en  Қазақстан
            1 hit
            > search missing:translation
            post   extremkz-2014-02-04 ru  Завтра у #Есимов‘а на ланче…
            1 hit
            """)
    }

    @Test("unpair refuses what is not a translation, unknown Ids and wrong word counts")
    func unpairErrors() {
        Fixture.session().check("""
            > unpair extremkz-2014-02-04
            error: 'extremkz-2014-02-04' is a post, not a translation
             1 | unpair extremkz-2014-02-04
               |        ^^^^^^^^^^^^^^^^^^^
            > unpair aitelenov
            error: 'aitelenov' is a person, not a translation
             1 | unpair aitelenov
               |        ^^^^^^^^^
            > unpair nosuch
            error: no translation 'nosuch'
             1 | unpair nosuch
               |        ^^^^^^
              hint: list the Ids with: list translation
            > unpair
            error: unpair needs TRANSLATION
             1 | unpair
               |       ^
              hint: usage: unpair TRANSLATION
            > unpair extremkz-2014-02-04.en extra
            error: unexpected 'extra'
             1 | unpair extremkz-2014-02-04.en extra
               |                               ^^^^^
              hint: usage: unpair TRANSLATION
            """)
    }

    @Test("untranslated lists originals lacking a translation into the working language, or LANG")
    func untranslated() {
        let session = Fixture.session()
        session.check("""
            > untranslated
            post         extremkz-2014-02-05  2014-02-05  aitelenov  kk  Қазақстан
            1 without a translation into en
            > untranslated ru
            post         extremkz-2014-02-05  2014-02-05  aitelenov  kk  Қазақстан
            1 without a translation into ru; 1 is an original in ru
            > add quote kibraev "In English" lang=en
            added quote kibraev-q1: In English
            > untranslated ru
            post         extremkz-2014-02-05  2014-02-05  aitelenov  kk  Қазақстан
            quote        kibraev-q1                       kibraev    en  In English
            2 without a translation into ru; 1 is an original in ru
            > untranslated kk-Cyrl
            post         extremkz-2014-02-04  2014-02-04  aitelenov  ru  Завтра у #Есимов‘а…
            quote        kibraev-q1                       kibraev    en  In English
            2 without a translation into kk-Cyrl; 1 is an original in kk-Cyrl
            > translate extremkz-2014-02-05 en-GB "Kazakhstan"
            added translation extremkz-2014-02-05.en-gb: Kazakhstan
            > untranslated
            every post and quote not in en has a translation into en; 1 is an original in en
            > untranslated xx_1
            error: 'xx_1' is not a language tag
             1 | untranslated xx_1
               |              ^^^^
              hint: use a BCP 47 tag such as ru, kk, en or kk-Cyrl
            """)
    }
}
