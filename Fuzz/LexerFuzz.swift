// libFuzzer target for the command tokenizer, compiled together with CasefileCore's
// sources by scripts/fuzz.sh.
//
// Properties, each a crash when broken so libFuzzer keeps the input:
// - lexing any text never traps, and every word has a line and column inside the text;
// - a command's `source` (what the session log keeps and a replay runs again) lexes
//   back to the same words;
// - `Quoting.word` (how logged commands write values) gives back the value exactly.

@_cdecl("LLVMFuzzerTestOneInput")
public func lexerFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = Lexer.lex(text)
    let lineCount = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    for command in result.commands {
        for word in command.words where word.line < 1 || word.line > lineCount || word.column < 1 {
            fatalError("word \(word.raw.debugDescription) at \(word.line):\(word.column) of \(lineCount) lines")
        }
        let again = Lexer.lex(command.source)
        guard again.commands.count == 1, again.errors.isEmpty,
              again.commands[0].words.map(\.text) == command.words.map(\.text) else {
            fatalError("source \(command.source.debugDescription) lexes to \(again.commands.map { $0.words.map(\.text) }), not \(command.words.map(\.text))")
        }
    }
    for error in result.errors where error.line < 1 || error.column < 1 {
        fatalError("error \(error.message) at \(error.line):\(error.column)")
    }
    let quoted = Lexer.lex("x " + Quoting.word(text))
    guard quoted.commands.count == 1, quoted.errors.isEmpty, quoted.commands[0].words.count == 2,
          quoted.commands[0].words[1].text == text else {
        fatalError("Quoting.word(\(text.debugDescription)) lexes to \(quoted.commands.map { $0.words.map(\.text) })")
    }
    return 0
}
