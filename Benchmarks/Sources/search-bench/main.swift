import BenchSupport
import CasefileCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Benchmarks for search. Release builds only:
///   swift run -c release --package-path Benchmarks search-bench generate 1000000 /tmp/case-1m.rec
///   swift run -c release --package-path Benchmarks search-bench run /tmp/case-1m.rec
let usage = """
    usage: search-bench generate COUNT FILE     write a synthetic case of COUNT entries
           search-bench run FILE [REPEAT]       load, index, run the mixed query set (REPEAT 0: build only)
           search-bench query FILE QUERY [N]    load, index, run one query N times (for profiling)
    """

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Processor time used by this process so far, in seconds (less noisy than the wall
/// clock on a shared machine).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func residentMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}


let queries = [
    "esimov", "Есимов", "Есимову", "aitelenov", "Айтеленов", "Қазақстан", "Kazakhstan", "Almaty", "Алматы",
    "блогеров", "lunch", "mayor", "полиция", "Aitelnov",
    "\"на ланче\"", "\"corrupt bloggers\"", "\"Есимов и\"",
    "Есим*", "blog*", "Алма*",
    "kind:post esimov", "lang:ru Алматы", "lang:en esimov", "date:2014-02-01..2014-02-10 esimov",
    "author:@extremkz", "author:@extremkz lunch", "#Алматы", "@extremkz", "esimov OR kibraev", "esimov -lang:ru",
    "tag:detained", "has:translation esimov", "missing:translation lang:kk",
]

let arguments = Swift.CommandLine.arguments
guard arguments.count >= 3 else {
    print(usage)
    exit(2)
}

switch arguments[1] {
case "generate":
    guard let count = Int(arguments[2]), arguments.count >= 4 else { print(usage); exit(2) }
    let clock = ContinuousClock()
    var caseFile = CaseFile()
    let made = clock.measure { caseFile = SyntheticCase.make(entries: count) }
    let bytes = CaseWriter.bytes(of: caseFile)
    try Data(bytes).write(to: URL(fileURLWithPath: arguments[3]))
    print("generated \(caseFile.entries.count) entries, \(caseFile.notes.count) notes, \(bytes.count / 1_000_000) MB in \(seconds(made)) s")
    exit(0)
case "run":
    let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20
    let clock = ContinuousClock()
    var caseFile = CaseFile()
    let loaded = try clock.measure { caseFile = try CaseReader.load(path: arguments[2]).caseFile }
    print(String(format: "load: %.2f s, %d entries, %d notes", seconds(loaded), caseFile.entries.count, caseFile.notes.count))
    let rssBefore = residentMB()
    var index: SearchIndex?
    let cpuBefore = cpuSeconds()
    let built = clock.measure { index = SearchIndex(caseFile: caseFile) }
    let cpu = cpuSeconds() - cpuBefore
    guard let index else { exit(1) }
    print(String(format: "index build: %.2f s wall, %.2f s cpu, %d terms, %d postings, +%.0f MB resident (%.0f MB in all)",
                 seconds(built), cpu, index.termCount, index.postingCount, residentMB() - rssBefore, residentMB()))
    print(index.buildPhases.map { String(format: "%@ %.3f s", $0.name, $0.seconds) }.joined(separator: ", "))
    if repeats == 0 { exit(0) }
    var samples: [Double] = []
    var perQuery: [(String, Double, Int)] = []
    for text in queries {
        let query = try SearchQuery.parse(text)
        var total = 0
        _ = index.search(query, in: caseFile, limit: 20)
        var times: [Double] = []
        for _ in 0..<repeats {
            let elapsed = clock.measure { total = index.search(query, in: caseFile, limit: 20).total }
            times.append(seconds(elapsed) * 1000)
        }
        samples += times
        perQuery.append((text, times.sorted()[times.count / 2], total))
    }
    samples.sort()
    func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
    print(String(format: "warm queries (limit 20, %d queries x %d): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms",
                 queries.count, repeats, percentile(0.5), percentile(0.9), percentile(0.99), samples.last ?? 0))
    for (text, median, total) in perQuery {
        print(String(format: "  %8.3f ms  %8d hits  %@", median, total, text))
    }
    let scanQuery = try SearchQuery.parse("esimov")
    var scanTotal = 0
    let scanned = clock.measure { scanTotal = SearchScan.search(scanQuery, in: caseFile, limit: 20).total }
    print(String(format: "scan (no index) for esimov: %.2f s, %d hits", seconds(scanned), scanTotal))
    for anchor in ["rg -ic esimov", "grep -ic esimov"] {
        let command = anchor + " '\(arguments[2])'"
        let times = (0..<5).compactMap { _ in Bench.anchor(command) }
        print(times.isEmpty ? "anchor: \(anchor.split(separator: " ")[0]) not installed"
                            : "anchor: \(command): \(Bench.format(Bench.median(times))) (median of 5)")
    }
    exit(0)
case "query":
    guard arguments.count >= 4 else { print(usage); exit(2) }
    let caseFile = try CaseReader.load(path: arguments[2]).caseFile
    let index = SearchIndex(caseFile: caseFile)
    let query = try SearchQuery.parse(arguments[3])
    let count = arguments.count > 4 ? Int(arguments[4]) ?? 100 : 100
    let clock = ContinuousClock()
    var total = 0
    let elapsed = clock.measure {
        for _ in 0..<count { total = index.search(query, in: caseFile, limit: 20).total }
    }
    print(String(format: "%@: %d hits, %.3f ms a query", arguments[3], total, seconds(elapsed) * 1000 / Double(count)))
    exit(0)
default:
    print(usage)
    exit(2)
}
