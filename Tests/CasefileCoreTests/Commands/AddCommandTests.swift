import CasefileCore
import CasefileTestSupport
import Testing

@Suite("add person, post, quote, source")
struct AddCommandTests {
    @Test("add person: Id from the transliterated surname, then the full name, then a counter")
    func addPerson() {
        assertTranscript("""
            > add person "Nurali Aitelenov" handle=@extremkz alias="IT-len-off Нурали" role=blogger tag=detained url=https://x.org
            added person aitelenov: Nurali Aitelenov
            > add person "Ахметжан Есимов"
            added person esimov: Ахметжан Есимов
            > add person "Akhmetzhan Esimov"
            added person akhmetzhan-esimov: Akhmetzhan Esimov
            > add person "A. Esimov"
            added person a-esimov: A. Esimov
            > add person "Akhmetzhan Esimov"
            added person esimov-2: Akhmetzhan Esimov
            > add person Cinemaholic id=cinemaholic handle=baitukenov
            added person cinemaholic: Cinemaholic
            > show cinemaholic
            person cinemaholic — Cinemaholic
              Handle    @baitukenov
            > add person "Someone Else" handle=@extremkz
            note: @extremkz is also the handle of aitelenov
            added person else: Someone Else
            """)
    }

    @Test("add person: the errors say what is wrong with the word, and what to write")
    func addPersonErrors() {
        Fixture.session().check("""
            > add person "X" id=aitelenov
            error: the Id 'aitelenov' is taken by a person
             1 | add person "X" id=aitelenov
               |                ^^^^^^^^^^^^
              hint: choose another id=, or leave it out to have one made
            > add person "X" id="bad id"
            error: an Id uses ASCII letters, digits and - . _ only, and starts with a letter or digit
             1 | add person "X" id="bad id"
               |                ^^^^^^^^^^^
            > add person "X" id=a=b
            error: an Id uses ASCII letters, digits and - . _ only, and starts with a letter or digit ('=' is not one of them)
             1 | add person "X" id=a=b
               |                ^^^^^^
            > add person "X" id='a"b'
            error: an Id uses ASCII letters, digits and - . _ only, and starts with a letter or digit ('"' is not one of them)
             1 | add person "X" id='a"b'
               |                ^^^^^^^^
            > add person "X" id=есимов
            error: an Id uses ASCII letters, digits and - . _ only, and starts with a letter or digit
             1 | add person "X" id=есимов
               |                ^^^^^^^^^
            > add person "X" id=@x
            error: an Id cannot start with '@' (that marks a handle)
             1 | add person "X" id=@x
               |                ^^^^^
            > add person "X" id=-x
            error: an Id cannot start with '-' (that marks a flag such as --cascade)
             1 | add person "X" id=-x
               |                ^^^^^
            > add person "X" handle=@
            error: '@' is not a handle
             1 | add person "X" handle=@
               |                ^^^^^^^^
              hint: write handle=@name
            > add person ""
            error: a person needs a name
             1 | add person ""
               |            ^^
            > add person "X" lang=ru
            error: add person has no option lang=
             1 | add person "X" lang=ru
               |                ^^^^^^^
              hint: options: id= handle= alias= role= tag= url= source=; quote the word if it is text
            > add person "X" source=nowhere
            error: no source 'nowhere'
             1 | add person "X" source=nowhere
               |                ^^^^^^^^^^^^^^
              hint: list the Ids with: list source
            > add person "X" id=x id=y
            error: id= is given twice
             1 | add person "X" id=x id=y
               |                     ^^^^
              hint: give it once
            """)
    }

