@testable import CasefileCore
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

    /// The byte-level path for `YYYY-MM-DDTHH:MM:SSZ` gives the answer the general one does:
    /// the same moment written with a zero fraction (which only the general path reads) is
    /// valid exactly when the plain one is.
    @Test("plain UTC date-times agree with the general reading")
    func plainDateTimesAgree() {
        for date in ["2014-02-04", "2016-02-29", "2015-02-29", "2014-13-01", "2014-00-10", "2014-04-31", "2x14-02-04"] {
            for hour in [0, 9, 23, 24, 99] {
                for (minute, second) in [(0, 0), (59, 60), (60, 0), (5, 61)] {
                    let clock = [hour, minute, second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
                    let plain = "\(date)T\(clock)Z"
                    let general = "\(date)T\(clock).000Z"
                    #expect(ISODate.isValid(plain) == ISODate.isValid(general), "\(plain)")
                }
            }
        }
        #expect(ISODate.isValid("2014-02-04T13:05:00Z"))
        #expect(!ISODate.isValid("2014-02-04T13:05:0aZ"))
        #expect(!ISODate.isValid("2014-02-04t13:05:00Z"))
    }

    /// Exports check dates on the bytes of the mapped file (`isValid(utf8:)`): every date
    /// above, valid or not, read from the middle of a buffer, get the answer the string does.
    @Test("dates read from bytes get the answer their strings do")
    func bytesAgree() {
        let samples = ["2014", "2014-02-04", "2016-02-29", "2014-02-04T13:05:00Z", "2014-02-04T13:05:00+06:00", "",
                       "2014-02-30", "1900-02-29", "2014-02-04T24:00:00Z", "2014-02-04T23:59:61Z", "２０１４-02-04", "yesterday"]
        for sample in samples {
            let padded = Array(("xx" + sample).utf8)
            padded.withUnsafeBufferPointer { buffer in
                let bytes = UnsafeBufferPointer(rebasing: buffer[2...])
                #expect(ISODate.isValid(utf8: bytes) == ISODate.isValid(sample), "\(sample)")
            }
        }
    }

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
