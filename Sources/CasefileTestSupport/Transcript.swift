import CasefileCore
import Testing

/// A notebook driven as the shell drives it: lines are fed one at a time, gathered
/// while the lexer says the command is incomplete (an open quote, a here-document), and
/// each complete chunk is run with `runInteractive`, so errors render as a user sees them.
///
/// A transcript is written as a user would see it at the terminal: lines starting with
/// `> ` are typed, every other line is the output expected after them.
public final class TranscriptSession {
    /// The notebook under test.
    public let notebook: Notebook
    /// Its output.
    public let output: TranscriptOutput

    /// The clock every transcript runs at: 2025-11-25T12:00:00Z.
    public static let fixedTime = 1_764_072_000

    /// A session on `caseFile` (saved to `path`, if given), at the fixed time, as user `tester`.
    public init(caseFile: CaseFile = CaseFile(), path: String? = nil, width: Int = 80, user: String = "tester") {
        output = TranscriptOutput(width: width)
        notebook = Notebook(caseFile: caseFile, path: path, output: output,
                            settings: Settings(userName: user, fixedTime: Self.fixedTime))
    }

    /// Feeds the typed lines (`> ` lines) of `transcript` and returns the transcript that
    /// actually happened: each typed line followed by what was printed.
    public func replay(_ transcript: String) -> String {
        var produced: [String] = []
        var pending: [String] = []
        func runPending() {
            guard !pending.isEmpty else { return }
            let text = pending.joined(separator: "\n")
            pending.removeAll()
            let errors = notebook.runInteractive(text)
            produced += output.take()
            for error in errors { produced += error.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        }
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix(">") else { continue }
            let typed = line.hasPrefix("> ") ? String(line.dropFirst(2)) : String(line.dropFirst())
            produced.append(line.hasPrefix("> ") ? String(line) : ">" + typed)
            pending.append(typed)
            if !Lexer.lex(pending.joined(separator: "\n")).isIncomplete { runPending() }
        }
        runPending()
        return produced.joined(separator: "\n")
    }

    /// Runs a transcript and records a test issue, with both texts and the first
    /// differing line, when the output differs from the expected one.
    public func check(_ transcript: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Self.normalised(transcript)
        let actual = replay(transcript)
        if actual != expected {
            Issue.record(Comment(rawValue: Self.explain(expected: expected, actual: actual)), sourceLocation: sourceLocation)
        }
    }

    /// Runs commands quietly (setting up a case for a transcript); records an issue on any error.
    public func setUp(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = notebook.showsConfirmations
        notebook.showsConfirmations = false
        defer { notebook.showsConfirmations = before }
        let report = notebook.runScript(script, name: "setup")
        _ = output.take()
        if !report.errors.isEmpty {
            Issue.record(Comment(rawValue: "set-up failed:\n" + report.errors.joined(separator: "\n")), sourceLocation: sourceLocation)
        }
    }

    /// The canonical bytes of the case as it stands.
    public var bytes: [UInt8] { CaseWriter.bytes(of: notebook.caseFile) }

    public static func normalised(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func explain(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < min(e.count, a.count), e[index] == a[index] { index += 1 }
        let wanted = index < e.count ? String(e[index]) : "(end)"
        let got = index < a.count ? String(a[index]) : "(end)"
        return """
            transcript differs at line \(index + 1):
              expected: \(wanted.debugDescription)
              actual:   \(got.debugDescription)
            --- actual transcript ---
            \(actual)
            --- end ---
            """
    }
}

/// Runs `transcript` (typed `> ` lines and the output expected after them) on a new
/// case and checks the output line for line.
public func assertTranscript(_ transcript: String, width: Int = 80, sourceLocation: SourceLocation = #_sourceLocation) {
    TranscriptSession(width: width).check(transcript, sourceLocation: sourceLocation)
}
