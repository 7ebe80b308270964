import Testing
@testable import CasefileCore

/// Changed words marked inline, with and without colour.
@Suite struct WordDiffTests {
    @Test func onlyTheChangedWordsAreMarked() {
        #expect(WordDiff.inline("Tomorrow at Esimov's lunch", "Tomorrow at the mayor's lunch", colour: false)
                    == "Tomorrow at [-Esimov's-]{+the mayor's+} lunch")
        #expect(WordDiff.inline("a b c", "a b c d", colour: false) == "a b c{+ d+}")
        #expect(WordDiff.inline("Завтра у Есимова на ланче", "Завтра у акима на ланче", colour: false)
                    == "Завтра у [-Есимова-]{+акима+} на ланче")
        #expect(WordDiff.inline("one two", "three four", colour: false) == nil, "nothing shared: shown whole")
        #expect(WordDiff.inline("x \u{1B}[2J y", "x z y", colour: false) == "x [-␛[2J-]{+z+} y"
                    || WordDiff.inline("x \u{1B}[2J y", "x z y", colour: false)?.contains("\u{1B}") == false)
    }

    @Test func colourUsesTheRemovedAndAddedStyles() {
        let marked = WordDiff.inline("at the lunch", "at the dinner", colour: true)
        #expect(marked == "at the " + Terminal.styled("lunch", .removedWords) + Terminal.styled("dinner", .addedWords))
    }

    @Test func aMultiLineTextPairsChangedLines() {
        let diff = CaseDiff(changes: [RecordChange(
            action: .changed, subject: .entry(.post, "p"),
            fields: FieldsDiff(old: [Field("Text", "first line\nsecond line here\nthird")],
                                       new: [Field("Text", "first line\nsecond line there\nthird")]),
            comments: [])])
        #expect(DiffRenderer().lines(diff) == [
            "~ post p", "    Text:", "        first line", "      ~ second line [-here-]{+there+}", "        third",
        ])
    }
}
