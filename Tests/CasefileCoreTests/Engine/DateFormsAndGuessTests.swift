import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Dates and language guesses, through add post")
struct DateFormsAndGuessTests {
    private func storedDate(_ date: String) -> String? {
        let session = Fixture.session()
        let errors = session.notebook.runInteractive("add post kibraev \(Quoting.word(date)) \"x\" lang=en id=p")
        return errors.isEmpty ? session.notebook.caseFile["p"]?["Date"] : nil
    }

    @Test("dates are read in the forms researchers type and stored as ISO", arguments: [
        ("2014-02-04", "2014-02-04"), ("4 February 2014", "2014-02-04"), ("February 4, 2014", "2014-02-04"),
        ("4 Feb 2014", "2014-02-04"), ("Feb. 4, 2014", "2014-02-04"), ("feb 4 2014", "2014-02-04"),
        ("04 February 2014", "2014-02-04"), ("29 February 2016", "2016-02-29"), ("1 Sept 2014", "2014-09-01"),
        ("31 December 1999", "1999-12-31"), ("2014-02", "2014-02"), ("2014", "2014"), ("  2014-02-04 ", "2014-02-04"),
        ("2014-02-04T13:05:00Z", "2014-02-04T13:05:00Z"), (" 2014-02-04T13:05+06:00", "2014-02-04T13:05+06:00"),
    ])
    func accepted(date: String, iso: String) {
        #expect(storedDate(date) == iso)
    }

    @Test("impossible or unreadable dates are refused", arguments: [
        "2014-02-30", "30 February 2014", "29 February 2014", "2014-13-01", "February 2014", "4 February", "4 4 2014",
        "4th February 2014", "Ma 4 2014", "yesterday", "", "99999999999999999999 February 2014", "-4 February 2014",
        "0 February 2014", "2014-02-04 T13:05", "2014-02-04T13:05 Z", "2014 02 04",
    ])
    func refused(date: String) {
        #expect(storedDate(date) == nil, "\(date.debugDescription)")
    }

    @Test("the language is guessed from the letters and the guess is shown", arguments: [
        ("Завтра у Есимова на ланче", "ru"), ("Қазақстан", "kk"), ("Мен өте қуаныштымын", "kk"), ("Lunch with the mayor", "en"),
        ("Біз Алматыда тұрамыз", "kk"), ("Завтра зустріч у Києві", "uk"), ("Мій друг живе тут", "uk"),
        ("Ён пайшоў дадому", "be"),
    ])
    func guessed(text: String, lang: String) {
        let session = Fixture.session()
        session.check("""
            > add post kibraev 2014-02-09 \(Quoting.word(text)) id=p
            p: language guessed as \(lang) (if wrong: set p lang=…)
            added post p: \(text)
            """)
        #expect(session.notebook.caseFile["p"]?.lang == lang)
    }

    @Test("too little text, or two scripts alike, is und and asks for lang=", arguments: [
        ("2014 #12345 👍", "it has no words, only handles, hashtags, links or numbers"),
        ("@tvrain https://t.co/x1", "it has no words, only handles, hashtags, links or numbers"),
        ("Привет, world", "it mixes Cyrillic and Latin words in like measure"),
        ("Алматы", "it is too short to tell (1 word and no telling letter)"),
        ("Hello", "it is too short to tell (1 word)"),
    ])
    func undetermined(text: String, reason: String) {
        let session = Fixture.session()
        session.check("""
            > add post kibraev 2014-02-09 \(Quoting.word(text)) id=p
            p: language not guessed (und): \(reason); give lang=, or set p lang=ru (or uk, kk…)
            added post p: \(text)
            """)
        #expect(session.notebook.caseFile["p"]?.lang == "und")
    }

    @Test("lang= given: no guess")
    func notGuessed() {
        Fixture.session().check("""
            > add post kibraev 2014-02-09 "Привет" lang=uk id=q
            added post q: Привет
            """)
    }
}
