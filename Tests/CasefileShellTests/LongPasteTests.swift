import CasefileCore
import CasefileShell
import Foundation
import LineEditor
import Testing

/// The shell gathering a long paste line by line: a 100k-line here-document or quoted
/// text completes (each line used to lex everything gathered so far again: quadratic).
@Suite struct LongPasteTests {
    /// Lines from an array, as pasted.
    final class Paste: LineReader {
        var lines: [String]
        var next = 0
        init(_ lines: [String]) { self.lines = lines }
        func readLine(prompt: Prompt) -> LineInput {
            guard next < lines.count else { return .endOfInput }
            next += 1
            return .line(lines[next - 1])
        }
    }

    func shell(_ lines: [String]) -> Notebook {
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "tester", fixedTime: 1_764_072_000))
        notebook.journaling = false
        notebook.showsConfirmations = false
        let output = ShellOutput(colour: .never, pager: nil, environment: [:])
        _ = Shell(notebook: notebook, reader: Paste(lines + ["quit!"]), output: output, history: nil).run()
        return notebook
    }

    @Test func aHundredThousandLineHereDocument() {
        let body = (0..<100_000).map { "line \($0) with END inside and \"quotes\"" }
        let notebook = shell(["add person \"Big Text\" id=big", "add post big 2014-02-04 id=big-post <<END"] + body + ["END", "tag big done"])
        #expect(notebook.caseFile["big-post"]?.values("Text") == [body.joined(separator: "\n")])
        #expect(notebook.caseFile["big"]?.values("Tag") == ["done"])
    }

    @Test func aHundredThousandLinesInQuotes() {
        let body = (0..<100_000).map { "line \($0) with 'single' quotes" }
        var lines = body
        lines[0] = "add post big 2014-02-04 id=big-post \"" + lines[0]
        lines[lines.count - 1] += "\""
        let notebook = shell(["add person \"Big Text\" id=big"] + lines + ["tag big done"])
        #expect(notebook.caseFile["big-post"]?.values("Text") == [body.joined(separator: "\n")])
        #expect(notebook.caseFile["big"]?.values("Tag") == ["done"])
    }
}
