import BenchSupport
import CasefileCore
import Foundation

// import-bench: `import twarc` of 100k tweets in twarc2 raw pages (about 200 MB, written
// here), with the save, against the 4 s target; peak memory; and twarc-csv converting the
// same file to CSV (the venv's twarc2, or $TWARC2), plus sha256sum reading it, as anchors.
let tweets = Int(ProcessInfo.processInfo.environment["IMPORT_BENCH_TWEETS"] ?? "") ?? 100_000
let folder = NSTemporaryDirectory() + "import-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let input = folder + "/search.jsonl"
let bytes = TwarcPages.write(tweets: tweets, to: input)
print("input: \(tweets) tweets in \(tweets / 100) raw pages, \(Bench.megabytes(bytes))")

let casePath = folder + "/case.rec"
var summary = ""
let total = Bench.seconds {
    let output = BufferOutput()
    let notebook = Notebook(output: output, settings: Settings(userName: "bench", fixedTime: 1_764_072_000))
    notebook.journaling = false
    notebook.showsConfirmations = false
    let report = notebook.runScript("import twarc \(input)\nsave --as \(casePath)", name: "bench")
    summary = report.errors.first ?? output.text.split(separator: "\n").first.map(String.init) ?? ""
}
let caseBytes = (try? FileManager.default.attributesOfItem(atPath: casePath)[.size] as? Int) ?? 0
// IMPORT_BENCH_KEEP=FOLDER keeps the input and the saved case there, to compare the cases
// two builds make of the same input byte for byte.
if let keep = ProcessInfo.processInfo.environment["IMPORT_BENCH_KEEP"], !keep.isEmpty {
    try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
    for name in ["search.jsonl", "case.rec"] {
        try? FileManager.default.removeItem(atPath: keep + "/" + name)
        try? FileManager.default.copyItem(atPath: folder + "/" + name, toPath: keep + "/" + name)
    }
}
print("import twarc + save: \(Bench.format(total)) (target 4 s), \(String(format: "%.0f", Double(bytes) / 1e6 / total)) MB/s (target 60)")
print("  \(summary); case \(Bench.megabytes(caseBytes))")
print("  peak memory: \(Bench.megabytes(Bench.peakResidentBytes))")

let reimport = Bench.seconds {
    let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "bench", fixedTime: 1_764_072_000))
    notebook.journaling = false
    _ = try? notebook.open(path: casePath)
    _ = notebook.runScript("import twarc \(input) --dry-run", name: "bench")
}
print("load the case + re-import (dry run, nothing new): \(Bench.format(reimport))")

if let time = Bench.anchor("sha256sum \(input)") { print("anchor sha256sum: \(Bench.format(time))") }
// twarc-csv needs a pandas that still has `DataFrame.applymap` (before 3.0): the test venv's
// pandas is newer, so the anchor uses `.build/venv-twarc` (`python3 -m venv .build/venv-twarc &&
// .build/venv-twarc/bin/pip install twarc twarc-csv 'pandas<2.3'`) or $TWARC2. It runs in the
// bench's folder, where twarc writes its twarc.log, with a token it never uses offline.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let twarc2 = ProcessInfo.processInfo.environment["TWARC2"] ?? root.appendingPathComponent(".build/venv-twarc/bin/twarc2").path
if !FileManager.default.isExecutableFile(atPath: twarc2) {
    print("anchor twarc-csv: not run (\(twarc2) missing: see the comment in import-bench/main.swift)")
} else if let time = Bench.anchor("cd \(folder) && \(twarc2) --bearer-token unused csv \(input) \(folder)/out.csv && test -s \(folder)/out.csv") {
    print("anchor twarc-csv (twarc2 csv, same file to CSV): \(Bench.format(time))")
} else {
    print("anchor twarc-csv: \(twarc2) failed on the input (run it by hand to see why)")
}
