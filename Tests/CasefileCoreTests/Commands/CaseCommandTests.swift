import CasefileCore
import CasefileTestSupport
import Testing

@Suite("case: title and working language")
struct CaseCommandTests {
    @Test("case shows the settings, sets title and language as one undoable, logged change")
    func setAndUndo() {
        let session = Fixture.session()
        session.check("""
            > case
            file      none yet (save --as FILE)
            title     none (case title=TEXT)
            language  en (the default; case lang=LANG)
            revision  0, never saved
            > case title="Kazakh bloggers detained outside the mayor's lunch" lang=ru
            title: Kazakh bloggers detained outside the mayor's lunch; working language: ru
            > untranslated
            post         extremkz-2014-02-05  2014-02-05  aitelenov  kk  Қазақстан
            1 without a translation into ru; 1 is an original in ru
            > case lang=ru
            the case already has that setting
            > undo
            undid: case title="Kazakh bloggers detained outside the mayor's lunch" lang=ru
            > case lang=english
            error: 'english' is not a language tag
             1 | case lang=english
               |      ^^^^^^^^^^^^
              hint: did you mean 'en'?
            """)
        #expect(session.notebook.caseFile.header.title == nil)
        #expect(session.notebook.caseFile.header.workingLanguage == "en")
        session.check("""
            > redo
            redid: case title="Kazakh bloggers detained outside the mayor's lunch" lang=ru
            > case title=""
            no title
            """)
        #expect(session.notebook.caseFile.header.title == nil)
        #expect(session.notebook.caseFile.header.workingLanguage == "ru")
        #expect(session.notebook.sessionLog.suffix(2) == [#"case title="Kazakh bloggers detained outside the mayor's lunch" lang=ru"#,
                                                            #"case title="""#])
    }

    @Test("untranslated on a case whose posts are all in the language says they are originals")
    func allOriginals() {
        let session = TranscriptSession()
        session.setUp("""
            add person "Ахметжан Есимов" id=esimov
            add post esimov 2014-02-04 lang=ru "Встреча"
            add post esimov 2014-02-05 lang=ru "Ещё одна"
            """)
        session.check("""
            > untranslated ru
            all 2 posts and quotes are originals in ru: nothing to translate into ru
            """)
    }

    @Test("the confirmation after add cuts a long text at a word, with an ellipsis")
    func cutConfirmation() {
        let session = TranscriptSession(width: 80)
        session.setUp(#"add person "Ахметжан Есимов" id=esimov"#)
        session.check("""
            > add post esimov 2014-02-04 lang=ru "Прокуратура передала дело в суд. Есимов сказал журналистам, что не знает подробностей."
            added post esimov-2014-02-04: Прокуратура передала дело в суд. Есимов сказал…
            """)
    }
}
