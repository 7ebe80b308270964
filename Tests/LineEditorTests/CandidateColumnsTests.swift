import Testing
@testable import LineEditor

struct CandidateColumnsTests {
    init() { UTF8Locale.activate() }

    @Test func displayWidthCountsCellsNotBytes() {
        #expect(CandidateColumns.displayWidth("Есимов") == 6)
        #expect(CandidateColumns.displayWidth("Қазақстан") == 9)
        #expect(CandidateColumns.displayWidth("е\u{301}") == 1)
        #expect(CandidateColumns.displayWidth("中文") == 4)
    }

    @Test func candidatesFillColumnsDownThenAcross() {
        let items = ["Есимов", "Есенов", "esimov", "extremkz", "help"]
        let lines = CandidateColumns.lines(items, width: 20, maxRows: 10)
        // Widest is 8 cells; 2 columns of 8 + 2 fit in 20, so 3 rows.
        #expect(lines.count == 3)
        #expect(lines[0] == "Есимов    extremkz")
        #expect(lines[1] == "Есенов    help")
        #expect(lines[2] == "esimov")
        for line in lines { #expect(CandidateColumns.displayWidth(line) <= 20) }
    }

    @Test func aNarrowTerminalGetsOneColumnAndTooManyRowsAreCut() {
        let items = (1...50).map { "person-\($0)" }
        let lines = CandidateColumns.lines(items, width: 5, maxRows: 10)
        #expect(lines.count == 11)
        #expect(lines[0] == "person-1")
        #expect(lines[10] == "… 40 more; type more letters")
    }

    @Test func controlCharactersInCandidatesAreMadeVisible() {
        #expect(CandidateColumns.visible("evil\u{1b}[2Jname") == "evil^[[2Jname")
        #expect(CandidateColumns.visible("rtl\u{202E}x") == "rtl<U+202E>x")
        #expect(CandidateColumns.visible("plain Есимов") == "plain Есимов")
    }
}
