@testable import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// `import tmx`: translations edited in a CAT tool come back; nothing else changes.
@Suite("import tmx")
struct TMXImportTests {
    static let example = TranslationRoundTrip.example

    static func exported() throws -> (harness: ImportHarness, tmx: String) {
        let (harness, path) = try TranslationRoundTrip.exported("tmx", file: "case.tmx")
        return (harness, path)
    }

    @Test("translate-toolkit changes one target and adds one unit; the import changes that translation and adds one, entry by entry")
    func roundTrip() throws {
        guard try PythonCheck.available(["translate.storage.tmx"], for: "translate-toolkit") else { return }
        let (harness, tmx) = try Self.exported()
        let before = harness.notebook.caseFile
        let program = """
            import sys
            from translate.storage import tmx
            store = tmx.tmxfile.parsefile(sys.argv[1])
            unit = [u for u in store.units if u.getid() == "extremkz-2014-02-05.en"][0]
            unit.settarget("Rally against the bought bloggers", "en")
            store.addtranslation(sys.argv[2], "ru", "Today the bloggers were called to the mayor again.", "en")
            store.savefile(sys.argv[1])
            print(len(store.units))
            """
        let units = try PythonCheck.run(program, [tmx, TranslationRoundTrip.newPost])
        #expect(units == "9\n")
        let printed = harness.expectSuccess("import tmx \(tmx)")
        #expect(printed.contains("+1 translation, ~1 translation, 7 already present"), "\(printed)")
        let after = harness.notebook.caseFile
        TranslationRoundTrip.expectOnly(["extremkz-2014-02-05.en": [("Text", "Rally against the bought bloggers")]], added: 1,
                                        before: before, after: after)
        let added = try #require(after.entries["extremkz-2014-02-06.en"])
        #expect(added["Of"] == "extremkz-2014-02-06")
        #expect(added.lang == "en" && added["Status"] == "draft" && added["By"] == "tester")
        #expect(added.text == "Today the bloggers were called to the mayor again.")
        // The same file again changes nothing.
        let again = harness.expectSuccess("import tmx \(tmx)")
        #expect(again.hasPrefix("nothing new, 9 already present"), "\(again)")
    }

    @Test("the import is one undoable change, logged with the file's hash, and replays")
    func undoAndLog() throws {
        let (harness, tmx) = try Self.exported()
        var text = try String(contentsOfFile: tmx, encoding: .utf8)
        text = text.replacingOccurrences(of: "<seg>Rally against corrupt bloggers</seg>", with: "<seg>Rally against bought bloggers</seg>")
        try text.write(toFile: tmx, atomically: true, encoding: .utf8)
        harness.expectSuccess("import tmx \(tmx)")
        #expect(harness.notebook.caseFile.entries["extremkz-2014-02-05.en"]?.text == "Rally against bought bloggers")
        let log = harness.notebook.sessionLog.last ?? ""
        #expect(log.hasPrefix("import tmx \(tmx) sha256=") && log.hasSuffix(" by=tester"), "\(log)")
        harness.expectSuccess("undo")
        #expect(harness.notebook.caseFile.entries["extremkz-2014-02-05.en"]?.text == "Rally against corrupt bloggers")
        harness.expectSuccess("redo")
        _ = try harness.save()
        try RevisionReplay(try CaseReader.load(path: harness.path).caseFile).verify()
    }