    @Test("add post: Id from the handle and the date; three date forms; the language guess is shown")
    func addPost() {
        let session = Fixture.session()
        session.check("""
            > add post @extremkz "6 February 2014" "Ребята, вас просто поюзали."
            extremkz-2014-02-06: language guessed as ru (give lang= to set it)
            added post extremkz-2014-02-06: Ребята, вас просто поюзали.
            > add post aitelenov "February 7, 2014" "Қазақ тілі өте әдемі"
            extremkz-2014-02-07: language guessed as kk (give lang= to set it)
            added post extremkz-2014-02-07: Қазақ тілі өте әдемі
            > add post kibraev 2014-02-08 "Lunch with the mayor"
            kibraev-2014-02-08: language guessed as en (give lang= to set it)
            added post kibraev-2014-02-08: Lunch with the mayor
            > add post kibraev 2014-02-08 "Another one" lang=en-GB id=kib-2 url=https://t.co/1 tag=lunch source=gv
            added post kib-2: Another one
            > add post kibraev 2014-02-08 "12345"
            added post kibraev-2014-02-08-2: 12345
            > add person "Emoji" handle=@👍👍
            added person emoji: Emoji
            > add post @👍👍 2014-02-09 "👍" lang=en
            added post post-2014-02-09: 👍
            > add post @extremkz 2014-02-09 <<END
            > Первая строка
            >   вторая строка
            > END
            extremkz-2014-02-09: language guessed as ru (give lang= to set it)
            added post extremkz-2014-02-09: Первая строка   вторая строка
            """)
        let posts = ["extremkz-2014-02-06": ("2014-02-06", "ru"), "extremkz-2014-02-07": ("2014-02-07", "kk"),
                     "kibraev-2014-02-08": ("2014-02-08", "en"), "kib-2": ("2014-02-08", "en-GB")]
        for (id, (date, lang)) in posts {
            #expect(session.notebook.caseFile[id]?["Date"] == date, "\(id)")
            #expect(session.notebook.caseFile[id]?.lang == lang, "\(id)")
        }
        #expect(session.notebook.caseFile["kibraev-2014-02-08-2"]?.lang == nil)
        #expect(session.notebook.caseFile["extremkz-2014-02-09"]?.text == "Первая строка\n  вторая строка")
        #expect(session.notebook.caseFile["kib-2"]?.fields.map(\.name) == ["Author", "Date", "Lang", "Url", "Source", "Tag", "Text"])
    }

    @Test("add post: missing and unexpected arguments, bad dates, bad languages, unknown authors")
    func addPostErrors() {
        Fixture.session().check("""
            > add post @extremkz
            error: add post needs DATE
             1 | add post @extremkz
               |                   ^
              hint: usage: add post AUTHOR DATE TEXT [id=ID] [lang=LANG] [platform=P] [url=URL] [tag=T]… [source=ID]
            > add post @extremkz 2014-02-04
            error: add post needs TEXT
             1 | add post @extremkz 2014-02-04
               |                              ^
              hint: usage: add post AUTHOR DATE TEXT [id=ID] [lang=LANG] [platform=P] [url=URL] [tag=T]… [source=ID]
            > add post @extremkz 2014-02-04 Hello world
            error: unexpected 'world'
             1 | add post @extremkz 2014-02-04 Hello world
               |                                     ^^^^^
              hint: quote text with spaces: "…"; usage: add post AUTHOR DATE TEXT [id=ID] [lang=LANG] [platform=P] [url=URL] [tag=T]… [source=ID]
            > add post @extremkz 2014-02-04 "Hello" lnag=en
            error: add post has no option lnag=
             1 | add post @extremkz 2014-02-04 "Hello" lnag=en
               |                                       ^^^^^^^
              hint: did you mean 'lang='?
            > add post @extremkz 2014-02-04 "Hello" --force
            error: add post has no flag --force
             1 | add post @extremkz 2014-02-04 "Hello" --force
               |                                       ^^^^^^^
              hint: quote the word if it is text; usage: add post AUTHOR DATE TEXT [id=ID] [lang=LANG] [platform=P] [url=URL] [tag=T]… [source=ID]
            > add post @extremkz 2014-31-02 "Hello"
            error: '2014-31-02' is not a date I can read
             1 | add post @extremkz 2014-31-02 "Hello"
               |                    ^^^^^^^^^^
              hint: write 2014-02-04, 4 February 2014 or February 4, 2014
            > add post @extremkz "31 February 2014" "Hello"
            error: '31 February 2014' is not a date I can read
             1 | add post @extremkz "31 February 2014" "Hello"
               |                    ^^^^^^^^^^^^^^^^^^
              hint: write 2014-02-04, 4 February 2014 or February 4, 2014
            > add post @extremkz 2014-02-04 "Hello" lang=english
            error: 'english' is not a language tag
             1 | add post @extremkz 2014-02-04 "Hello" lang=english
               |                                       ^^^^^^^^^^^^
              hint: did you mean 'en'?
            > add post @extremkz 2014-02-04 "Hello" lang=r_u
            error: 'r_u' is not a language tag
             1 | add post @extremkz 2014-02-04 "Hello" lang=r_u
               |                                       ^^^^^^^^
              hint: use a BCP 47 tag such as ru, kk, en or kk-Cyrl
            > add post @nobody 2014-02-04 "Hello"
            error: no person has the handle @nobody
             1 | add post @nobody 2014-02-04 "Hello"
               |          ^^^^^^^
              hint: add it with: add person NAME handle=@nobody
            > add post aitelenof 2014-02-04 "Hello"
            error: no person 'aitelenof'
             1 | add post aitelenof 2014-02-04 "Hello"
               |          ^^^^^^^^^
              hint: did you mean 'aitelenov'?
            > add post gv 2014-02-04 "Hello"
            error: 'gv' is a source, not a person
             1 | add post gv 2014-02-04 "Hello"
               |          ^^
            > add post @extremkz 2014-02-04 ""
            error: a post needs text
             1 | add post @extremkz 2014-02-04 ""
               |                               ^^
            """)
    }

