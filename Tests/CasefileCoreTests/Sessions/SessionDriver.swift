import Foundation
@testable import CasefileCore

/// Drives notebooks the way a researcher does: random commands (some failing, some
/// undone and redone), saves with messages, the file reopened now and then.
struct SessionDriver {
    var random: ReviewRandom
    let path: String
    var clock = 1_764_072_000
    var notebook: Notebook
    let output = BufferOutput()
    /// Commands run without and with an error.
    var succeeded = 0
    var failed = 0
    /// What `edit` shows the "user", who changes it as `RandomEditor` decides.
    let editor: RandomEditor
    /// The twarc files imported so far (they stay, so replays can read them again).
    var imported: [String] = []

    init(seed: UInt64, path: String) throws {
        random = ReviewRandom(seed: seed)
        editor = RandomEditor(seed: seed)
        self.path = path
        notebook = Notebook(output: output, settings: Settings(userName: "amina", fixedTime: clock))
        try notebook.open(path: path)
        notebook.editor = editor
    }

    /// Opens the file afresh, as a new session (undo history gone).
    mutating func reopen() throws {
        notebook = Notebook(output: output, settings: Settings(userName: random.pick(["amina", "bo"]), fixedTime: clock))
        try notebook.open(path: path)
        notebook.editor = editor
    }

    /// Advances the clock and runs `count` random commands.
    mutating func work(_ count: Int) {
        for _ in 0..<count {
            clock += random.int(1...300)
            notebook.settings.fixedTime = clock
            if notebook.runInteractive(command()).isEmpty { succeeded += 1 } else { failed += 1 }
        }
    }

    /// Saves with a message; returns whether a revision was written.
    @discardableResult
    mutating func save() throws -> Bool {
        clock += 60
        notebook.settings.fixedTime = clock
        let before = notebook.caseFile.header.revision
        try notebook.save(message: random.chance(0.7) ? "work \(clock)" : nil)
        return notebook.caseFile.header.revision == before + 1
    }

    private func ids(_ kind: Kind) -> [String] {
        notebook.caseFile.entries.values.filter { $0.kind == kind }.map(\.id).sorted()
    }

    mutating func command() -> String {
        let people = ids(.person)
        let posts = ids(.post)
        let all = notebook.caseFile.entries.keys.sorted()
        let words = ["Есимов", "lunch", "blogger", "#KAZ", "«тамed»", "Алматы", "mayor's", "a \"quoted\" word"]
        func phrase() -> String { (0..<random.int(1...4)).map { _ in random.pick(words) }.joined(separator: " ") }
        if people.isEmpty || random.chance(0.15) {
            let name = random.pick(["Nurali Aitelenov", "Rinat Kibraev", "Ахметжан Есимов", "Dmitry Shchyolokov"])
            return "add person " + Quoting.word(name) + (random.chance(0.5) ? " handle=@h\(random.int(1...99))" : "")
        }
        if random.chance(0.12), let file = fileCommand(all: all) { return file }
        if random.chance(0.3), let special = everyOtherCommand(people: people, posts: posts, all: all, phrases: [phrase(), phrase()]) {
            return special
        }
        switch random.int(0...14) {
        case 0:
            return "add post \(random.pick(people)) 2014-02-0\(random.int(1...9)) \(Quoting.word(phrase())) lang=ru"
        case 1:
            return "add post \(random.pick(people)) 2014-02-0\(random.int(1...9)) lang=kk <<END\n\(phrase())\n\n\(phrase())\nEND"
        case 2:
            return "add quote \(random.pick(people)) \(Quoting.word(phrase()))"
        case 3:
            guard let post = posts.randomElement(using: &random) else { return "undo" }
            return "translate \(post) en \(Quoting.word(phrase())) status=draft"
        case 4:
            return "link \(random.pick(all)) \(random.pick(Relation.words)) \(random.pick(all))"
        case 5:
            guard let key = notebook.caseFile.links.keys.sorted().first else { return "redo" }
            return "unlink \(key.from) \(key.rel) \(key.to)"
        case 6:
            return "annotate \(random.pick(all)) \(Quoting.word(phrase()))"
        case 7:
            return "tag \(random.pick(all)) t\(random.int(1...5))"
        case 8:
            return "untag \(random.pick(all)) t\(random.int(1...5))"
        case 9:
            guard let post = posts.randomElement(using: &random) else { return "undo" }
            return "set \(post) lang=\(random.pick(["ru", "kk", "en"])) platform=twitter"
        case 10:
            return "rename \(random.pick(all)) n\(random.int(1...999))"
        case 11:
            return "rm \(random.pick(all)) --cascade"
        case 12:
            return random.chance(0.5) ? "undo" : "undo 2"
        case 13:
            // A script of a few commands: one transaction live, several in a replay.
            let script = path + ".\(clock).cf"
            let lines = (0..<random.int(2...3)).map { _ in
                "add quote \(random.pick(people)) \(Quoting.word(phrase()))"
            }
            try? (lines.joined(separator: "\n") + "\n").write(toFile: script, atomically: true, encoding: .utf8)
            return "source \(script)"
        default:
            return "redo"
        }
    }
}
