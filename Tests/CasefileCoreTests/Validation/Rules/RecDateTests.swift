@testable import CasefileCore
import Testing

/// The ISO fast path and the general grammar must read every date the same way: the fast
/// path exists only for speed.
@Suite("dates as recutils reads them: the ISO fast path agrees with the general grammar")
struct RecDateTests {
    static let isoForms = [
        "2024-05-01", "2024-02-29", "1970-01-01", "2024-05-01T12:00", "2024-05-01t12:00:05",
        "2024-05-01T23:59:59Z", "2024-05-01T12:00:05.5", "2024-05-01T12:00:05.125z",
        "2024-05-01 12:00", "2024-05-01 12:00:30+02:00", "2024-05-01T12:00-05:00", "2024-05-01T12:00+0530",
        "2024-05-01T12:00+05", "0999-12-31T00:00Z",
    ]

    @Test("each ISO form has the general grammar's value", arguments: isoForms)
    func agrees(_ text: String) throws {
        let fast = try #require(RecDate.isoSeconds(text), "the fast path should read \(text)")
        let general = try #require(RecDate.generalSeconds(text, now: 0), "the general grammar should read \(text)")
        #expect(fast == general)
    }

    @Test("the time of a date-time counts (it was once dropped after the date)")
    func timeCounts() {
        #expect(RecDate.seconds("2024-05-01T12:00Z") == RecDate.seconds("2024-05-01")! + 12 * 3_600)
        #expect(RecDate.generalSeconds("2024-05-01T12:00+02:00", now: 0) == RecDate.seconds("2024-05-01")! + 10 * 3_600)
    }

    @Test("what the fast path refuses, it leaves to the general grammar",
          arguments: ["2010-02-30", "2024-13-01", "2024-05-01T24:00", "2024-05-01T12:60", "2024-5-1",
                      "20 April 2010", "tomorrow", "@1700000000", "2024-05-01T12:00 utc", "2024-05-01T", "2024-05-01x"])
    func leavesTheRest(_ text: String) {
        #expect(RecDate.isoSeconds(text) == nil)
        #expect(RecDate.seconds(text, now: 1_000) == RecDate.generalSeconds(text, now: 1_000))
    }

    @Test("not dates", arguments: ["2010-02-30", "2024-05-01T25:00", "2024-05-01Tnoon", "someday", ""])
    func notDates(_ text: String) {
        #expect(!RecDate.isValid(text))
    }
}
