import CasefileCore
import CasefileTestSupport
import Testing

/// Dates as Russian, Kazakh, Ukrainian, Belarusian and English sources write them, with
/// times, through `add post`; and what an impossible or ambiguous date is told.
@Suite("Dates as sources write them")
struct DateSourceFormsTests {
    private func add(_ date: String) -> (date: String?, errors: [String]) {
        let session = Fixture.session()
        let errors = session.notebook.runInteractive("add post kibraev \(Quoting.word(date)) \"x\" lang=en id=p")
        return (errors.isEmpty ? session.notebook.caseFile["p"]?["Date"] : nil, errors)
    }

    @Test("day-first numbers, month names of the region's languages, and times are read", arguments: [
        ("25.03.2014", "2014-03-25"), ("25/03/2014", "2014-03-25"), ("25-03-2014", "2014-03-25"), ("25.3.2014", "2014-03-25"),
        ("03.03.2014", "2014-03-03"), ("29.02.2016", "2016-02-29"),
        ("25 марта 2014", "2014-03-25"), ("25 марта 2014 г.", "2014-03-25"), ("25 Марта 2014 года", "2014-03-25"),
        ("1 мая 2014", "2014-05-01"), ("25 наурыз 2014", "2014-03-25"), ("2014 жылғы 25 наурыз", "2014-03-25"),
        ("2014 жылғы 25 наурызда", "2014-03-25"), ("16 желтоқсан 2011", "2011-12-16"), ("25 березня 2014", "2014-03-25"),
        ("25 сакавіка 2014", "2014-03-25"), ("March 25, 2014", "2014-03-25"), ("25 March 2014", "2014-03-25"),
        ("25.03.2014 22:37", "2014-03-25T22:37"), ("March 25, 2014 10:30 PM", "2014-03-25T22:30"),
        ("March 25, 2014, 10:30 am", "2014-03-25T10:30"), ("25/03/2014 12:05 AM", "2014-03-25T00:05"),
        ("25.03.2014 10:30pm", "2014-03-25T22:30"), ("25 марта 2014, 22:37 +06:00", "2014-03-25T22:37+06:00"),
        ("25 марта 2014 в 22:37", "2014-03-25T22:37"), ("2014-03-25 22:37 UTC", "2014-03-25T22:37Z"),
        ("2014-03-25 22:37:05", "2014-03-25T22:37:05"), ("22:37, 25 марта 2014", "2014-03-25T22:37"),
        ("25.03.2014 22:37 GMT+6", "2014-03-25T22:37+06:00"), ("25.03.2014 22:37+0600", "2014-03-25T22:37+06:00"),
        ("March 25, 2014 10:30 PM UTC", "2014-03-25T22:30Z"),
    ])
    func read(text: String, iso: String) {
        let result = add(text)
        #expect(result.date == iso, "\(text): \(result.errors)")
    }

    @Test("impossible and ambiguous dates say why, and what to write", arguments: [
        ("2014-02-30", "2014-02-30: February 2014 has 28 days", "check the day and the month"),
        ("2016-02-30", "2016-02-30: February 2016 has 29 days", "check the day and the month"),
        ("2014-04-31", "2014-04-31: April 2014 has 30 days", "check the day and the month"),
        ("2014-13-01", "2014-13-01: there is no month 13", "months run from 01 to 12: YYYY-MM-DD"),
        ("30.02.2014", "30.02.2014: February 2014 has 28 days", "check the day and the month"),
        ("30 февраля 2014", "30 февраля 2014: February 2014 has 28 days", "check the day and the month"),
        ("04.02.2014", "04.02.2014 is either 4 February 2014 or 2 April 2014", "write 2014-02-04 or 2014-04-02"),
        ("04/02/2014", "04/02/2014 is either 4 February 2014 or 2 April 2014", "write 2014-02-04 or 2014-04-02"),
        ("5.3.2014", "5.3.2014 is either 5 March 2014 or 3 May 2014", "write 2014-03-05 or 2014-05-03"),
        ("03/25/2014", "03/25/2014 reads as March 25, 2014 only if the month comes first",
         "write 2014-03-25 if that is meant (dates here are day first: 25.03.2014)"),
        ("25.03.14", "25.03.14: the year needs four digits", "write 25.03.2014 (or 1914), or an ISO date"),
        ("25.03.2014 25:00", "25:00: there is no such time of day", "hours run from 00 to 23, minutes from 00 to 59"),
        ("March 25, 2014 13:30 PM", "13:30 PM: with AM or PM the hour runs from 1 to 12", "write 13:30 without PM"),
        ("2014-03 22:37", "a time needs a whole date", "give the day too, as in 2014-02-04 22:37"),
        ("25 мартобря 2014", "'мартобря' is not part of a date I can read", DateFormsHint.text),
    ])
    func explained(text: String, message: String, hint: String) {
        let errors = add(text).errors
        let rendered = errors.joined()
        #expect(rendered.contains("error: " + message) || rendered.contains("error: '\(text)': " + message), "\(rendered)")
        #expect(rendered.contains("hint: " + hint), "\(rendered)")
    }
}

/// The general hint for a date that cannot be read.
enum DateFormsHint {
    static let text = "write 2014-03-25, 25 March 2014, March 25, 2014, 25.03.2014 or 25 марта 2014"
}
