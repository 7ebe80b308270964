@testable import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// TMX read back by translate-toolkit, the library behind Pootle and Virtaal.
@Suite("Export: tmx, read by translate-toolkit")
struct TMXExportTests {
    @Test("every pair is a unit with the right languages and texts", arguments: ["example", "hostile"])
    func pairs(which: String) throws {
        guard try PythonCheck.available(["translate.storage.tmx"], for: "translate-toolkit") else { return }
        let caseFile = which == "example" ? try ExportFixtures.example() : try ExportFixtures.hostile()
        let set = ExportSet(wholeCase: caseFile)
        let folder = try TemporaryFolder()
        let path = try ExportFixtures.write(.tmx, set, to: folder, "case.tmx")
        // Texts XML 1.0 can hold go through exactly; the test case's control characters do not.
        let expected: [[String]] = set.entries(of: .translation).compactMap { translation in
            guard let original = translation["Of"].flatMap({ caseFile[$0] }), translation.id != "p_ctl.en" else { return nil }
            return [translation.id, original.lang ?? "", translation.lang ?? "", original.text ?? "", translation.text ?? "",
                    translation["By"] ?? "", translation["Status"] ?? ""]
        }
        let expectedPath = folder.file("expected.json")
        try JSONSerialization.data(withJSONObject: expected).write(to: URL(fileURLWithPath: expectedPath))
        let program = """
            import json, sys
            from translate.storage import tmx
            store = tmx.tmxfile.parsefile(sys.argv[1])
            want = json.load(open(sys.argv[2], encoding="utf-8"))
            lang = "{http://www.w3.org/XML/1998/namespace}lang"
            got = []
            for unit in store.units:
                if unit.getid() == "p_ctl.en":
                    assert "override" in unit.source and "CRLF" in unit.target, (unit.source, unit.target)
                    continue
                langs = [n.get(lang) for n in unit.getlanguageNodes()]
                props = {p.get("type"): p.text for p in unit.xmlelement.iter("prop")}
                assert unit.xmlelement.get("srclang") == langs[0]
                got.append([unit.getid(), langs[0], langs[1], unit.source, unit.target,
                            unit.xmlelement.get("creationid") or "", props.get("x-status", "")])
            assert got == want, (got[:2], want[:2])
            header = store.document.getroot().find("header")
            for name in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"]:
                assert header.get(name), name
            assert header.get("creationtool") == "casefile" and header.get("segtype") == "paragraph"
            assert header.get("datatype") == "plaintext"
            print("ok", len(store.units))
            """
        let output = try PythonCheck.run(program, [path, expectedPath])
        #expect(output == "ok \(expected.count + (which == "hostile" ? 1 : 0))\n")
    }

    @Test("a pair without a language is left out, and the export says so")
    func missingLanguage() throws {
        var caseFile = try ExportFixtures.example()
        guard var post = caseFile["evlaman-2014-02-05"] else { return }
        post.set("Lang", nil)
        caseFile.put(post)
        let stream = ExportStream()
        let warnings = TMXExport.write(ExportSet(wholeCase: caseFile), to: stream)
        #expect(!stream.text.contains("evlaman-2014-02-05.en"))
        #expect(warnings == ["tmx: left out 1 pair without a language tag (evlaman-2014-02-05): set ID Lang=ru"])
    }

    @Test("dates in TMX form")
    func dates() {
        #expect(TMXExport.tmxDate("2014-02-04") == "20140204T000000Z")
        #expect(TMXExport.tmxDate("2025-11-25T12:00:00Z") == "20251125T120000Z")
        #expect(TMXExport.tmxDate("2014-02") == nil)
        #expect(TMXExport.tmxDate("2014-02-04T10:00:00+05:00") == nil)
    }
}
