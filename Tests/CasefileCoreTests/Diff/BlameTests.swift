import Testing
@testable import CasefileCore

/// `blame`: each field's revision is the last session that changed it.
@Suite struct BlameTests {
    /// A case saved after each of `sessions` (command lines), in memory.
    static func saved(_ sessions: [[String]]) -> Notebook {
        let notebook = Notebook(caseFile: CaseFile(), output: BufferOutput(), settings: Settings(userName: "u0"))
        notebook.journaling = false
        notebook.showsConfirmations = false
        for (index, commands) in sessions.enumerated() {
            notebook.settings = Settings(userName: "u\(index + 1)", fixedTime: 1_764_072_000 + index * 60)
            for command in commands { _ = notebook.runInteractive(command) }
            notebook.commitSave(notebook.prepareSave(message: "session \(index + 1)"), path: nil, hash: nil)
        }
        return notebook
    }

    @Test(arguments: 0..<12)
    func eachFieldIsBlamedOnTheLastSessionThatChangedIt(seed: Int) throws {
        var random = ReviewRandom(seed: UInt64(seed) + 900)
        let people = (1...5).map { "p\($0)" }
        var sessions = [[#"new "Blame""#] + people.map { #"add person "Person \#($0)" id=\#($0)"# }]
        for _ in 0..<random.int(3...8) {
            sessions.append((0..<random.int(1...4)).map { _ in
                let id = random.pick(people)
                switch random.int(0...4) {
                case 0: return "set \(id) role=\(random.pick(["blogger", "mayor", "journalist"]))"
                case 1: return "set \(id) url=https://example.org/\(random.int(1...3))"
                case 2: return "tag \(id) \(random.pick(["detained", "invited"]))"
                case 3: return "untag \(id) \(random.pick(["detained", "invited"]))"
                default: return "set \(id) name=\"Person \(id) \(random.int(1...2))\""
                }
            })
        }
        // The oracle: snapshots after each save, compared field by field.
        var expected: [String: [Blame.FieldKey: Int]] = [:]
        var previous: [String: [Blame.FieldKey: String]] = [:]
        for count in 1...sessions.count {
            let state = Self.saved(Array(sessions.prefix(count))).caseFile
            for id in people {
                guard let entry = state[id] else { continue }
                let keyed = Blame.keyed(entry)
                for (key, value) in keyed where previous[id]?[key] != value { expected[id, default: [:]][key] = count }
                previous[id] = keyed
            }
        }
        let final = Self.saved(sessions).caseFile
        for id in people {
            let entry = try #require(final[id])
            let blame = Blame(entry, in: final)
            let keys = Blame.keyed(entry).sorted { Blame.order(entry, $0.key, $1.key) }.map(\.key)
            #expect(blame.lines.count == keys.count)
            for (line, key) in zip(blame.lines, keys) {
                guard case let .session(session) = line.origin else {
                    Issue.record("seed \(seed): \(id) \(line.label) not blamed on a session: \(line.origin)")
                    continue
                }
                #expect(session.revision == expected[id]?[key], "seed \(seed): \(id) \(line.label)\n\(sessions)")
                #expect(session.by == "u\(session.revision)")
            }
        }
    }

    @Test func aRenameKeepsTheHistoryAndAHandEditIsSaidToBeOne() throws {
        let notebook = Self.saved([
            [#"new "Blame""#, #"add person "Nurali Aitelenov" handle=@extremkz"#, #"add person "Rinat Kibraev""#],
            ["tag kibraev detained", "link aitelenov detained-with kibraev", "rename aitelenov nurali"],
        ])
        var caseFile = notebook.caseFile
        let blame = Blame(try #require(caseFile["nurali"]), in: caseFile)
        #expect(blame.lines.map(\.label) == ["Name: Nurali Aitelenov", "Handle: @extremkz", "link nurali detained-with kibraev"])
        #expect(blame.lines.map { if case let .session(s) = $0.origin { return s.revision } else { return 0 } } == [1, 1, 2])
        var edited = try #require(caseFile["kibraev"])
        edited.fields = edited.fields.map { $0.name == "Name" ? Field("Name", "Rinat Kibrayev") : $0 }
        caseFile.put(edited)
        let hand = Blame(edited, in: caseFile)
        guard case .outside = hand.lines[0].origin else {
            Issue.record("a hand edit blamed on \(hand.lines[0].origin)")
            return
        }
        #expect(hand.rendered()[1].contains("changed outside casefile"))
    }

    @Test func theShellSaysWhatIsNotSavedYet() {
        let notebook = Self.saved([[#"new "Blame""#, #"add person "Rinat Kibraev""#]])
        notebook.settings = Settings(userName: "amina", fixedTime: 1_764_090_000)
        _ = notebook.runInteractive("tag kibraev detained")
        _ = notebook.runInteractive("blame kibraev")
        let text = (notebook.output as? BufferOutput)?.text ?? ""
        let tag = text.split(separator: "\n").first { $0.contains("Tag: detained") } ?? ""
        #expect(tag.hasSuffix("not saved yet (this session)"), "\(text)")
        #expect(text.contains("Name: Rinat Kibraev") && text.contains("revision 1  u1"), "\(text)")
    }
}
