import BenchSupport
import CasefileCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// casefile-bench: generates synthetic cases of 10k, 100k and 1M entries into bench-data/
// and measures loading and saving them, each phase in its own child process so that the
// peak memory of one does not hide in another's. Where recsel is installed, it times
// `recsel -c -t Post` on the same file for comparison.

let usage = """
    usage: casefile-bench [--sizes 10k,100k,1M] [--data DIR] [--runs N (5)] [--no-recsel] [--regenerate]
                          [--casefile PATH]

    Generates (once) synthetic case files of the given sizes into DIR (default bench-data/)
    and reports load time, save time, peak memory (ru_maxrss of each phase's own process)
    and file size, and the time and memory of `recsel -c -t Post` where it is installed.
    With --casefile (or CASEFILE_BIN) naming a release casefile, also `casefile check FILE`
    and `echo quit | casefile FILE` as whole processes, beside `wc -l` on the same file.
    Targets at 1M entries: load <= 1.5 s and <= 3x the file size in memory, save <= 1.5 s.
    Build it in release mode: swift run -c release --package-path Benchmarks casefile-bench
    """

var arguments = Array(Swift.CommandLine.arguments.dropFirst())
if arguments.first == "--phase" {
    switch Array(arguments.dropFirst()) {
    case let rest where rest.count == 2 && rest[0] == "load": Phases.load(rest[1])
    case let rest where rest.count == 3 && rest[0] == "save": Phases.save(rest[1], to: rest[2])
    case let rest where rest.count == 3 && rest[0] == "edit-save": Phases.editAndSave(rest[1], copy: rest[2])
    case let rest where rest.count == 3 && rest[0] == "generate":
        Phases.generate(total: Int(rest[1]) ?? 0, path: rest[2])
    default:
        print("casefile-bench: bad phase arguments")
        exit(2)
    }
}

var sizes = [10_000, 100_000, 1_000_000]
var folder = "bench-data"
var runs = 5
var useRecsel = true
var regenerate = false
var casefileBinary = ProcessInfo.processInfo.environment["CASEFILE_BIN"].flatMap { $0.isEmpty ? nil : $0 }

func parseSize(_ text: Substring) -> Int? {
    let lowered = text.lowercased()
    if lowered.hasSuffix("m"), let n = Int(lowered.dropLast()) { return n * 1_000_000 }
    if lowered.hasSuffix("k"), let n = Int(lowered.dropLast()) { return n * 1_000 }
    return Int(lowered)
}

while !arguments.isEmpty {
    let option = arguments.removeFirst()
    switch option {
    case "--sizes":
        guard let list = arguments.first,
              case let parsed = list.split(separator: ",").compactMap(parseSize), !parsed.isEmpty else {
            print(usage)
            exit(2)
        }
        arguments.removeFirst()
        sizes = parsed
    case "--data":
        guard !arguments.isEmpty else { print(usage); exit(2) }
        folder = arguments.removeFirst()
    case "--runs":
        guard let text = arguments.first, let n = Int(text), n > 0 else { print(usage); exit(2) }
        arguments.removeFirst()
        runs = n
    case "--no-recsel": useRecsel = false
    case "--regenerate": regenerate = true
    case "--casefile":
        guard !arguments.isEmpty else { print(usage); exit(2) }
        casefileBinary = arguments.removeFirst()
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        print("casefile-bench: unknown option \(option)\n\n\(usage)")
        exit(2)
    }
}

mkdir(folder, 0o755)
let me = ChildProcess.selfPath()
let recsel = useRecsel ? ChildProcess.which("recsel") : nil

func label(_ size: Int) -> String {
    size % 1_000_000 == 0 ? "\(size / 1_000_000)M" : size % 1_000 == 0 ? "\(size / 1_000)k" : "\(size)"
}

func megabytes(_ kilobytes: Int) -> String { String(format: "%.0f MB", Double(kilobytes) / 1024) }

func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : -1
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

