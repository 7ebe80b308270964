import BenchSupport
import CasefileCore
import Foundation

// Resource growth of many small changes to large entries: n and 4n `tag` commands on one
// person and on a 1 MB post (journal on), then undoing all of them, and one `tag` of n
// tags. Time, peak memory and journal size should grow about 4× from n to 4n, not 16×.
// `swift run -c release --package-path Benchmarks growth-bench [n]` (default 10000).
let n = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let folder = NSTemporaryDirectory() + "growth-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

func measure(_ count: Int) throws {
    let path = folder + "/case-\(count).rec"
    var caseFile = CaseFile(title: "Growth")
    caseFile.put(Entry(kind: .person, id: "p", fields: [Field("Name", "Person P")]))
    caseFile.put(Entry(kind: .post, id: "big", fields: [Field("Author", "p"), Field("Date", "2014-02-04"),
                                                       Field("Text", String(repeating: "Завтра у Есимова. ", count: 30_000))]))
    try caseFile.write(to: path)
    let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "bench", fixedTime: 0))
    try notebook.open(path: path)
    let person = Bench.seconds {
        for index in 0..<count { _ = notebook.runInteractive("tag p t\(index)") }
    }
    let post = Bench.seconds {
        for index in 0..<count / 10 { _ = notebook.runInteractive("tag big t\(index)") }
    }
    let journalBytes = (try? FileManager.default.attributesOfItem(atPath: Journal.path(for: path))[.size] as? Int) ?? 0
    let undo = Bench.seconds {
        for _ in 0..<(count + count / 10) { _ = notebook.runInteractive("undo") }
    }
    let words = (0..<count).map { "u\($0)" }.joined(separator: " ")
    let oneCommand = Bench.seconds { _ = notebook.runInteractive("tag p " + words) }
    print("n=\(count): \(count) tags on a person \(Bench.format(person)), \(count / 10) on a 1 MB post \(Bench.format(post)), "
          + "journal \(Bench.megabytes(journalBytes)), undo all \(Bench.format(undo)), one tag of \(count) tags \(Bench.format(oneCommand)), "
          + "peak memory so far \(Bench.megabytes(Bench.peakResidentBytes))")
    notebook.discardJournal()
}

try measure(n)
try measure(4 * n)
if let copy = Bench.anchor("head -c 20000000 /dev/urandom > \(folder)/anchor && cp \(folder)/anchor \(folder)/anchor2") {
    print("anchor: write and cp 20 MB \(Bench.format(copy))")
}
