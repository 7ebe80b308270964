import CasefileCore
import CasefileTestSupport
import Testing

@Suite("link, unlink, annotate")
struct LinkCommandTests {
    @Test("link: known relations read from both ends; one-off ones are written REL!; a note can be added later")
    func link() {
        let session = Fixture.session()
        session.check("""
            > link aitelenov criticizes esimov
            linked aitelenov criticizes esimov
            > link @extremkz authored extremkz-2014-02-04 note="his tweet"
            linked aitelenov authored extremkz-2014-02-04
            > link aitelenov criticizes esimov
            already linked: aitelenov criticizes esimov
            > link aitelenov criticizes esimov note="at the lunch"
            linked aitelenov criticizes esimov
            > link aitelenov critizises! esimov
            linked aitelenov critizises esimov
            > link kibraev Knows! esimov
            linked kibraev knows esimov
            > link extremkz-2014-02-04 authored-by! aitelenov
            linked extremkz-2014-02-04 authored-by aitelenov
            > show esimov
            person esimov — Akhmetzhan Esimov
              Alias     Ахметжан Есимов
              Role      Mayor of Almaty

            Links
              criticized-by  aitelenov (Nurali Aitelenov) — at the lunch
              critizises (from) aitelenov (Nurali Aitelenov)
              knows (from)   kibraev (Rinat Kibraev)
            """)
        #expect(session.notebook.caseFile.links[LinkKey(from: "aitelenov", rel: "criticizes", to: "esimov")]?.note == "at the lunch")
    }

    @Test("link: errors for self-links, malformed relations and unknown ends")
    func linkErrors() {
        Fixture.session().check("""
            > link aitelenov mentions aitelenov
            error: an entry cannot be linked to itself
             1 | link aitelenov mentions aitelenov
               |                         ^^^^^^^^^
            > link aitelenov Bad_Rel esimov
            error: 'Bad_Rel' is not a relation word
             1 | link aitelenov Bad_Rel esimov
               |                ^^^^^^^
              hint: use lower-case letters and dashes, e.g. authored, mentions, quotes, replies-to
            > link aitelenov mentions nobody
            error: no entry 'nobody'
             1 | link aitelenov mentions nobody
               |                         ^^^^^^
              hint: list the Ids with: list
            > link aitelenov mentions
            error: link needs TO
             1 | link aitelenov mentions
               |                        ^
              hint: usage: link FROM REL TO [note=TEXT]
            > link aitelenov mentions esimov colour=red
            error: link has no option colour=
             1 | link aitelenov mentions esimov colour=red
               |                                ^^^^^^^^^^
              hint: options: note=; quote the word if it is text
            """)
    }

    @Test("unlink removes a link, and says which links there are when it is not there")
    func unlink() {
        let session = Fixture.session()
        session.check("""
            > unlink aitelenov mentions kibraev
            error: there is no link aitelenov mentions kibraev
             1 | unlink aitelenov mentions kibraev
               |                  ^^^^^^^^
              hint: linked as: detained-with
            > unlink aitelenov mentions esimov
            error: there is no link aitelenov mentions esimov
             1 | unlink aitelenov mentions esimov
               |                  ^^^^^^^^
              hint: see the links with: show aitelenov
            > unlink aitelenov DETAINED-WITH kibraev
            unlinked aitelenov detained-with kibraev
            """)
        #expect(session.notebook.caseFile.links.isEmpty)
    }

    @Test("annotate: stamped with the time and the user, or by= and at=; the log keeps both")
    func annotate() {
        let session = Fixture.session()
        session.check("""
            > annotate aitelenov "Tweeted a day before the meeting"
            noted on aitelenov
            > note @extremkz "From the article" by="Global Voices" at=2014-02-08T10:00:00Z
            noted on aitelenov
            > annotate aitelenov "Tweeted a day before the meeting"
            that note is already on aitelenov
            > annotate aitelenov ""
            error: a note needs text
             1 | annotate aitelenov ""
               |                    ^^
            > annotate aitelenov "x" at=yesterday
            error: 'yesterday' is not an ISO date-time
             1 | annotate aitelenov "x" at=yesterday
               |                        ^^^^^^^^^^^^
              hint: write 2014-02-05T12:00:00Z
            > show aitelenov
            person aitelenov — Nurali Aitelenov
              Handle    @extremkz
              Alias     IT-len-off Нурали
              Role      blogger
              Source    gv (Some Kazakh Bloggers Dine With Mayor)
              Tag       detained

            Links
              detained-with  kibraev (Rinat Kibraev)

            Referred to by
              extremkz-2014-02-04 (post: Завтра у #Есимов‘а на ланче…) — as Author
              extremkz-2014-02-05 (post: Қазақстан) — as Author

            Notes
              2014-02-08T10:00:00Z  Global Voices
                From the article
              2025-11-25T12:00:00Z  tester
                Tweeted a day before the meeting
            > list note
            note         aitelenov  2014-02-08T10:00:00Z  Global Voices  From the article
            note         aitelenov  2025-11-25T12:00:00Z  tester  Tweeted a day before the…
            2 notes
            """)
        #expect(session.notebook.sessionLog.suffix(2) == [
            #"annotate aitelenov "Tweeted a day before the meeting" by=tester at=2025-11-25T12:00:00Z"#,
            #"annotate aitelenov "From the article" by="Global Voices" at=2014-02-08T10:00:00Z"#,
        ])
    }
}
