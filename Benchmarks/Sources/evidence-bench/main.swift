import BenchSupport
import CasefileCore
import Foundation

// Attaching (copy into the store, hashing in the same pass, fsync, link) and verifying
// 1 GB of evidence in 8 files of 128 MB, beside `sha256sum` on the same files. The files
// are freshly written, so they are read from the page cache: the figures are the cost of
// hashing and copying, what a warm disk delivers.
let fileCount = 8
let fileSize = 128 << 20
let totalMB = Double(fileCount * fileSize) / 1e6
let runs = 3

let folder = NSTemporaryDirectory() + "evidence-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

var state: UInt64 = 0x9E37_79B9_7F4A_7C15
var block = [UInt8](repeating: 0, count: 1 << 20)
for index in stride(from: 0, to: block.count, by: 8) {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    withUnsafeBytes(of: state) { for offset in 0..<8 { block[index + offset] = $0[offset] } }
}
var files: [String] = []
for number in 0..<fileCount {
    let path = folder + "/capture-\(number).mp4"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = FileHandle(forWritingAtPath: path)!
    for chunk in 0..<(fileSize >> 20) {
        block[0] = UInt8(number)
        block[1] = UInt8(chunk & 0xFF)
        block[2] = UInt8(chunk >> 8)
        handle.write(Data(block))
    }
    try handle.close()
    files.append(path)
}
print("evidence-bench: \(fileCount) files, \(String(format: "%.0f", totalMB)) MB in all, median of \(runs) runs")

/// CPU seconds (user + system) of this process, or of its finished children.
func cpuSeconds(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// System CPU seconds (time in the kernel) of this process, or of its finished children.
func systemSeconds(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Wall-clock rate of `seconds`, and the rate per CPU second (what the machine's other
/// load does not change) when `cpu` is given.
func rate(_ seconds: Double, cpu: Double? = nil) -> String {
    var text = String(format: "%6.0f MB/s wall (%@)", totalMB / seconds, Bench.format(seconds))
    if let cpu, cpu > 0 { text += String(format: ", %5.0f MB per CPU second", totalMB / cpu) }
    return text
}

/// Runs `work` `runs` times; the median wall time and the median CPU time of one run.
func measure(children: Bool = false, _ work: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    var walls: [Double] = []
    var cpus: [Double] = []
    for _ in 0..<runs {
        let before = cpuSeconds(children: children)
        walls.append(try Bench.seconds(work))
        cpus.append(cpuSeconds(children: children) - before)
    }
    return (Bench.median(walls), Bench.median(cpus))
}

let quoted = files.map { "'\($0)'" }.joined(separator: " ")
var anchorWorked = true
let anchor = measure(children: true) { anchorWorked = anchorWorked && Bench.anchor("sha256sum \(quoted)") != nil }
print("  sha256sum (anchor)            " + (anchorWorked ? rate(anchor.wall, cpu: anchor.cpu) : "not available"))

let inPlace = try measure { for file in files { _ = try EvidenceStore.hashInPlace(file) } }
print("  hash in place (attach --link) " + rate(inPlace.wall, cpu: inPlace.cpu))

// Copying into the store against `cp` of the same files and an fsync of each copy
// (coreutils `sync FILE…`), under the same conditions: run by run in turn, each into a
// fresh folder, every copy kept until all runs are done (so neither reuses the memory of
// a copy removed a moment before: on this virtual machine a page newly taken into the
// cache costs a host fault, several seconds of system time per gigabyte).
var ingestWalls: [Double] = [], ingestCPUs: [Double] = [], ingestSystem: [Double] = []
var copyWalls: [Double] = [], copySystem: [Double] = []
var copyWorked = true
for run in 0..<runs {
    let store = EvidenceStore(folder: folder + "/store-\(run)")
    let (cpu, system) = (cpuSeconds(), systemSeconds())
    ingestWalls.append(try Bench.seconds { for file in files { _ = try store.ingest(file) } })
    ingestCPUs.append(cpuSeconds() - cpu)
    ingestSystem.append(systemSeconds() - system)
    let target = folder + "/cp-\(run)"
    let childSystem = systemSeconds(children: true)
    guard let seconds = Bench.anchor("mkdir '\(target)' && cp \(quoted) '\(target)/' && sync '\(target)'/*") else {
        copyWorked = false
        continue
    }
    copyWalls.append(seconds)
    copySystem.append(systemSeconds(children: true) - childSystem)
}
print("  copy into the store + fsync   " + rate(Bench.median(ingestWalls), cpu: Bench.median(ingestCPUs))
    + String(format: ", %.2f s system", Bench.median(ingestSystem)))
print("  cp + fsync (anchor for attach)" + (copyWorked ? rate(Bench.median(copyWalls)) + String(format: ", %.2f s system", Bench.median(copySystem)) : "not available"))
print("    (both: the same 8 files, runs in turn, each into a fresh folder, all copies kept)")
for run in 0..<runs {
    // The stores' files are 0444 but the folders are ours.
    try? FileManager.default.removeItem(atPath: folder + "/store-\(run)")
    try? FileManager.default.removeItem(atPath: folder + "/cp-\(run)")
}

// End to end: the attach command on a case, then verify, as the shell runs them.
let casePath = folder + "/case.rec"
let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "bench", fixedTime: 1_764_072_000))
notebook.journaling = false
_ = try notebook.open(path: casePath)
var report = notebook.runScript("""
    add person "Nurali Aitelenov" handle=@extremkz
    add post @extremkz 2014-02-04 "Завтра" lang=ru
    save
    """, name: "bench")
precondition(report.errors.isEmpty, "\(report.errors)")
let attachLine = "attach extremkz-2014-02-04 " + files.map { "'\($0)'" }.joined(separator: " ")
let attachCPU = cpuSeconds()
let attach = Bench.seconds { report = notebook.runScript(attachLine, name: "bench") }
precondition(report.errors.isEmpty, "\(report.errors)")
print("  attach command (8 files, once)" + rate(attach, cpu: cpuSeconds() - attachCPU))
let verifyAll: () throws -> Void = {
    let results = try notebook.verifyEvidence()
    precondition(results.count == fileCount && results.allSatisfy(\.isOK))
}
// The store's copies leave the page cache once written, so the first verify reads them
// from the disk; the runs after it read them from the cache.
let coldCPU = cpuSeconds()
let coldVerify = try Bench.seconds(verifyAll)
print("  verify, store read from disk  " + rate(coldVerify, cpu: cpuSeconds() - coldCPU))
let verify = try measure(verifyAll)
print("  verify, store in the cache    " + rate(verify.wall, cpu: verify.cpu))
print("  peak memory                   " + Bench.megabytes(Bench.peakResidentBytes))
print("  load average now              " + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"))
