import BenchSupport
import CasefileCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// diff-bench: `casefile diff` on two large case files that differ in a few entries,
// beside `diff -u` on the same files.
//
//   swift run -c release --package-path Benchmarks diff-bench [--entries 1000000] [--changes 1000] [--runs 5] [--keep DIR]
// (it builds the release `casefile` of the root package first, or runs $CASEFILE_BIN)

func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Runs a program with its output thrown away; returns wall seconds, exit status, peak RSS of children (KB).
func timeChild(_ program: String, _ arguments: [String]) throws -> (seconds: Double, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = seconds()
    try process.run()
    process.waitUntilExit()
    return (seconds() - start, process.terminationStatus)
}

var entries = 1_000_000
var changes = 1_000
var runs = 5
var keep: String?
var arguments = Array(Swift.CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    let value = arguments.isEmpty ? nil : arguments.removeFirst()
    switch (flag, value) {
    case ("--entries", let value?) where Int(value) != nil: entries = Int(value) ?? entries
    case ("--changes", let value?) where Int(value) != nil: changes = Int(value) ?? changes
    case ("--runs", let value?) where (Int(value) ?? 0) > 0: runs = Int(value) ?? runs
    case ("--keep", let value?): keep = value
    default:
        FileHandle.standardError.write(Data("usage: diff-bench [--entries N] [--changes K] [--runs R] [--keep DIR]\n".utf8))
        exit(2)
    }
}

let folder = keep ?? (NSTemporaryDirectory() + "diff-bench-\(getpid())")
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let old = folder + "/old.rec"
let new = folder + "/new.rec"
var start = seconds()
try SyntheticPair(entries: entries, changes: changes).write(to: folder)
let size = (try FileManager.default.attributesOfItem(atPath: old)[.size] as? Int) ?? 0
print("generated \(entries) entries, \(changes) changed, \(size / 1_000_000) MB each, in \(String(format: "%.1f", seconds() - start)) s")
print("files: \(old) \(new)")

var inProcess: [Double] = []
var found = ""
for _ in 0..<runs {
    start = seconds()
    let diff = try FileComparison.diff(oldPath: old, newPath: new)
    inProcess.append(seconds() - start)
    found = diff.summary
}
print("in-process FileComparison: median \(String(format: "%.2f", median(inProcess))) s of \(runs); found \(found)")

let binary = try Bench.casefileExecutable()
for (label, program, args) in [
    ("casefile diff --stat OLD NEW", binary, ["diff", "--stat", old, new]),
    ("casefile diff OLD NEW", binary, ["diff", old, new]),
    ("casefile diff --format json OLD NEW", binary, ["diff", "--format", "json", old, new]),
    ("diff -u OLD NEW", "/usr/bin/diff", ["-u", old, new]),
] {
    guard FileManager.default.isExecutableFile(atPath: program) else {
        print("\(label): \(program) not found")
        continue
    }
    var times: [Double] = []
    var status: Int32 = 0
    for _ in 0..<runs {
        let result = try timeChild(program, args)
        times.append(result.seconds)
        status = result.status
    }
    print("\(label) > /dev/null: median \(String(format: "%.2f", median(times))) s of \(runs) (exit \(status))")
}
if keep == nil { try? FileManager.default.removeItem(atPath: folder) }
