import Testing
@testable import LineEditor

struct PromptTests {
    @Test func continuedShowsTheContinuationText() {
        let prompt = Prompt("kazakh-bloggers* 48> ", continuation: "...> ")
        #expect(prompt.current == "kazakh-bloggers* 48> ")
        #expect(prompt.continued.current == "...> ")
        #expect(prompt.continued.main == prompt.main)
    }

    @Test func colourSequencesAreBracketedAsInvisible() {
        let bytes = Prompt.libeditBytes("\u{1b}[1;34mкейс\u{1b}[0m> ")
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1}\u{1b}[1;34m\u{1}кейс\u{1}\u{1b}[0m\u{1}> ")
    }

    @Test func otherControlCharactersAreDropped() {
        let bytes = Prompt.libeditBytes("a\u{07}b\u{1}c\u{9B}2Jd> \u{1b}[12")
        // C0 and C1 controls go; an unterminated sequence at the end is dropped whole.
        #expect(String(decoding: bytes, as: UTF8.self) == "abc2Jd> ")
    }
}