    @Test("a TMX without casefile Ids is matched by source text; an ambiguous or unknown source is refused, located")
    func foreignTMX() throws {
        let harness = try ImportHarness(caseFile: try CaseReader.load(path: Self.example).caseFile)
        harness.expectSuccess(#"add post @extremkz 2014-02-07 lang=ru "Одинаковый текст""#)
        harness.expectSuccess(#"add post @evlaman 2014-02-07 lang=ru "Одинаковый текст""#)
        func tmx(_ units: String) -> String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6.0" srclang="ru-RU" adminlang="en" segtype="sentence" o-tmf="OmegaT TMX" datatype="plaintext"/>
            <body>
            \(units)
            </body></tmx>
            """
        }
        let good = try harness.folder.write("omegat.tmx", tmx("""
            <tu><tuv lang="RU-RU"><seg>Надеюсь, хоть кто-то из блогеров на обеде с Есимовым догадался достать портмоне, и заплатить за свой обед?</seg></tuv><tuv lang="EN-US" changeid="aigerim"><seg>I hope some of the bloggers paid for their lunch?</seg></tuv></tu>
            """))
        let printed = harness.expectSuccess("import tmx \(good)")
        #expect(printed.contains("~1 translation"), "\(printed)")
        #expect(harness.notebook.caseFile.entries["baitukenov-2014-02-05.en"]?.text == "I hope some of the bloggers paid for their lunch?")
        #expect(harness.notebook.caseFile.entries["baitukenov-2014-02-05.en"]?["By"] == "Global Voices")

        let bad = try harness.folder.write("bad.tmx", tmx("""
            <tu>
              <tuv xml:lang="ru"><seg>Одинаковый текст</seg></tuv><tuv xml:lang="en"><seg>Same text</seg></tuv></tu>
              <tu><tuv xml:lang="ru"><seg>Этого нет в деле</seg></tuv><tuv xml:lang="en"><seg>Not in the case</seg></tuv></tu>
            """))
        let before = harness.notebook.caseFile
        let result = harness.run("import tmx \(bad)")
        let errors = result.errors.joined(separator: "\n")
        #expect(errors.contains("bad.tmx:4:1: error: the source text is that of 2 entries (aitelenov-2014-02-07, evlaman-2014-02-07)")
                || errors.contains("bad.tmx:4:1: error: the source text is that of 2 entries (evlaman-2014-02-07, extremkz-2014-02-07)"), "\(errors)")
        #expect(errors.contains("bad.tmx:6:3: error: no post or quote in the case has this source text (ru)"), "\(errors)")
        #expect(errors.contains("nothing was imported"), "\(errors)")
        #expect(harness.notebook.caseFile == before)
    }

    @Test("hostile TMX: malformed XML, entities (internal, external, exponential), deep nesting, a huge text; each refused, located, the case untouched", arguments: [
        ("malformed", "<tmx version=\"1.4\"><body>\n  <tu><tuv xml:lang=\"ru\"><seg>x</tuv></tu></body></tmx>", "malformed.tmx:2:", "an end tag that does not match"),
        ("internal", "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY e \"boom\">]>\n<tmx/>", "internal.tmx:2:15:", "internal subset"),
        ("external", "<!DOCTYPE tmx [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">]><tmx><body><tu><tuv xml:lang=\"ru\"><seg>&x;</seg></tuv></tu></body></tmx>", "external.tmx:1:15:", "internal subset"),
        ("undeclared", "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"ru\"><seg>&x;</seg></tuv></tu></body></tmx>", "undeclared.tmx:1:", "not declared"),
        ("parameter", "<!DOCTYPE tmx SYSTEM \"file:///etc/passwd\">\n<tmx version=\"1.4\"><body>\n<tu><tuv lang=\"ru\"><seg>нет такого</seg></tuv><tuv lang=\"en\"><seg>x</seg></tuv></tu></body></tmx>", "parameter.tmx:3:1:", "no post or quote"),
        ("deep", "<tmx><body><tu>" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100) + "</tu></body></tmx>", "deep.tmx:1:", "nested more than 64 deep"),
        ("empty", "", "empty.tmx:", "holds no XML"),
        ("notxml", "just text, no tags", "notxml.tmx:1:1:", "holds no XML"),
        ("xliff", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"ru\"/>", "xliff.tmx:1:", "not a TMX file"),
        ("controls", "<tmx><body><tu><tuv xml:lang=\"ru\"><seg>&#27;[31m</seg></tuv></tu></body></tmx>", "controls.tmx:1:45:", "a character XML does not allow"),
    ])
    func hostile(name: String, text: String, location: String, message: String) throws {
        try TranslationRoundTrip.expectRefused("tmx", file: name + ".tmx", text: text, location: location, message: message)
    }

    @Test("a text over libxml2's 10 MB limit is refused with a message, not a crash")
    func huge() throws {
        let harness = try ImportHarness()
        let big = "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"ru\"><seg>" + String(repeating: "я", count: 6_000_000)
            + "</seg></tuv></tu></body></tmx>"
        let file = try harness.folder.write("huge.tmx", big)
        let errors = harness.run("import tmx \(file)").errors.joined(separator: "\n")
        #expect(errors.contains("huge.tmx:1:") && errors.contains("too large"), "\(errors.prefix(300))")
    }

    @Test("a UTF-16 TMX with a byte order mark (Trados) is read; auto tells TMX from the content")
    func utf16() throws {
        let (harness, tmx) = try Self.exported()
        var text = try String(contentsOfFile: tmx, encoding: .utf8)
        text = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
            .replacingOccurrences(of: "<seg>Rally against corrupt bloggers</seg>", with: "<seg>Rally against bought bloggers</seg>")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = harness.folder.file("utf16.tmx")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let printed = harness.expectSuccess("import auto \(path)")
        #expect(printed.contains("~1 translation"), "\(printed)")
        #expect(harness.notebook.caseFile.entries["extremkz-2014-02-05.en"]?.text == "Rally against bought bloggers")
    }

    @Test("Ids that do not fit the case are refused: a removed translation, a translation paired with another original")
    func staleIds() throws {
        let (harness, tmx) = try Self.exported()
        harness.expectSuccess("remove extremkz-2014-02-05.en")
        let errors = harness.run("import tmx \(tmx)").errors.joined(separator: "\n")
        #expect(errors.contains("error: translation extremkz-2014-02-05.en is not in the case"), "\(errors)")
        let other = try harness.folder.write("moved.tmx", """
            <tmx version="1.4"><header srclang="ru"/><body>
            <tu><prop type="x-original">evlaman-2014-02-05</prop><prop type="x-translation">baitukenov-2014-02-05.en</prop><tuv xml:lang="ru"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>
            </body></tmx>
            """)
        let moved = harness.run("import tmx \(other)").errors.joined(separator: "\n")
        #expect(moved.contains("moved.tmx:2:1: error: baitukenov-2014-02-05.en translates baitukenov-2014-02-05 in the case, but the file pairs it with evlaman-2014-02-05"), "\(moved)")
    }

    @Test("the hostile case's texts survive export and import unchanged, control characters included")
    func hostileTexts() throws {
        try TranslationRoundTrip.expectUnchanged("tmx")
    }
}
