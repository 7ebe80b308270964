import CasefileCore
import CasefileTestSupport
import Testing

@Suite("set, unset, tag, untag, rename, rm, merge")
struct EditCommandTests {
    @Test("set: fields in any case, dates and references normalised, custom fields noted")
    func set() {
        let session = Fixture.session()
        session.check("""
            > set extremkz-2014-02-05 Date="5 Feb 2014" url=https://twitter.com/extremkz/status/1 platform=twitter
            updated extremkz-2014-02-05
            > set extremkz-2014-02-05 author=@extremkz
            extremkz-2014-02-05 already has those values
            > set extremkz-2014-02-05 author=kibraev
            updated extremkz-2014-02-05
            > set aitelenov role=activist Custom=1 nam=x
            note: Custom is a custom field for a person
            note: Nam is a custom field for a person — did you mean 'name'?
            updated aitelenov
            > set aitelenov handle=extremkz_2
            updated aitelenov
            """)
        let post = session.notebook.caseFile["extremkz-2014-02-05"]
        #expect(post?["Date"] == "2014-02-05")
        #expect(post?["Author"] == "kibraev")
        #expect(post?.fields.map(\.name) == ["Author", "Date", "Platform", "Lang", "Url", "Text"])
        let person = session.notebook.caseFile["aitelenov"]
        #expect(person?["Custom"] == "1" && person?["Nam"] == "x" && person?["Role"] == "activist")
        #expect(person?.handles == ["@extremkz_2"])
        #expect(session.notebook.people(withHandle: "@extremkz").isEmpty)
        #expect(session.notebook.people(withHandle: "@EXTREMKZ_2") == ["aitelenov"])
    }

    @Test("set: errors point at the assignment at fault; nothing of a failed set is kept")
    func setErrors() {
        let session = Fixture.session()
        let before = session.bytes
        session.check("""
            > set aitelenov
            error: set needs FIELD=VALUE
             1 | set aitelenov
               |     ^^^^^^^^^
              hint: usage: set ID FIELD=VALUE…
            > set aitelenov id=foo
            error: the Id is changed with rename
             1 | set aitelenov id=foo
               |               ^^^^^^
              hint: rename aitelenov NEW
            > set aitelenov role=x name=
            error: Name would be empty
             1 | set aitelenov role=x name=
               |                      ^^^^^
              hint: remove it with: unset aitelenov Name
            > set aitelenov source=nothing
            error: no source 'nothing'
             1 | set aitelenov source=nothing
               |               ^^^^^^^^^^^^^^
              hint: list the Ids with: list source
            > set extremkz-2014-02-04 author=extremkz-2014-02-04
            error: 'extremkz-2014-02-04' is a post, not a person
             1 | set extremkz-2014-02-04 author=extremkz-2014-02-04
               |                         ^^^^^^^^^^^^^^^^^^^^^^^^^^
            > set extremkz-2014-02-04 lang=russian
            error: 'russian' is not a language tag
             1 | set extremkz-2014-02-04 lang=russian
               |                         ^^^^^^^^^^^^
              hint: did you mean 'ru'?
            > set extremkz-2014-02-04 date=tomorrow
            error: 'tomorrow' is not a date I can read
             1 | set extremkz-2014-02-04 date=tomorrow
               |                         ^^^^^^^^^^^^^
              hint: write 2014-02-04, 4 February 2014 or February 4, 2014
            > set extremkz-2014-02-04.en status=done
            error: 'done' is not a status
             1 | set extremkz-2014-02-04.en status=done
               |                            ^^^^^^^^^^^
              hint: use one of: draft, reviewed, final
            > set aitelenov 9lives=1
            error: unexpected '9lives=1'
             1 | set aitelenov 9lives=1
               |               ^^^^^^^^
              hint: usage: set ID FIELD=VALUE…
            """)
        #expect(session.bytes == before)
    }

    @Test("unset removes fields but not mandatory ones")
    func unset() {
        let session = Fixture.session()
        session.check("""
            > unset aitelenov role SOURCE
            updated aitelenov
            > unset aitelenov name
            error: Name is mandatory for a person
             1 | unset aitelenov name
               |                 ^^^^
              hint: change it with: set aitelenov name=…
            > unset aitelenov nosuch
            error: aitelenov has no field 'nosuch'
             1 | unset aitelenov nosuch
               |                 ^^^^^^
              hint: its fields: alias, handle, name, tag
            > unset aitelenov rol
            error: aitelenov has no field 'rol'
             1 | unset aitelenov rol
               |                 ^^^
              hint: its fields: alias, handle, name, tag
            > unset aitelenov
            error: unset needs FIELD
             1 | unset aitelenov
               |                ^
              hint: usage: unset ID FIELD…
            """)
        #expect(session.notebook.caseFile["aitelenov"]?["Role"] == nil)
        #expect(session.notebook.caseFile["aitelenov"]?["Source"] == nil)
    }

