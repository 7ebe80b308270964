import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Quoting")
struct QuotingTests {
    @Test("safe words stay bare; anything else is double-quoted with escapes")
    func forms() {
        #expect(Quoting.word("aitelenov") == "aitelenov")
        #expect(Quoting.word("@extremkz") == "@extremkz")
        #expect(Quoting.word("Есимов") == "Есимов")
        #expect(Quoting.word("https://x.org/a,b") == "https://x.org/a,b")
        #expect(Quoting.word("Nurali Aitelenov") == "\"Nurali Aitelenov\"")
        #expect(Quoting.word("") == "\"\"")
        #expect(Quoting.word("a=b") == "\"a=b\"")
        #expect(Quoting.word("#KAZ") == "\"#KAZ\"")
        #expect(Quoting.word("-m") == "\"-m\"")
        #expect(Quoting.word("<<END") == "\"<<END\"")
        #expect(Quoting.word("say \"hi\"\n\\") == #""say \"hi\"\n\\""#)
        #expect(Quoting.word("a\rb") == #""a\rb""#)
    }

    @Test("a quoted word reads back as exactly the text (property over random texts)")
    func roundTrip() {
        var random = TranscriptRandom(seed: 7)
        var samples = ["", " ", "\r", "\r\n", "a\r\nb", "\u{1B}[31m", "tab\t", "'", "\"", "\\", "\\n", "=", "# x",
                       "\u{0}", "end\\"]
        for _ in 0..<500 { samples.append(random.text()) }
        for text in samples {
            let line = "say " + Quoting.word(text) + " " + Quoting.word(text)
            let lexed = Lexer.lex(line)
            #expect(lexed.errors.isEmpty, "\(text.debugDescription)")
            #expect(lexed.commands.count == 1, "\(text.debugDescription)")
            #expect(lexed.commands.first?.words.dropFirst().map(\.text) == [text, text], "\(text.debugDescription)")
            #expect(lexed.commands.first?.words.dropFirst().allSatisfy { $0.option == nil } == true, "\(text.debugDescription)")
            #expect(!Quoting.word(text).contains("\n"), "a quoted word stays on one line: \(text.debugDescription)")
        }
    }
}
