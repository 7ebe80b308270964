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

    @Test("translate refuses the original's own language, unknown statuses and non-originals")
    func translateErrors() {
        Fixture.session().check("""
            > translate extremkz-2014-02-04 ru-RU "Завтра"
            error: extremkz-2014-02-04 is already in ru
             1 | translate extremkz-2014-02-04 ru-RU "Завтра"
               |                               ^^^^^
              hint: a translation is into another language
            > translate extremkz-2014-02-05 en "x" status=done
            error: 'done' is not a status
             1 | translate extremkz-2014-02-05 en "x" status=done
               |                                      ^^^^^^^^^^^
              hint: use one of: draft, reviewed, final
            > translate aitelenov en "x"
            error: 'aitelenov' is a person, not a post or quote or translation
             1 | translate aitelenov en "x"
               |           ^^^^^^^^^
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

    @Test("pair moves a translation to another original; unpair refuses to leave it without one")
    func pairAndUnpair() {
        let session = Fixture.session()
        session.check("""
            > pair extremkz-2014-02-04.en extremkz-2014-02-05
            paired extremkz-2014-02-04.en with its original extremkz-2014-02-05
            > pair extremkz-2014-02-04.en extremkz-2014-02-05
            extremkz-2014-02-04.en is already the translation of extremkz-2014-02-05
            > unpair extremkz-2014-02-04.en
            error: extremkz-2014-02-04.en would have no original, and a translation must have one (Of)
             1 | unpair extremkz-2014-02-04.en
               |        ^^^^^^^^^^^^^^^^^^^^^^
              hint: pair it with the right one (pair extremkz-2014-02-04.en ORIGINAL), or remove it (rm extremkz-2014-02-04.en); it is now the translation of extremkz-2014-02-05
            > pair extremkz-2014-02-04.en extremkz-2014-02-04.en
            error: a translation cannot be its own original
             1 | pair extremkz-2014-02-04.en extremkz-2014-02-04.en
               |                             ^^^^^^^^^^^^^^^^^^^^^^
            > pair extremkz-2014-02-04 extremkz-2014-02-05
            error: 'extremkz-2014-02-04' is a post, not a translation
             1 | pair extremkz-2014-02-04 extremkz-2014-02-05
               |      ^^^^^^^^^^^^^^^^^^^
            > pair extremkz-2014-02-04.en aitelenov
            error: 'aitelenov' is a person, not a post or quote or translation
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
            undid 2 changes
            > show extremkz-2014-02-04.en
            translation extremkz-2014-02-04.en
              Of        extremkz-2014-02-04
              Lang      en
              By        Global Voices
              Status    final

              ru · original                         │ en · this translation · (Global Voice…
              ─────────────                         │ ─────────────────────────────────────
              Завтра у #Есимов‘а на ланче…          │ Tomorrow at #Esimov's lunch…
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
            1 without a translation into ru
            > add quote kibraev "In English" lang=en
            added quote kibraev-q1: In English
            > untranslated ru
            post         extremkz-2014-02-05  2014-02-05  aitelenov  kk  Қазақстан
            quote        kibraev-q1  kibraev  en  In English
            2 without a translation into ru
            > untranslated kk-Cyrl
            post         extremkz-2014-02-04  2014-02-04  aitelenov  ru  Завтра у #Есимов‘а…
            quote        kibraev-q1  kibraev  en  In English
            2 without a translation into kk-Cyrl
            > translate extremkz-2014-02-05 en-GB "Kazakhstan"
            added translation extremkz-2014-02-05.en-gb: Kazakhstan
            > untranslated
            every post and quote has a translation into en
            > untranslated xx_1
            error: 'xx_1' is not a language tag
             1 | untranslated xx_1
               |              ^^^^
              hint: use a BCP 47 tag such as ru, kk, en or kk-Cyrl
            """)
    }
}
