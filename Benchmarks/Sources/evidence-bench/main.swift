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
    FileManager.default.createFile(atPath: path, contents: nil)
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

func rate(_ seconds: Double) -> String { String(format: "%6.0f MB/s  (%@)", totalMB / seconds, Bench.format(seconds)) }

let quoted = files.map { "'\($0)'" }.joined(separator: " ")
let anchorTimes = (0..<runs).compactMap { _ in Bench.anchor("sha256sum \(quoted)") }
print("  sha256sum (anchor)          " + (anchorTimes.isEmpty ? "not available" : rate(Bench.median(anchorTimes))))

let inPlace = try Bench.median(runs: runs) { for file in files { _ = try EvidenceStore.hashInPlace(file) } }
print("  hash in place (attach --link) " + rate(inPlace))

var storeNumber = 0
var lastStore = EvidenceStore(folder: folder + "/unused")
let ingest = try Bench.median(runs: runs) {
    storeNumber += 1
    lastStore = EvidenceStore(folder: folder + "/store-\(storeNumber)")
    for file in files { _ = try lastStore.ingest(file) }
}
print("  copy into the store + fsync " + rate(ingest))

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
let attach = Bench.seconds { report = notebook.runScript(attachLine, name: "bench") }
precondition(report.errors.isEmpty, "\(report.errors)")
print("  attach command (8 files)    " + rate(attach))
let verify = try Bench.median(runs: runs) {
    let results = try notebook.verifyEvidence()
    precondition(results.count == fileCount && results.allSatisfy(\.isOK))
}
print("  verify command (8 files)    " + rate(verify))
print("  peak memory                 " + Bench.megabytes(Bench.peakResidentBytes))
