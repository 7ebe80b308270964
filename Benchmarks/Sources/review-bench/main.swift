import BenchSupport
import CasefileCore
import Foundation

// review-bench: a reviewer's two costs on a generated case of a million entries.
// 1. Verifying the session chain of a case with 1,000 sessions (what `casefile revision
//    --check` does when the chain holds): at most one load plus 0.2 s. Anchor: sha256sum.
// 2. `casefile diff --by-session` of two saves differing in 1,000 entries (ten sessions of
//    100 edits): at most 2 s.
// `swift run -c release --package-path Benchmarks review-bench [ENTRIES] [SESSIONS]`

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let entries = arguments.first ?? 1_000_000
let sessionCount = arguments.dropFirst().first ?? 1_000
let folder = NSTemporaryDirectory() + "review-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

func report(_ name: String, _ seconds: Double, limit: String) {
    func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    print(pad(name, 52) + pad(Bench.format(seconds), 10) + limit)
}

print("generating a case of \(entries) entries with \(sessionCount) sessions…")
var caseFile = CaseFile(title: "Generated case for review-bench")
let people = max(1, entries / 10)
for index in 0..<people {
    caseFile.put(Entry(kind: .person, id: "person-\(index)", fields: [
        Field("Name", "Person \(index)"), Field("Handle", "@user\(index)"), Field("Tag", index % 7 == 0 ? "detained" : "blogger"),
    ]))
}
for index in 0..<(entries - people) {
    caseFile.put(Entry(kind: .post, id: "post-\(index)", fields: [
        Field("Author", "person-\(index % people)"), Field("Date", "2014-02-0\(1 + index % 9)"), Field("Lang", "ru"),
        Field("Text", "Завтра у Есимова на ланче, пост номер \(index) #Алматы #KAZ"),
    ]))
}
// Sessions whose chain holds: each names the one before; the newest is sealed over the case.
var previous: String?
for revision in 1...sessionCount {
    var fields = [Field("Saved", "2025-11-25T12:00:00Z"), Field("By", "bench"), Field("Summary", "~1 post"),
                  Field("Command", "tag post-\(revision % max(1, entries - people)) reviewed")]
    if let previous { fields.append(Field(SessionChain.previousField, previous)) }
    if revision < sessionCount {
        let hash = SHA256Digest.sha256(Array("session \(revision)".utf8))
        fields.append(Field(SessionChain.hashField, hash))
        previous = hash
    }
    caseFile.sessions.append(Session(revision: revision, fields: fields))
}
caseFile.header.set("Revision", String(sessionCount))
caseFile.header.set("Saved", "2025-11-25T12:00:00Z")
SessionChain.seal(&caseFile, parents: previous.map { [$0] } ?? [])
let path = folder + "/case.rec"
try caseFile.write(to: path)
let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
print("  \(Bench.megabytes(size)) written")

print("\n1. the session chain (median of 3)")
let load = Bench.median(runs: 3) { _ = try? CaseReader.load(path: path) }
report("load the case", load, limit: "")
var holds = false
let verify = Bench.median(runs: 3) {
    guard let input = try? CaseInput(path: path) else { return }
    holds = input.withBytes { bytes in
        guard let loaded = try? CaseReader.read(bytes: bytes, file: path, validate: false).caseFile else { return false }
        return ChainCheck(loaded, bytes: bytes).holds
    }
}
report("load and verify the chain (\(holds ? "holds" : "BROKEN"))", verify, limit: "")
let extra = verify - load
report("  the chain's cost beyond the load", extra, limit: "(limit 0.2 s: \(extra <= 0.2 ? "ok" : "OVER"))")
if let anchor = Bench.anchor("sha256sum \(path)") { report("  anchor: sha256sum of the file", anchor, limit: "") }

print("\n2. diff --by-session of two saves differing in 1,000 entries")
let older = folder + "/older.rec"
try FileManager.default.copyItem(atPath: path, toPath: older)
let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "bench", fixedTime: 1_764_072_000))
notebook.journaling = false
notebook.showsConfirmations = false
_ = try notebook.open(path: path)
let posts = max(1, entries - people)
for session in 0..<10 {
    notebook.settings = Settings(userName: "bench", fixedTime: 1_764_072_000 + 60 * session)
    let script = (0..<100).map { edit in "set post-\((session * 100 + edit) * 997 % posts) text=\"edited in session \(session)\"" }
    _ = notebook.runScript(script.joined(separator: "\n"), name: "bench")
    try notebook.save(message: "session \(session)")
}
var lines = 0
var explained = false
let bySession = Bench.median(runs: 3) {
    // What `casefile diff OLD NEW --by-session` does: compare, then attribute.
    guard let old = try? CaseInput(path: older), let new = try? CaseInput(path: path),
          let comparison = try? FileComparison.compare(old, new),
          let attribution = try? SessionAttribution.between(old, new, comparison: comparison) else { return }
    lines = DiffRenderer().bySession(attribution).count
    explained = attribution.failure == nil && attribution.unexplained.isEmpty
}
report("diff --by-session (\(lines) lines, \(explained ? "all explained" : "NOT EXPLAINED"))", bySession, limit: "(limit 2 s: \(bySession <= 2 ? "ok" : "OVER"))")
let plain = Bench.median(runs: 3) { _ = try? FileComparison.diff(oldPath: older, newPath: path) }
report("  anchor: the plain diff of the same files", plain, limit: "")
print("\npeak memory \(Bench.megabytes(Bench.peakResidentBytes))")
