import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Plural")
struct PluralTests {
    @Test("one is singular, everything else plural, irregular nouns included")
    func counts() {
        #expect(Plural.count(1, "reference") == "1 reference")
        #expect(Plural.count(0, "reference") == "0 references")
        #expect(Plural.count(2, "entry") == "2 entries")
        #expect(Plural.count(1, "entry") == "1 entry")
        #expect(Plural.count(3, "unsaved change") == "3 unsaved changes")
        #expect(Plural.count(5, .person) == "5 people")
        #expect(Plural.count(1, .person) == "1 person")
        #expect(Plural.count(2, "match") == "2 matches")
        #expect(Plural.count(2, "day") == "2 days")
        #expect(Plural.count(4, "entry, link or note", "entries, links and notes") == "4 entries, links and notes")
    }

    @Test("the shell's messages say one reference, one entry, one change")
    func messages() {
        let session = TranscriptSession()
        session.setUp("""
            add person "Ахметжан Есимов" id=esimov
            add post esimov 2014-02-04 lang=ru "Завтра"
            """)
        session.check("""
            > rename esimov yesimov
            renamed esimov to yesimov (1 reference rewritten)
            > list person
            person       yesimov  Ахметжан Есимов
            1 entry
            """)
    }
}
