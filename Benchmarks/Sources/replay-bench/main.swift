import CasefileCore
import Foundation

// replay-bench: the command engine's figures (issue 3).
//
//   swift run -c release --package-path Benchmarks replay-bench [--commands N] [--entries N] [--runs N] [--skip-big]
//
// 1. Replays a generated script of N commands (default 100,000: adds, links, notes,
//    sets) into a new case, including the final save, and reports commands per second.
// 2. On a generated case of N entries (default 1,000,000), times the first use of each
//    lazy index, then single add, link, set and undo commands.

var commands = 100_000
var entries = 1_000_000
var skipBig = false
var runs = 5
var arguments = Swift.CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--commands": commands = Int(arguments.popFirst() ?? "") ?? commands
    case "--entries": entries = Int(arguments.popFirst() ?? "") ?? entries
    case "--skip-big": skipBig = true
    case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
    default:
        print("usage: replay-bench [--commands N] [--entries N] [--runs N] [--skip-big]")
        exit(2)
    }
}

let settings = Settings(userName: "bench", fixedTime: 1_764_072_000)
let folder = NSTemporaryDirectory() + "replay-bench-\(getpid())"
try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

ReplayBenchmark.run(commands: commands, runs: runs, settings: settings, folder: folder)
if !skipBig { SingleCommandBenchmark.run(entries: entries, settings: settings, folder: folder) }
print(String(format: "peak RSS: %.0f MB", peakMegabytes()))
