import CasefileCore
import Testing

/// The words of each command, as (text, line, column) triples.
private func words(_ text: String) -> [[String]] {
    Lexer.lex(text).commands.map { $0.words.map(\.text) }
}

private func positions(_ command: ScriptCommand) -> [String] {
    command.words.map { "\($0.text)@\($0.line):\($0.column)" }
}

@Suite("Lexer")
struct LexerTests {
    @Test("words keep their line and column, counted in characters")
    func positionsOfWords() {
        let result = Lexer.lex("show Есимов  x\n  add person \"Nurali Aitelenov\" handle=@extremkz")
        #expect(result.errors.isEmpty)
        #expect(result.commands.count == 2)
        #expect(positions(result.commands[0]) == ["show@1:1", "Есимов@1:6", "x@1:14"])
        #expect(positions(result.commands[1]) == ["add@2:3", "person@2:7", "Nurali Aitelenov@2:14", "handle=@extremkz@2:33"])
        #expect(result.commands[1].line == 2)
        #expect(result.commands[1].source == "add person \"Nurali Aitelenov\" handle=@extremkz")
        #expect(result.commands[1].words[2].raw == "\"Nurali Aitelenov\"")
        #expect(result.commands[1].words[2].isQuoted)
        #expect(!result.commands[1].words[3].isQuoted)
    }

    @Test("the first line can be numbered from elsewhere")
    func firstLine() {
        let result = Lexer.lex("a\nb", firstLine: 10)
        #expect(result.commands.map(\.line) == [10, 11])
        #expect(result.commands[1].words[0].line == 11)
    }

