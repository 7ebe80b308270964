import BenchSupport
import CasefileCore
import Foundation

// export-bench: exports of a generated case of a million entries to ftm, csv and json
// (each at most 3 s), and of a 10,000-entry selection to html and dot (at most 2 s).
// Anchors in the same run: saving the same case as a recfile, and cp of the json written.
// `swift run -c release --package-path Benchmarks export-bench [ENTRIES] [FORMAT,…]`
// (FORMAT,…: only those of ftm, json, csv, html, dot, e.g. `ftm` while profiling it).

let arguments = Array(CommandLine.arguments.dropFirst())
let entries = arguments.first.flatMap { Int($0) } ?? 1_000_000
let only = arguments.count > 1 ? Set(arguments[1].split(separator: ",").map(String.init)) : nil
/// Whether `format` is measured in this run.
func measures(_ format: ExportFormat) -> Bool { only?.contains(format.rawValue) ?? true }
print("generating a case of \(entries) entries…")
let folder = NSTemporaryDirectory() + "export-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
// Exported as `casefile export CASE` exports: the case read from its file (values kept in
// the mapped file, entries in the file's order), not as made in memory (whose every Id
// would be sorted again by each export, which no case read from a file needs).
let casePath = folder + "/case.rec"
try CaseWriter.bytes(of: SyntheticCase.make(entries: entries)).withUnsafeBytes { bytes in
    try Data(bytes).write(to: URL(fileURLWithPath: casePath))
}
let loadSeconds = Bench.seconds { _ = try? CaseReader.load(path: casePath) }
let caseFile = try CaseReader.load(path: casePath).caseFile
print("  \(caseFile.entries.count) entries, \(caseFile.links.count) links, \(caseFile.notes.count) notes; read from its file in \(Bench.format(loadSeconds)) (not counted below)")

func report(_ name: String, _ seconds: Double, bytes: Int, cpu: Double, limit: Double) {
    let verdict = seconds <= limit ? "ok" : "OVER"
    func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    print(pad(name, 40) + pad(Bench.format(seconds), 10) + pad(Bench.megabytes(bytes), 9) + pad("cpu " + Bench.format(cpu), 15)
          + "(limit \(Int(limit)) s: \(verdict))")
}

/// Median of five exports of `format` of `set` to a file; the bytes written; the median CPU
/// seconds of an export (all threads: beside the wall clock, it tells a slower export from
/// a busier machine).
func measure(_ format: ExportFormat, _ set: () -> ExportSet, options: ExportOptions = ExportOptions(), file: String) -> (Double, Int, Double) {
    var bytes = 0
    var cpus: [Double] = []
    let seconds = Bench.median(runs: 5) {
        let before = Bench.cpuSeconds
        let result = try? Exporter.write(format, set(), options: options, toPath: folder + "/" + file)
        cpus.append(Bench.cpuSeconds - before)
        bytes = result?.files.reduce(0) { $0 + $1.bytes } ?? 0
    }
    return (seconds, bytes, Bench.median(cpus))
}

print("\nwhole case (the set is built inside each timing)")
for format in [ExportFormat.ftm, .json] where measures(format) {
    let (seconds, bytes, cpu) = measure(format, { ExportSet(wholeCase: caseFile) }, file: "case." + format.fileExtension)
    report("export \(format.rawValue)", seconds, bytes: bytes, cpu: cpu, limit: 3)
}
if measures(.csv) {
    let (csvSeconds, csvBytes, csvCPU) = measure(.csv, { ExportSet(wholeCase: caseFile) }, file: "tables")
    report("export csv (7 tables)", csvSeconds, bytes: csvBytes, cpu: csvCPU, limit: 3)
}
let setSeconds = Bench.median(runs: 5) { _ = ExportSet(wholeCase: caseFile) }
print("the whole-case set alone (inside each export above)  \(Bench.format(setSeconds)): the entries as read from the file")
// The exports above are of the case as read (what `casefile export CASE` does), whose
// entries are kept in order as read. In the shell the case changes: an entry replaced is
// followed (the order is still taken as held); a post added between two others and a person
// removed make the set look each post's and person's Id up again, the most of the case any
// change can make it look up (posts are the largest kind).
var edited = caseFile
if let first = caseFile.orderedIds(of: .person).first, let person = caseFile[first] { edited.put(person) }
if let first = caseFile.orderedIds(of: .post).first, var post = caseFile[first] {
    post.fields.append(Field("Status", "checked"))
    edited.put(post)
}
let editedSetSeconds = Bench.median(runs: 5) { _ = ExportSet(wholeCase: edited) }
print("the whole-case set after two edits (followed)  \(Bench.format(editedSetSeconds))")
var reordered = caseFile
if let first = caseFile.orderedIds(of: .post).first, var post = caseFile[first] {
    post.id = first + "-inserted"
    reordered.put(post)
}
if let last = caseFile.orderedIds(of: .person).last { reordered.removeEntry(last) }
let reorderedSetSeconds = Bench.median(runs: 5) { _ = ExportSet(wholeCase: reordered) }
print("the whole-case set after a post inserted and a person removed (their Ids looked up)  \(Bench.format(reorderedSetSeconds))")
if measures(.ftm) {
    let (seconds, bytes, cpu) = measure(.ftm, { ExportSet(wholeCase: reordered) }, file: "reordered.ftm")
    report("export ftm after those changes", seconds, bytes: bytes, cpu: cpu, limit: 3)
}
let saveSeconds = Bench.median(runs: 5) { _ = CaseWriter.bytes(of: caseFile) }
print("anchor: save the same case as a recfile  \(Bench.format(saveSeconds))")
if measures(.json), let copy = Bench.anchor("cp '\(folder)/case.json' '\(folder)/copy.json'") {
    print("anchor: cp of the json written          \(Bench.format(copy))")
}

print("\na selection of 10,000 posts (with their translations, authors, sources, links, notes)")
let chosen = caseFile.orderedIds(of: .post).prefix(10_000).map { $0 }
var selected: ExportSet?
let selectSeconds = Bench.median(runs: 5) {
    selected = ExportSet(caseFile: caseFile, selection: ExportSelection(entries: chosen), matches: [])
}
guard let selection = selected else { fatalError("no selection") }
print("selection step (over the whole case)    \(Bench.format(selectSeconds)): \(ExportSummary.counts(selection))")
for (format, layout) in [(ExportFormat.html, NetworkLayout.Choice.builtin), (.html, .auto), (.dot, .auto)] where measures(format) {
    let (seconds, bytes, cpu) = measure(format, { selection }, options: ExportOptions(layout: layout), file: "selection.\(format.fileExtension)")
    report("export \(format.rawValue)" + (format == .html ? " (\(layout.rawValue) layout)" : ""), seconds, bytes: bytes, cpu: cpu, limit: 2)
}
print("\npeak memory \(Bench.megabytes(Bench.peakResidentBytes))")