    @Test("tag and untag")
    func tags() {
        let session = Fixture.session()
        session.check("""
            > tag aitelenov invited detained
            aitelenov tags: detained, invited
            > tag aitelenov invited
            aitelenov already has those tags
            > untag aitelenov invited
            aitelenov tags: detained
            > untag aitelenov nope
            error: aitelenov has no tag 'nope'
             1 | untag aitelenov nope
               |                 ^^^^
              hint: its tags: detained
            > untag aitelenov detained
            aitelenov tags: none
            > untag aitelenov detained
            error: aitelenov has no tag 'detained'
             1 | untag aitelenov detained
               |                 ^^^^^^^^
              hint: it has no tags
            > tag aitelenov
            error: tag needs TAG
             1 | tag aitelenov
               |              ^
              hint: usage: tag ID TAG…
            > tag aitelenov ""
            error: an empty tag
             1 | tag aitelenov ""
               |               ^^
            """)
    }

    @Test("rename rewrites every reference: fields, links, notes; the old Id is gone")
    func rename() {
        let session = Fixture.session()
        session.setUp("""
            annotate aitelenov "a note"
            link extremkz-2014-02-04 mentions aitelenov
            add quote aitelenov "Слова" from=extremkz-2014-02-04 lang=ru
            """)
        session.check("""
            > rename aitelenov nurali
            renamed aitelenov to nurali (6 references rewritten)
            > rename extremkz-2014-02-04 tweet-1
            renamed extremkz-2014-02-04 to tweet-1 (3 references rewritten)
            > show @extremkz
            person nurali — Nurali Aitelenov
              Handle    @extremkz
              Alias     IT-len-off Нурали
              Role      blogger
              Source    gv (Some Kazakh Bloggers Dine With Mayor)
              Tag       detained

            Links
              detained-with  kibraev (Rinat Kibraev)
              mentioned-by   tweet-1 (post: Завтра у #Есимов‘а на ланче…)

            Referred to by
              aitelenov-q1 (quote: Слова) — as Speaker
              extremkz-2014-02-05 (post: Қазақстан) — as Author
              tweet-1 (post: Завтра у #Есимов‘а на ланче…) — as Author

            Notes
              2025-11-25T12:00:00Z  tester
                a note
            > show aitelen
            quote aitelenov-q1
              Speaker   nurali (Nurali Aitelenov)
              Post      tweet-1
              Lang      ru

              Слова
            > rename nurali kibraev
            error: the Id 'kibraev' is taken by a person
             1 | rename nurali kibraev
               |               ^^^^^^^
              hint: choose another new Id, or merge nurali into it
            > rename nurali "new id"
            error: an Id uses ASCII letters, digits and - . _ only
             1 | rename nurali "new id"
               |               ^^^^^^^^
            """)
        let text = String(decoding: session.bytes, as: UTF8.self)
        #expect(!text.contains(": aitelenov\n"))
        #expect(!text.contains("extremkz-2014-02-04\n"))
        #expect(session.notebook.caseFile["tweet-1.en"] == nil)
        #expect(session.notebook.caseFile["extremkz-2014-02-04.en"]?["Of"] == "tweet-1")
        #expect(session.notebook.caseFile["aitelenov-q1"]?["Post"] == "tweet-1")
        #expect(session.notebook.ids(withPrefix: "nur") == ["nurali"])
        #expect(session.notebook.ids(withPrefix: "aitelenov") == ["aitelenov-q1"])
    }