    @Test("add quote: Id from the speaker and a counter; from= names the post")
    func addQuote() {
        Fixture.session().check("""
            > add quote kibraev "Ребята, вас просто поюзали." from=extremkz-2014-02-04 date="February 6, 2014"
            kibraev-q1: language guessed as ru (give lang= to set it)
            added quote kibraev-q1: Ребята, вас просто поюзали.
            > add quote @extremkz "A second one" lang=en url=https://x.org tag=blog
            added quote aitelenov-q1: A second one
            > add quote kibraev "Again" lang=en
            added quote kibraev-q2: Again
            > show kibraev-q1
            quote kibraev-q1
              Speaker   kibraev (Rinat Kibraev)
              Post      extremkz-2014-02-04
              Date      2014-02-06
              Lang      ru

              Ребята, вас просто поюзали.
            > add quote kibraev "x" from=aitelenov
            error: 'aitelenov' is a person, not a post
             1 | add quote kibraev "x" from=aitelenov
               |                       ^^^^^^^^^^^^^^
            > add quote kibraev
            error: add quote needs TEXT
             1 | add quote kibraev
               |                  ^
              hint: usage: add quote SPEAKER TEXT [from=POST] [date=DATE] [url=URL] [lang=LANG] [id=ID] [tag=T]… [source=ID]
            > add quote kibraev "x" date=someday
            error: 'someday' is not a date I can read
             1 | add quote kibraev "x" date=someday
               |                       ^^^^^^^^^^^^
              hint: write 2014-02-04, 4 February 2014 or February 4, 2014
            """)
    }

    @Test("add source: Id from a slug of the title; dates read in every form")
    func addSource() {
        let session = TranscriptSession()
        session.check("""
            > add source "Some Kazakh Bloggers Dine With Mayor, Some Get Jail Terms" url=https://advox.org published="8 February 2014" retrieved=2025-11-20
            added source some-kazakh-bloggers-dine-with-mayor-some-get-jail-terms: Some Kazakh Bloggers Dine With Mayor, Some Get Jail Terms
            > add source "Some Kazakh Bloggers Dine With Mayor, Some Get Jail Terms"
            added source some-kazakh-bloggers-dine-with-mayor-some-get-jail-terms-2: Some Kazakh Bloggers Dine With Mayor, Some Get Jail Terms
            > add source "Блог Предиктора" tag=blog tag=ru
            added source blog-prediktora: Блог Предиктора
            > add source "  "
            error: a source needs a title
             1 | add source "  "
               |            ^^^^
            > add source "X" published=soon
            error: 'soon' is not a date I can read
             1 | add source "X" published=soon
               |                ^^^^^^^^^^^^^^
              hint: write 2014-02-04, 4 February 2014 or February 4, 2014
            """)
        let source = session.notebook.caseFile["some-kazakh-bloggers-dine-with-mayor-some-get-jail-terms"]
        #expect(source?["Published"] == "2014-02-08")
        #expect(source?["Retrieved"] == "2025-11-20")
        #expect(session.notebook.caseFile["blog-prediktora"]?.tags == ["blog", "ru"])
    }
}