print("casefile-bench: \(runs) run(s) per phase, median shown; times are wall-clock inside the phase;")
print("peak memory is each phase's own process (ru_maxrss); process CPU is user + system time of that process")
for size in sizes {
    let path = "\(folder)/case-\(label(size)).rec"
    if regenerate || fileSize(path) <= 0 {
        print("generating \(path) …")
        guard let made = ChildProcess.run([me, "--phase", "generate", String(size), path]), made.status == 0 else {
            print("casefile-bench: generating \(path) failed")
            exit(1)
        }
    }
    let bytes = fileSize(path)
    var loads: [Double] = []
    var loadCPU: [Double] = []
    var loadPeak = 0
    var entries = "?"
    var posts = "?"
    for _ in 0..<runs {
        guard let load = ChildProcess.run([me, "--phase", "load", path]), load.status == 0,
              let seconds = Phases.value("seconds", in: load.output).flatMap(Double.init) else {
            print("casefile-bench: loading \(path) failed")
            exit(1)
        }
        loads.append(seconds)
        loadCPU.append(load.cpuSeconds)
        loadPeak = max(loadPeak, load.maxRSSKilobytes)
        entries = Phases.value("entries", in: load.output) ?? "?"
        posts = Phases.value("posts", in: load.output) ?? "?"
    }
    var saves: [Double] = []
    var saveCPU: [Double] = []
    var savePeak = 0
    var identical = "?"
    let output = "\(folder)/saved-\(label(size)).rec"
    for _ in 0..<runs {
        guard let save = ChildProcess.run([me, "--phase", "save", path, output]), save.status == 0,
              let seconds = Phases.value("seconds", in: save.output).flatMap(Double.init) else {
            print("casefile-bench: saving \(path) failed")
            exit(1)
        }
        saves.append(seconds)
        saveCPU.append(save.cpuSeconds)
        savePeak = max(savePeak, save.maxRSSKilobytes)
        identical = Phases.value("identical", in: save.output) ?? "?"
    }
    var firstSaves: [Double] = []
    var secondSaves: [Double] = []
    var editIdentical = "?"
    for _ in 0..<runs {
        guard let run = ChildProcess.run([me, "--phase", "edit-save", path, output]), run.status == 0,
              let first = Phases.value("first", in: run.output).flatMap(Double.init),
              let second = Phases.value("second", in: run.output).flatMap(Double.init) else {
            print("casefile-bench: editing and saving \(path) failed")
            exit(1)
        }
        firstSaves.append(first)
        secondSaves.append(second)
        editIdentical = Phases.value("identical", in: run.output) ?? "?"
    }
    let copySeconds = Bench.median(runs: runs) { _ = Bench.anchor("cp '\(path)' '\(output)'") }
    unlink(output)
    let sizeMB = Double(bytes) / 1_048_576
    print("")
    print("\(label(size)) entries (\(entries) entries, links and notes; \(posts) posts), file \(String(format: "%.1f", sizeMB)) MB")
    print(String(format: "  load  %.3f s   peak %@ (%.2fx file size)   [process CPU %.2f s]", median(loads),
                 megabytes(loadPeak), Double(loadPeak) * 1024 / Double(bytes), median(loadCPU)))
    print(String(format: "  save  %.3f s   peak %@ (load, then save)   saved bytes identical to the input: %@   [process CPU, load + save: %.2f s]",
                 median(saves), megabytes(savePeak), identical, median(saveCPU)))
    print(String(format: "  save after one change (the shell's save: copies unchanged records, seals the chain)  first %.3f s, second %.3f s   file as the writer writes it: %@",
                 median(firstSaves), median(secondSaves), editIdentical))
    print(String(format: "  cp of the file  %.3f s   (save time / cp time: %.1fx; save after one change / cp: %.1fx)", copySeconds,
                 median(saves) / max(copySeconds, 1e-6), median(firstSaves) / max(copySeconds, 1e-6)))
    if let recsel {
        if let run = ChildProcess.run([recsel, "-c", "-t", "Post", path]), run.status == 0 {
            let count = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
            print(String(format: "  recsel -c -t Post  %.3f s   peak %@   (count %@)   recsel time / casefile load time: %.1fx",
                         run.seconds, megabytes(run.maxRSSKilobytes), count, run.seconds / median(loads)))
        } else {
            print("  recsel -c -t Post  failed")
        }
    } else if useRecsel {
        print("  recsel not installed: no comparison")
    }
    if let casefileBinary {
        let count = Int(entries) ?? 0
        print(String(format: "  load per entry  %.2f µs wall, %.2f µs process CPU", count > 0 ? median(loads) / Double(count) * 1e6 : 0,
                     count > 0 ? median(loadCPU) / Double(count) * 1e6 : 0))
        CommandTimes.report(casefile: casefileBinary, path: path, bytes: bytes, entries: count, runs: runs)
    }
    fflush(nil)
}
