import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// Where two cases' entries, links and notes first differ, or nil when they are the same.
func firstDifference(_ a: CaseFile, _ b: CaseFile) -> String? {
    for id in Set(a.entries.keys).union(b.entries.keys).sorted() where a[id] != b[id] {
        return "entry \(id): \(String(describing: a[id])) != \(String(describing: b[id]))"
    }
    for key in Set(a.links.keys).union(b.links.keys).sorted() where a.links[key] != b.links[key] {
        return "link \(key): \(String(describing: a.links[key])) != \(String(describing: b.links[key]))"
    }
    for key in Set(a.notes.keys).union(b.notes.keys).sorted() where a.notes[key] != b.notes[key] {
        return "note \(key): \(String(describing: a.notes[key])) != \(String(describing: b.notes[key]))"
    }
    return nil
}

/// Where two byte strings first differ, as a line of text, or nil when they are equal.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String? {
    guard a != b else { return nil }
    let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    var index = 0
    while index < min(left.count, right.count), left[index] == right[index] { index += 1 }
    let l = index < left.count ? String(left[index]) : "(end)"
    let r = index < right.count ? String(right[index]) : "(end)"
    return "line \(index + 1): \(l.debugDescription) != \(r.debugDescription)"
}

@Suite("Undo and redo as properties")
struct UndoPropertyTests {
    @Test("after random commands, undoing one at a time passes back through every state; redo returns", arguments: 1...12)
    func undoRetracesEveryState(seed: Int) {
        // A notebook on the fixture's case, not the fixture's session: its undo steps are not ours.
        let session = TranscriptSession(caseFile: seed.isMultiple(of: 2) ? Fixture.session().notebook.caseFile : CaseFile())
        session.notebook.showsConfirmations = false
        var generator = RandomCommands(seed: UInt64(seed))
        var states = [session.bytes]
        var failures = 0
        for _ in 0..<150 {
            let line = generator.next(for: session.notebook.caseFile)
            let before = session.bytes
            let errors = session.notebook.runInteractive(line)
            _ = session.output.take()
            if !errors.isEmpty {
                failures += 1
                let difference = firstDifference(session.bytes, before)
                #expect(difference == nil, "seed \(seed): a failed command changed the case: \(line): \(difference ?? "")")
                continue
            }
            let after = session.bytes
            if after != before { states.append(after) }
        }
        #expect(states.count > 40, "seed \(seed): too few commands changed the case (\(failures) failed)")
        let final = session.bytes
        for index in stride(from: states.count - 2, through: 0, by: -1) {
            #expect(session.notebook.runInteractive("undo").isEmpty, "seed \(seed)")
            if let difference = firstDifference(session.bytes, states[index]) {
                Issue.record("seed \(seed): undo to state \(index) of \(states.count - 1) differs: \(difference)")
                return
            }
        }
        #expect(!session.notebook.runInteractive("undo").isEmpty, "seed \(seed): more undo steps than changes")
        #expect(session.notebook.runInteractive("redo 100000").isEmpty)
        #expect(firstDifference(session.bytes, final) == nil, "seed \(seed): redo: \(firstDifference(session.bytes, final) ?? "")")
        #expect(session.notebook.runInteractive("undo 100000").isEmpty)
        #expect(firstDifference(session.bytes, states[0]) == nil, "seed \(seed): undo N: \(firstDifference(session.bytes, states[0]) ?? "")")
        _ = session.output.take()
    }

    @Test("the indexes stay right through random commands and their undo", arguments: 1...4)
    func indexesStayCurrent(seed: Int) {
        let session = Fixture.session()
        session.notebook.showsConfirmations = false
        var generator = RandomCommands(seed: UInt64(seed) + 100)
        // Warm every lazy index first, so that they are kept current rather than rebuilt.
        _ = session.notebook.referencesTo("aitelenov")
        _ = session.notebook.ids(withPrefix: "a")
        _ = session.notebook.people(withHandle: "@h1")
        for step in 0..<200 {
            session.notebook.runInteractive(step % 7 == 6 ? "undo 2" : generator.next(for: session.notebook.caseFile))
        }
        _ = session.output.take()
        let fresh = Notebook(caseFile: session.notebook.caseFile, output: TranscriptOutput(),
                             settings: session.notebook.settings)
        let caseFile = session.notebook.caseFile
        for id in caseFile.entries.keys.sorted() {
            #expect(session.notebook.referencesTo(id) == fresh.referencesTo(id), "seed \(seed): references to \(id)")
        }
        for prefix in ["", "a", "e", "r", "k", "n", "h", "x", "z"] {
            #expect(session.notebook.ids(withPrefix: prefix, limit: 10_000) == fresh.ids(withPrefix: prefix, limit: 10_000),
                    "seed \(seed): ids with prefix \(prefix)")
        }
        for handle in (1...9).map({ "@h\($0)" }) + ["@extremkz"] {
            #expect(session.notebook.people(withHandle: handle) == fresh.people(withHandle: handle), "seed \(seed): \(handle)")
        }
    }

    @Test("the session logs of a file, replayed from an empty case, rebuild its entries exactly", arguments: 1...8)
    func sessionLogReplays(seed: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let session = TranscriptSession(path: path)
        session.notebook.showsConfirmations = false
        let script = try folder.write("part.cf", """
            add person "Sourced Person" handle=@sourced
            add post @sourced 2014-02-10 "from a script" lang=en
            link sourced authored sourced-2014-02-10
            """)
        var generator = RandomCommands(seed: UInt64(seed) + 1000)
        var random = TranscriptRandom(seed: UInt64(seed))
        for _ in 0..<200 {
            let roll = random.int(0...19)
            let line: String
            switch roll {
            case 0: line = "save -m \"step\""
            case 1, 2: line = "undo \(random.int(1...3))"
            case 3: line = "redo \(random.int(1...2))"
            case 4: line = "source \(script)"
            default: line = generator.next(for: session.notebook.caseFile)
            }
            session.notebook.runInteractive(line)
        }
        session.notebook.runInteractive("save -m last")
        _ = session.output.take()
        let saved = try CaseReader.load(path: path).caseFile
        #expect(saved.sessions.count > 3, "seed \(seed)")

        let replay = TranscriptSession()
        replay.notebook.showsConfirmations = false
        for record in saved.sessions.sorted(by: { $0.revision < $1.revision }) {
            for command in record.fields where command.name == "Command" {
                do {
                    try replay.notebook.replayLogged(command.value)
                } catch {
                    Issue.record("seed \(seed): revision \(record.revision): \(command.value): \(error.message)")
                    return
                }
            }
        }
        let difference = firstDifference(replay.notebook.caseFile, saved)
        #expect(difference == nil, "seed \(seed): \(difference ?? "")")
    }
}
