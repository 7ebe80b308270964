import CasefileCore
import Testing

@Suite("ISO dates and BCP 47 tags")
struct DateAndLanguageTests {
    @Test("valid ISO dates and date-times", arguments: [
        "2014", "2014-02", "2014-02-04", "2016-02-29", "2000-02-29", "2014-02-04T13:05", "2014-02-04T13:05:00Z",
        "2014-02-04T13:05:00.250Z", "2014-02-04T13:05:00+06:00", "2014-02-04T23:59:60Z",
    ])
    func validDates(text: String) { #expect(ISODate.isValid(text)) }

    @Test("invalid dates", arguments: [
        "", "2014-02-30", "2015-02-29", "1900-02-29", "2014-13-01", "2014-00-10", "2014-04-31", "2014-02-00",
        "14-02-04", "2014-2-4", "04.02.2014", "2014/02/04", "2014-02-04T24:00", "2014-02-04T12:60", "2014-02-04 12:00",
        "２０１４-02-04", "2014-02-04T", "yesterday",
    ])
    func invalidDates(text: String) { #expect(!ISODate.isValid(text)) }

    @Test("well-formed language tags", arguments: ["ru", "kk", "en", "kaz", "kk-Cyrl", "kk-Cyrl-KZ", "en-GB", "zh-Hant-TW",
                                                   "sr-Latn", "es-419", "de-CH-1901", "en-x-twitter"])
    func validTags(tag: String) { #expect(LanguageTag.isValid(tag)) }

    @Test("malformed language tags", arguments: ["", "r", "русский", "kk_KZ", "en-", "-en", "e1", "en-GB-", "k k"])
    func invalidTags(tag: String) { #expect(!LanguageTag.isValid(tag)) }

    @Test("the primary language of a tag")
    func primary() {
        #expect(LanguageTag.primary("kk-Cyrl-KZ") == "kk")
        #expect(LanguageTag.primary("RU") == "ru")
    }
}