    @Test("rm refuses while anything refers to the entry, listing what; --cascade takes links and notes")
    func remove() {
        let session = Fixture.session()
        session.setUp("""
            annotate kibraev "a note"
            link kibraev criticizes esimov
            """)
        session.check("""
            > rm aitelenov
            error: aitelenov is referred to by 3 things: extremkz-2014-02-04 (Author); extremkz-2014-02-05 (Author); link aitelenov detained-with kibraev
             1 | rm aitelenov
               |    ^^^^^^^^^
              hint: remove or change the entries that refer to it first
            > rm kibraev
            error: kibraev is referred to by 3 things: a note on kibraev by tester; link aitelenov detained-with kibraev; link kibraev criticizes esimov
             1 | rm kibraev
               |    ^^^^^^^
              hint: rm kibraev --cascade also removes its links and notes
            > rm kibraev --cascade
            removed person kibraev with 2 links and 1 note
            > rm extremkz-2014-02-04.en
            removed translation extremkz-2014-02-04.en
            > remove gv
            error: gv is referred to by 1 thing: aitelenov (Source)
             1 | remove gv
               |        ^^
              hint: remove or change the entries that refer to it first
            > rm --cascade nobody
            error: no entry 'nobody'
             1 | rm --cascade nobody
               |              ^^^^^^
              hint: list the Ids with: list
            > rm esimov --cascad
            error: rm has no flag --cascad
             1 | rm esimov --cascad
               |           ^^^^^^^^
              hint: did you mean '--cascade'?
            """)
        #expect(session.notebook.caseFile["kibraev"] == nil)
        #expect(session.notebook.caseFile.links.isEmpty)
        #expect(session.notebook.caseFile.notes.isEmpty)
        #expect(session.notebook.referencesTo("kibraev").isEmpty)
    }

    @Test("merge moves fields, handles, links, notes and references to KEEP; DROP's name becomes an alias")
    func merge() {
        let session = Fixture.session()
        session.setUp("""
            add person "Ахметжан Есимов" id=yesimov handle=@esimov_akim role=akim tag=mayor
            link yesimov member-of gv
            link aitelenov criticizes yesimov note="from the tweet"
            link yesimov mentions esimov
            annotate yesimov "same man"
            add post @esimov_akim 2014-02-06 "Обед" lang=ru
            """)
        session.check("""
            > merge esimov yesimov
            kept esimov's Role; yesimov had: akim
            merged yesimov into esimov
            > show esimov
            person esimov — Akhmetzhan Esimov
              Handle    @esimov_akim
              Alias     Ахметжан Есимов
              Role      Mayor of Almaty
              Tag       mayor

            Links
              criticized-by  aitelenov (Nurali Aitelenov) — from the tweet
              member-of      gv (Some Kazakh Bloggers Dine With Mayor)

            Referred to by
              esimov_akim-2014-02-06 (post: Обед) — as Author

            Notes
              2025-11-25T12:00:00Z  tester
                same man
            > merge esimov esimov
            error: cannot merge esimov into itself
             1 | merge esimov esimov
               |              ^^^^^^
            > merge esimov extremkz-2014-02-04
            error: esimov is a person and extremkz-2014-02-04 a post
             1 | merge esimov extremkz-2014-02-04
               |              ^^^^^^^^^^^^^^^^^^^
              hint: only entries of the same kind merge; link them with same-as instead
            > show @esimov_akim
            person esimov — Akhmetzhan Esimov
              Handle    @esimov_akim
              Alias     Ахметжан Есимов
              Role      Mayor of Almaty
              Tag       mayor

            Links
              criticized-by  aitelenov (Nurali Aitelenov) — from the tweet
              member-of      gv (Some Kazakh Bloggers Dine With Mayor)

            Referred to by
              esimov_akim-2014-02-06 (post: Обед) — as Author

            Notes
              2025-11-25T12:00:00Z  tester
                same man
            """)
        #expect(session.notebook.caseFile["yesimov"] == nil)
        #expect(session.notebook.referencesTo("yesimov").isEmpty)
        let text = String(decoding: session.bytes, as: UTF8.self)
        #expect(!text.contains("yesimov"))
    }

    @Test("merging a translation into the translation it was made from leaves no self-reference")
    func mergeSelfReference() {
        let session = Fixture.session()
        session.setUp("""
            translate extremkz-2014-02-04.en de "Morgen beim Mittagessen" id=de-via-en
            translate extremkz-2014-02-04 de "Morgen" id=de-direct
            """)
        session.check("""
            > merge de-via-en extremkz-2014-02-04.en
            kept de-via-en's Lang; extremkz-2014-02-04.en had: en
            kept de-via-en's Status; extremkz-2014-02-04.en had: final
            kept de-via-en's Text; extremkz-2014-02-04.en had: Tomorrow at #Esimov's lunch…
            merged extremkz-2014-02-04.en into de-via-en
            """)
        #expect(session.notebook.caseFile["de-via-en"]?["Of"] == "extremkz-2014-02-04")
        #expect(session.notebook.caseFile["de-via-en"]?["By"] == "Global Voices")
        #expect(session.notebook.referencesTo("de-via-en").isEmpty)
    }
}