    @Test("double quotes take escapes, single quotes are literal, a backslash escapes one character")
    func quotesAndEscapes() {
        #expect(words(#"say "a\"b\\c\nd\te" 'x\ny' a\ b "\q""#) == [["say", "a\"b\\c\nd\te", "x\\ny", "a b", "\\q"]])
        #expect(words(#"say "a"b'c'd"#) == [["say", "abcd"]])
        let empty = Lexer.lex(#"say "" ''"#).commands[0].words
        #expect(empty.map(\.text) == ["say", "", ""])
        #expect(empty[1].isQuoted && empty[2].isQuoted)
    }

    @Test("a quoted word alone, at the end, or running into more text gives its text, raw form and position")
    func quotedWordForms() {
        let result = Lexer.lex("say \"Завтра 😀 у\" 'ланче… \\x'\"y\" \"a\\\"b\" \"\r\" 'end'")
        #expect(result.errors.isEmpty)
        let words = result.commands.first?.words ?? []
        #expect(words.map(\.text) == ["say", "Завтра 😀 у", "ланче… \\xy", "a\"b", "\r", "end"])
        #expect(words.map(\.raw) == ["say", "\"Завтра 😀 у\"", "'ланче… \\x'\"y\"", "\"a\\\"b\"", "\"\r\"", "'end'"])
        #expect(words.map(\.column) == [1, 5, 18, 33, 40, 44])
        #expect(words.dropFirst().allSatisfy { $0.isQuoted })
    }

    @Test("a quote may span lines; words after it are placed on the right line")
    func quoteSpanningLines() {
        let result = Lexer.lex("add post x 2014 \"line one\nline two\" lang=ru\nshow x")
        #expect(result.errors.isEmpty)
        #expect(result.commands.count == 2)
        #expect(positions(result.commands[0]) == ["add@1:1", "post@1:5", "x@1:10", "2014@1:12", "line one\nline two@1:17",
                                                  "lang=ru@2:11"])
        #expect(result.commands[1].line == 3)
        #expect(result.commands[0].source == "add post x 2014 \"line one\nline two\" lang=ru")
    }

    @Test("a trailing backslash continues the command on the next line")
    func continuation() {
        let result = Lexer.lex("add person \\\n   \"Rinat Kibraev\" \\\n   tag=detained\nshow kibraev")
        #expect(result.commands.count == 2)
        #expect(positions(result.commands[0]) == ["add@1:1", "person@1:5", "Rinat Kibraev@2:4", "tag=detained@3:4"])
        #expect(result.commands[1].line == 4)
        #expect(!result.isIncomplete)
    }

    @Test("a backslash at the very end means the command is not finished")
    func trailingBackslashAtEnd() {
        #expect(Lexer.lex("add person x\\").isIncomplete)
        let result = Lexer.lex("add person \\")
        #expect(result.isIncomplete)
        #expect(result.commands.isEmpty)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.line == 1)
        #expect(result.errors.first?.column == 12)
    }

    @Test("here-documents: the body is the word, the tag line ends it, the next command follows")
    func hereDocument() {
        let text = "add post @x 2014-02-04 <<END lang=ru\nЗавтра у #Есимов‘а\n  indented\n\nEND\nshow x"
        let result = Lexer.lex(text)
        #expect(result.errors.isEmpty)
        #expect(result.commands.count == 2)
        let post = result.commands[0]
        #expect(post.words.map(\.text) == ["add", "post", "@x", "2014-02-04", "Завтра у #Есимов‘а\n  indented\n", "lang=ru"])
        #expect(post.words[4].isQuoted)
        #expect(post.words[4].raw == "<<END")
        #expect(post.words[4].column == 24)
        #expect(post.source == "add post @x 2014-02-04 <<END lang=ru\nЗавтра у #Есимов‘а\n  indented\n\nEND")
        #expect(result.commands[1].line == 6)
    }

    @Test("here-document tags may be quoted, and two may open on one line")
    func hereDocumentForms() {
        let result = Lexer.lex("say <<'A' <<\"B\"\nfirst\nA\nsecond\nB\n")
        #expect(result.errors.isEmpty)
        #expect(words("say <<'A' <<\"B\"\nfirst\nA\nsecond\nB\n") == [["say", "first", "second"]])
        #expect(result.commands[0].words[1].raw == "<<'A'")
        let empty = Lexer.lex("say <<END\nEND")
        #expect(empty.commands.first?.words.last?.text == "")
    }

    @Test("an unclosed here-document is an error at its <<TAG, and the text is incomplete")
    func unclosedHereDocument() {
        let result = Lexer.lex("show a\nadd post x 2014 <<END\nno end here\n")
        #expect(result.isIncomplete)
        #expect(result.commands.count == 1)
        let error = result.errors.first
        #expect(error?.message == "here-document <<END is not closed")
        #expect(error?.line == 2 && error?.column == 17 && error?.width == 5)
        #expect(error?.hint == "end it with a line holding only END")
    }

    @Test("'<<' without a tag is an error that says how to write one")
    func hereDocumentWithoutTag() {
        for text in ["say <<\nx\n", "say <<"] {
            let result = Lexer.lex(text)
            #expect(result.errors.first?.message.hasPrefix("'<<' needs a tag") == true, "\(text.debugDescription)")
        }
    }

    @Test("an unterminated quote is reported where the quote opens")
    func unterminatedQuote() {
        let double = Lexer.lex("show a\nadd person \"Nurali\n")
        #expect(double.isIncomplete)
        #expect(double.errors.first?.message == "unterminated double quote")
        #expect(double.errors.first?.line == 2 && double.errors.first?.column == 12)
        #expect(double.errors.first?.hint == "close it with \"")
        let single = Lexer.lex("say 'it")
        #expect(single.errors.first?.message == "unterminated single quote")
        #expect(single.errors.first?.column == 5)
    }

    @Test("# starts a comment line; inside a command it is text")
    func comments() {
        let text = "# a comment\n   # an indented one\nadd post x #hashtag #KAZ\n#另\nsay a#b"
        #expect(words(text) == [["add", "post", "x", "#hashtag", "#KAZ"], ["say", "a#b"]])
        #expect(Lexer.lex(text).commands[0].line == 3)
    }

    @Test("key=value is an option only when unquoted and the key is a plain word")
    func options() {
        let parsed = Lexer.lex(#"x lang=ru alias="IT-len-off Нурали" "a=b" 2+2=4 a\=b note=x=y url= Key=V"#).commands[0].words
        #expect(parsed[1].option?.key == "lang" && parsed[1].option?.value == "ru")
        #expect(parsed[2].option?.key == "alias" && parsed[2].option?.value == "IT-len-off Нурали")
        #expect(parsed[3].option == nil)
        #expect(parsed[3].text == "a=b")
        #expect(parsed[4].option == nil)
        #expect(parsed[5].option == nil)
        #expect(parsed[6].option?.value == "x=y")
        #expect(parsed[7].option?.key == "url" && parsed[7].option?.value == "")
        #expect(parsed[8].option?.key == "Key")
    }

    @Test("CRLF scripts read like LF scripts")
    func crlf() {
        let text = "# comment\r\nadd person \"A B\" tag=x\r\nadd post @a 2014 <<END\r\nline 1\r\nline 2\r\nEND\r\nadd person \\\r\n  C\r\n"
        let result = Lexer.lex(text)
        #expect(result.errors.isEmpty)
        #expect(result.commands.map { $0.words.map(\.text) } == [
            ["add", "person", "A B", "tag=x"], ["add", "post", "@a", "2014", "line 1\nline 2"], ["add", "person", "C"],
        ])
        #expect(result.commands.allSatisfy { !$0.source.contains("\r") || $0.source.contains("\r\n") })
        #expect(result.commands[0].source == "add person \"A B\" tag=x")
        #expect(result.commands[2].line == 7)
        let quoted = Lexer.lex("say \"a\r\nb\" 'c\r\nd' \"e\\\r\nf\" g\r\n")
        #expect(quoted.commands.map { $0.words.map(\.text) } == [["say", "a\nb", "c\nd", "ef", "g"]])
        #expect(quoted.commands[0].words[4].line == 4 && quoted.commands[0].words[4].column == 4)
    }

    @Test("a backslash-newline inside double quotes joins the lines; columns after it are right")
    func continuationInsideQuotes() {
        let result = Lexer.lex("say \"a\\\nb\" c")
        #expect(result.commands[0].words.map(\.text) == ["say", "ab", "c"])
        #expect(result.commands[0].words[2].line == 2 && result.commands[0].words[2].column == 4)
    }

    @Test("blank lines and lines of spaces are skipped; several commands have their own lines")
    func blankLines() {
        let result = Lexer.lex("\n\n   \t\nshow a\n\n\nshow b   \n")
        #expect(result.commands.map(\.line) == [4, 7])
        #expect(result.commands.map(\.source) == ["show a", "show b"])
    }
}
