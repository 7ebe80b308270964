// Measures the shell's two figures: time from `casefile FILE` to a usable prompt (on a
// real pseudo-terminal), and Tab completion of an Id in a case of a million entries.
// swift run -c release --package-path Benchmarks shell-bench [--entries N]
import BenchSupport
import CasefileCore
import CasefileShell
import CasefileTestSupport
import Foundation
import LineEditor

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

let arguments = Swift.CommandLine.arguments
var entryCount = 1_000_000
if let index = arguments.firstIndex(of: "--entries"), index + 1 < arguments.count, let n = Int(arguments[index + 1]) {
    entryCount = n
}

// 1. Start-up: from spawning `casefile example.rec` to its prompt, 20 runs.
let root = URL(fileURLWithPath: Bench.packageRoot)
let example = root.appendingPathComponent("Examples/kazakh-bloggers/kazakh-bloggers.rec").path
let casefile = try Bench.casefileExecutable()
let folder = try TemporaryFolder()
let copy = folder.file("kb.rec")
try FileManager.default.copyItem(atPath: example, toPath: copy)
var startups: [Double] = []
for _ in 0..<20 {
    var terminal: PseudoTerminal?
    let time = try seconds {
        terminal = try PseudoTerminal(executable: casefile, arguments: ["--no-pager", copy],
                                      environment: ["LANG": "C.UTF-8", "TERM": "xterm", "HOME": folder.path,
                                                    "NO_COLOR": "1", "CASEFILE_NO_CONFIG": "1"])
        try terminal?.waitFor("kb 31> ")
    }
    startups.append(time)
    try terminal?.send("\u{04}")
    _ = try terminal?.waitForExit()
}
var baseline: [Double] = []
for _ in 0..<20 {
    var terminal: PseudoTerminal?
    baseline.append(try seconds {
        terminal = try PseudoTerminal(executable: "/bin/echo", arguments: ["ready>"], environment: [:])
        try terminal?.waitFor("ready>")
    })
    _ = try terminal?.waitForExit()
}
print(String(format: "start-up to prompt (example dossier): median %.1f ms, max %.1f ms (/bin/echo on the same pty: %.1f ms)",
             percentile(startups, 0.5) * 1000, (startups.max() ?? 0) * 1000, percentile(baseline, 0.5) * 1000))

// 2. Completion on a large case.
let caseFile = SyntheticCase.make(entries: entryCount)
// Open it as a user would: from a saved file.
let bigPath = folder.file("big.rec")
try caseFile.write(to: bigPath)
var loaded = CaseFile()
let loadTime = try seconds { loaded = try CaseReader.load(path: bigPath).caseFile }
let notebook = Notebook(caseFile: loaded, output: BufferOutput(), settings: Settings(userName: "bench"))
let completer = ShellCompleter(notebook: notebook)
let first = seconds { _ = completer.complete(line: "show post12", cursor: 11) }
var warm: [Double] = []
for index in 0..<500 {
    let prefix = "post" + String((index * 7919) % max(1, entryCount / 100))
    let line = "show " + prefix
    warm.append(seconds { _ = completer.complete(line: line, cursor: line.count) })
}
print(String(format: "synthetic case of %d entries loaded from its file in %.2f s", entryCount, loadTime))
print(String(format: "Id completion: first Tab %.1f ms; then p50 %.3f ms, p99 %.3f ms over 500 prefixes",
             first * 1000, percentile(warm, 0.5) * 1000, percentile(warm, 0.99) * 1000))
let firstName = seconds { _ = completer.complete(line: "show Нур", cursor: 8) }
var names: [Double] = []
for prefix in ["Nur", "Нур", "nur", "Айте"] {
    for _ in 0..<50 {
        let line = "show " + prefix
        names.append(seconds { _ = completer.complete(line: line, cursor: line.count) })
    }
}
print(String(format: "name completion (any script): first use %.0f ms (builds the name index once), then p50 %.3f ms, p99 %.3f ms",
             firstName * 1000, percentile(names, 0.5) * 1000, percentile(names, 0.99) * 1000))
exit(0)
