import CasefileCore
import CasefileTestSupport
import Foundation

/// Cases the export tests write: the example dossier, and a hostile one whose Ids,
/// names and texts try to break every format.
enum ExportFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let examplePath = repository.appendingPathComponent("Examples/kazakh-bloggers/kazakh-bloggers.rec").path

    /// The example dossier.
    static func example() throws -> CaseFile { try CaseReader.load(path: examplePath).caseFile }

    /// Texts that end strings, open tags, start formulas and mix scripts.
    static let hostileTexts = [
        "<script>alert(1)</script>",
        "</div><img src=x onerror=alert(2)>",
        "Tom & Jerry say \"hi\" <b>bold</b> 'quoted'\nsecond line\n\tthird, tabbed",
        "Қазақстан — Алматы, «кавычки» & <тег>",
        "=HYPERLINK(\"http://evil\")",
        "-2+3",
        "@everyone",
        "مرحبا بالعالم (Arabic, right to left) עברית",
        "emoji 🙂👩🏽‍💻 and \\ backslash \\\" quote",
        "the last one, with 'both' \"quotes\"",
    ]

    /// A text with control characters and a bidirectional override, put in directly.
    static let controlText = "control \u{1B}[31mred\u{1B}[0m\u{7} and \u{202E}override\u{0}"

    /// A case built from commands whose values are `hostileTexts`, with Ids that hold
    /// quotes, backslashes, underscores, Cyrillic and a trailing dash.
    static func hostile() throws -> CaseFile {
        let lines = """
            add source "Source <one> & \\"two\\"" id=src_1 url=https://example.org/a?b=1&c=2 published=2020-01-02
            set src_1 Sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            add person "Dr. <script>alert('x')</script>" id=x_evil- handle=@evil_1 alias="Эвил «Злой»" alias="=cmd|' /C calc'!A0" role="-role" tag=t&t source=src_1
            add person "Айгүл Нұрсұлтанқызы" id=aigul handle=@aigul
            add person "Quote \\"Backslash\\\\\\" Person" id=qb handle=@qb
            """
        var script = lines + "\n"
        for (index, text) in hostileTexts.enumerated() {
            let day = String(format: "2020-01-%02d", index + 1)
            let author = ["@evil_1", "@aigul", "@qb"][index % 3]
            script += "add post \(author) \(day) id=p_\(index) lang=\(index == 3 ? "kk" : index == 7 ? "ar" : "ru") platform=\(index == 2 ? "blog" : "telegram") url=https://t.me/c/\(index) source=src_1 <<END\n\(text)\nEND\n"
            script += "translate p_\(index) en by=\"T & <r>\" status=\(index % 2 == 0 ? "final" : "draft") <<END\n\(hostileTexts[(index + 1) % hostileTexts.count])\nmulti-line\nEND\n"
        }
        script += """
            add quote @aigul lang=kk from=p_1 "«Біз» & <біз>"
            link x_evil- criticizes aigul note="because <she> said \\"no\\""
            link p_0 mentions qb
            link aigul detained-with x_evil-
            link p_2 quotes src_1
            annotate x_evil- "</td></tr></table><h1>injected</h1>" by="<b>me</b>" at=2020-02-01T10:00:00Z
            annotate p_3 "=1+1 note"
            """
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "tester", fixedTime: 1_764_072_000))
        notebook.journaling = false
        let report = notebook.runScript(script, name: "hostile.cf")
        guard report.errors.isEmpty else { throw Problem(description: "hostile script failed: \(report.errors)") }
        // Ids no command accepts, as a hand-edited file may hold them: quotes, a
        // backslash (last, before a quote), markup, Cyrillic, spaces.
        var caseFile = notebook.caseFile
        let odd = ["q\"b\\", "a<b>&c", "айгүл", "with space", "end\\"]
        for (index, id) in odd.enumerated() {
            caseFile.put(Entry(kind: .person, id: id, fields: [Field("Name", "Odd \"\(id)\" \\ 🙂"), Field("Handle", "@odd\(index)")]))
            caseFile.put(Link(LinkKey(from: id, rel: "mentions", to: "aigul")))
        }
        caseFile.put(Link(LinkKey(from: "q\"b\\", rel: "same-as", to: "end\\")))
        caseFile.put(Entry(kind: .post, id: "p_ctl", fields: [Field("Author", "aigul"), Field("Date", "2020-03-01"),
                                                             Field("Lang", "ru"), Field("Text", controlText)]))
        caseFile.put(Entry(kind: .translation, id: "p_ctl.en", fields: [Field("Of", "p_ctl"), Field("Lang", "en"),
                                                                       Field("Text", controlText + "\r\nCRLF")]))
        return caseFile
    }

    struct Problem: Error, CustomStringConvertible { let description: String }

    /// Writes `format` of `set` to `name` in `folder`; returns its path.
    static func write(_ format: ExportFormat, _ set: ExportSet, to folder: TemporaryFolder, _ name: String,
                      options: ExportOptions = ExportOptions()) throws -> String {
        let path = folder.file(name)
        _ = try Exporter.write(format, set, options: options, toPath: path)
        return path
    }
}
