// Measures the shell's two figures: time from `casefile FILE` to a usable prompt (on a
// real pseudo-terminal), and Tab completion of an Id in a case of a million entries.
// Run it from a release build: swift run -c release shell-bench [--entries N]
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
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let example = root.appendingPathComponent("Examples/kazakh-bloggers/kazakh-bloggers.rec").path
let casefile = try BuiltProducts.path(of: "casefile")
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
var caseFile = CaseFile(title: "bench")
let buildTime = seconds {
    for index in 0..<entryCount {
        let id = String(format: "p%07d", index)
        caseFile.put(Entry(kind: index % 4 == 0 ? .person : .post, id: id,
                           fields: index % 4 == 0 ? [Field("Name", "Person \(index)")]
                                                  : [Field("Author", "p0000000"), Field("Text", "text \(index)")]))
    }
}
// Open it as a user would: from a saved file.
let bigPath = folder.file("big.rec")
try caseFile.write(to: bigPath)
var loaded = CaseFile()
let loadTime = try seconds { loaded = try CaseReader.load(path: bigPath).caseFile }
let notebook = Notebook(caseFile: loaded, output: BufferOutput(), settings: Settings(userName: "bench"))
let completer = ShellCompleter(notebook: notebook)
let first = seconds { _ = completer.complete(line: "show p00012", cursor: 11) }
var warm: [Double] = []
for index in 0..<500 {
    let prefix = String(format: "p%05d", (index * 7919) % (entryCount / 100))
    let line = "show " + prefix
    warm.append(seconds { _ = completer.complete(line: line, cursor: line.count) })
}
print(String(format: "case of %d entries built in memory in %.2f s, loaded from its file in %.2f s", entryCount, buildTime, loadTime))
print(String(format: "Id completion: first Tab %.1f ms; then p50 %.3f ms, p99 %.3f ms over 500 prefixes",
             first * 1000, percentile(warm, 0.5) * 1000, percentile(warm, 0.99) * 1000))
let firstName = seconds { _ = completer.complete(line: "show Перс", cursor: 9) }
var names: [Double] = []
for prefix in ["Pers", "Перс", "pers", "Персо"] {
    for _ in 0..<50 {
        let line = "show " + prefix
        names.append(seconds { _ = completer.complete(line: line, cursor: line.count) })
    }
}
print(String(format: "name completion (any script): first use %.0f ms (builds the name index once), then p50 %.3f ms, p99 %.3f ms",
             firstName * 1000, percentile(names, 0.5) * 1000, percentile(names, 0.99) * 1000))
exit(0)
