import CasefileCore
import CasefileShell
import Foundation
import LineEditor
#if canImport(Glibc)
import Glibc
#endif

// hostile-bench: how the time of each step grows with the size of one value, to show that
// nothing is quadratic (best of three runs each). Each step runs on a here-document of 10k and 100k lines and on a
// single-line field of 1 MB and 10 MB (with and without spaces); the ratio of the two times
// is about 10 when the step is linear, about 100 when it is quadratic.
//
//   swift run -c release --package-path Benchmarks hostile-bench [SCALE]

/// Lines from an array, as if typed or pasted into the shell.
final class ScriptedReader: LineReader {
    private var lines: [String]
    private var next = 0
    init(_ lines: [String]) { self.lines = lines }
    func readLine(prompt: Prompt) -> LineInput {
        guard next < lines.count else { return .endOfInput }
        next += 1
        return .line(lines[next - 1])
    }
}

/// Prints a line at once (progress shows even when the output is a pipe).
func say(_ text: String) {
    let line = text + "\n"
    _ = line.withCString { write(1, $0, strlen($0)) }
}

func seconds(_ work: () -> Void) -> Double {
    let start = Date()
    work()
    return Date().timeIntervalSince(start)
}

/// The steps, each timed on one size; returns (step, seconds).
func measure(text: String, label: String) -> [(String, Double)] {
    var times: [(String, Double)] = []
    let folder = NSTemporaryDirectory() + "hostile-bench-\(getpid())-\(label)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/case.rec"
    let multiLine = text.contains("\n")
    let script = multiLine
        ? "add person \"Big Text\" id=big\nadd post big 2014-02-04 id=big-post <<END\n\(text)\nEND\n"
        : "add person \"Big Text\" id=big\nadd post big 2014-02-04 id=big-post \"\(text)\"\n"
    let settings = Settings(userName: "bench", fixedTime: 1_764_072_000)
    let output = BufferOutput(width: 100)
    let notebook = Notebook(output: output, settings: settings)
    _ = try? notebook.open(path: path)

    times.append(("lex the script", seconds { _ = Lexer.lex(script) }))
    times.append(("run it (with the journal)", seconds { _ = notebook.runScript(script, name: "bench") }))
    times.append(("show the post", seconds { _ = notebook.runScript("show big-post", name: "bench") }))
    times.append(("list", seconds { _ = notebook.runScript("list", name: "bench") }))
    times.append(("read the journal", seconds { _ = PendingJournal.find(for: path) }))
    times.append(("save", seconds { _ = notebook.runScript("save", name: "bench") }))
    times.append(("load", seconds { _ = try? CaseReader.load(path: path, validate: true) }))
    let edit = multiLine ? "set big-post Text=\"changed\\n\(String(text.dropFirst(10)).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n"))\"" : "tag big-post changed"
    _ = notebook.runScript(edit, name: "bench")
    times.append(("diff the unsaved change", seconds { _ = notebook.runScript("diff", name: "bench") }))
    times.append(("an error at the end of the script", seconds {
        _ = notebook.runScript(script + "show nobody\n", name: "bench")
    }))

    // The shell reading it line by line, as when pasted.
    let shellNotebook = Notebook(output: BufferOutput(), settings: settings)
    shellNotebook.journaling = false
    let saved = dup(1)
    let null = open("/dev/null", O_WRONLY)
    dup2(null, 1)
    let shellOutput = ShellOutput(colour: .never, pager: nil, environment: [:])
    let lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + ["quit!"]
    let shell = Shell(notebook: shellNotebook, reader: ScriptedReader(lines), output: shellOutput, history: nil)
    times.append(("the shell reading it line by line", seconds { _ = shell.run() }))
    dup2(saved, 1)
    close(null)
    close(saved)
    return times
}

/// Each step's best of three runs (the machine is shared and noisy).
func best(text: String, label: String) -> [(String, Double)] {
    var times = measure(text: text, label: label)
    for _ in 0..<2 {
        for (index, step) in measure(text: text, label: label).enumerated() { times[index].1 = min(times[index].1, step.1) }
    }
    return times
}

func report(_ name: String, small: String, large: String, sizes: (String, String)) {
    say("\n\(name): \(sizes.0) against \(sizes.1)")
    let a = best(text: small, label: "small")
    let b = best(text: large, label: "large")
    for (index, step) in a.enumerated() {
        // The growth exponent: time ∝ size^k; k is 1 for linear work, 2 for quadratic.
        let ratio = step.1 > 0.0005 ? String(format: "%6.1f×  k = %.2f", b[index].1 / step.1, log10(b[index].1 / step.1)) : "     –"
        let name = step.0.padding(toLength: 36, withPad: " ", startingAt: 0)
        say("  " + name + String(format: " %9.3f s  %9.3f s  ", step.1, b[index].1) + ratio)
    }
}

func hereDocument(lines: Int) -> String {
    (0..<lines).map { "Строка \($0) of the here-document, with #tags and \"quotes\"" }.joined(separator: "\n")
}

func field(bytes: Int, spaces: Bool) -> String {
    let unit = spaces ? "Завтра у Есимова на ланче " : "Завтра_у_Есимова_на_ланче_"
    return String(repeating: unit, count: max(1, bytes / unit.utf8.count))
}

// `hostile-bench 0.1` runs at a tenth of the sizes (1k and 10k lines, 100 kB and 1 MB).
let scale = Swift.CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 1
let (few, many) = (Int(10_000 * scale), Int(100_000 * scale))
let (small, large) = (Int(1_000_000 * scale), Int(10_000_000 * scale))
say("hostile-bench: seconds for the smaller and the 10 times larger input, their ratio, and k in time ∝ size^k")
say("(k = 1 is linear, 2 quadratic; small times grow a little faster than linear as the data outgrows the caches)")
report("here-document", small: hereDocument(lines: few), large: hereDocument(lines: many), sizes: ("\(few) lines", "\(many) lines"))
report("one-line field with spaces", small: field(bytes: small, spaces: true), large: field(bytes: large, spaces: true),
       sizes: ("\(small) bytes", "\(large) bytes"))
report("one-line field, no spaces", small: field(bytes: small, spaces: false), large: field(bytes: large, spaces: false),
       sizes: ("\(small) bytes", "\(large) bytes"))
