@testable import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// XLIFF 2.0 checked by lxml against the elements and attributes the XLIFF 2.0 core
/// specification requires and allows (no package installed here ships the OASIS schema,
/// so the check is a structural one written from the specification's core module), and
/// read back by translate-toolkit's XLIFF 2 store.
@Suite("Export: xliff, checked by lxml and translate-toolkit")
struct XLIFFExportTests {
    /// The core module's structure: required and allowed attributes, and children, per element.
    static let structureCheck = """
        import json, re, sys
        from lxml import etree
        X = "{urn:oasis:names:tc:xliff:document:2.0}"
        XML = "{http://www.w3.org/XML/1998/namespace}"
        NMTOKEN = re.compile(r"^[\\w.:-]+$")
        doc = etree.parse(sys.argv[1], etree.XMLParser(resolve_entities=False, no_network=True))
        root = doc.getroot()
        problems = []
        def check(el, required, allowed, other_ns=False):
            local = {k for k in el.attrib if not k.startswith("{")}
            foreign = {k for k in el.attrib if k.startswith("{") and not k.startswith(XML)}
            xml = {k for k in el.attrib if k.startswith(XML)}
            for name in required:
                if name not in el.attrib: problems.append(f"{el.tag} line {el.sourceline}: no {name}")
            for name in local | xml:
                if name not in required and name not in allowed: problems.append(f"{el.tag}: {name} not allowed")
            if foreign and not other_ns: problems.append(f"{el.tag}: foreign attributes {foreign}")
        assert root.tag == X + "xliff", root.tag
        check(root, ["version", "srcLang"], ["trgLang", XML + "space"], other_ns=True)
        assert root.get("version") == "2.0"
        files = root.findall(X + "file")
        assert files, "no <file>"
        assert all(c.tag == X + "file" for c in root), "only <file> in <xliff>"
        assert len({f.get("id") for f in files}) == len(files), "file ids not unique"
        states = []
        for f in files:
            check(f, ["id"], ["canResegment", "original", "translate", "srcDir", "trgDir", XML + "space"], other_ns=True)
            units = f.findall(X + "unit")
            assert units, "a <file> without units"
            ids = [u.get("id") for u in units]
            assert len(set(ids)) == len(ids), "unit ids not unique in the file"
            for u in units:
                check(u, ["id"], ["name", "canResegment", "translate", "srcDir", "trgDir", XML + "space", "type"], other_ns=True)
                assert NMTOKEN.match(u.get("id")), u.get("id")
                children = [c.tag for c in u if c.tag.startswith(X)]
                core = [c for c in children if c in (X + "notes", X + "originalData", X + "segment", X + "ignorable")]
                order = {X + "notes": 0, X + "originalData": 1, X + "segment": 2, X + "ignorable": 2}
                assert [order[c] for c in core] == sorted(order[c] for c in core), f"unit {u.get('id')}: children out of order"
                assert any(c == X + "segment" for c in core), f"unit {u.get('id')}: no segment"
                for notes in u.findall(X + "notes"):
                    assert len(notes) > 0 and all(n.tag == X + "note" for n in notes)
                    for n in notes: check(n, [], ["id", "appliesTo", "category", "priority"], other_ns=True)
                seg_ids = []
                for s in u.findall(X + "segment"):
                    check(s, [], ["id", "canResegment", "state", "subState"])
                    seg_ids.append(s.get("id"))
                    assert s.get("state", "initial") in ("initial", "translated", "reviewed", "final"), s.get("state")
                    parts = [c.tag for c in s]
                    assert parts in ([X + "source"], [X + "source", X + "target"]), parts
                    source = s.find(X + "source")
                    check(source, [], [XML + "lang", XML + "space"])
                    if source.get(XML + "lang"): assert source.get(XML + "lang") == root.get("srcLang")
                    target = s.find(X + "target")
                    if target is not None:
                        assert root.get("trgLang"), "a target without trgLang"
                        check(target, [], [XML + "lang", XML + "space", "order"])
                    elif s.get("state", "initial") != "initial":
                        problems.append(f"unit {u.get('id')}: state {s.get('state')} without a target")
                    for inline in s.iter():
                        if inline.tag == X + "cp":
                            check(inline, ["hex"], [])
                            value = int(inline.get("hex"), 16)
                            assert value < 0x20 and value not in (9, 10, 13) or value in (0xFFFE, 0xFFFF), value
                        elif inline.tag not in (X + "segment", X + "source", X + "target"):
                            problems.append(f"unexpected inline element {inline.tag}")
                    states.append([u.get("name"), s.get("state"), source.xpath("string()"),
                                   target.xpath("string()") if target is not None else None])
                assert len(set(seg_ids)) == len(seg_ids)
        assert not problems, problems
        print(json.dumps(states, ensure_ascii=False))
        """

    @Test("the example and the hostile case: every unit as the specification's core module requires; states mirror statuses",
          arguments: ["example", "hostile"])
    func structure(which: String) throws {
        guard try PythonCheck.available(["lxml.etree"], for: "lxml") else { return }
        var caseFile = which == "example" ? try ExportFixtures.example() : try ExportFixtures.hostile()
        if which == "example" {
            caseFile.put(Entry(kind: .post, id: "new-post", fields: [Field("Author", "aitelenov"), Field("Date", "2014-02-06"),
                                                                    Field("Lang", "ru"), Field("Text", "Новый пост\nв две строки")]))
            if var draft = caseFile["evlaman-2014-02-05.en"] { draft.set("Status", "draft"); caseFile.put(draft) }
            if var reviewed = caseFile["baitukenov-2014-02-05.en"] { reviewed.set("Status", "reviewed"); caseFile.put(reviewed) }
        }
        let set = ExportSet(wholeCase: caseFile)
        let folder = try TemporaryFolder()
        var options = ExportOptions()
        options.targetLang = "en"
        let path = folder.file("case.xlf")
        let result = try Exporter.write(.xliff, set, options: options, toPath: path)
        let output = try PythonCheck.run(Self.structureCheck, [path])
        let units = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[Any]])
        var expected: [[String?]] = []
        for original in set.entries(of: .post) + set.entries(of: .quote) where original.lang.map(LanguageTag.primary) == "ru" {
            let translations = set.translations(of: original.id).filter { $0.lang == "en" }
            if translations.isEmpty { expected.append([original.id, "initial", original.text, nil]) }
            for translation in translations {
                expected.append([translation.id, XLIFFExport.state(translation), original.text, translation.text])
            }
        }
        let got = units.map { $0.map { $0 as? String } }
        #expect(got.count == expected.count)
        for (unit, want) in zip(got, expected) {
            #expect(unit[0] == want[0] && unit[1] == want[1], "\(unit) \(want)")
            // lxml gives back the text; what XML cannot hold is a <cp>, which string() skips.
            #expect(unit[2] == want[2].map(ExportStream.xmlCarried)?.replacingOccurrences(of: "\u{FFFD}", with: ""), "\(unit[0] ?? "")")
            #expect(unit[3] == want[3].map(ExportStream.xmlCarried)?.replacingOccurrences(of: "\u{FFFD}", with: ""), "\(unit[0] ?? "")")
        }
        if which == "example" {
            #expect(got.contains { $0[0] == "new-post" && $0[1] == "initial" && $0[3] == nil })
            #expect(got.contains { $0[0] == "evlaman-2014-02-05.en" && $0[1] == "translated" })
            #expect(got.contains { $0[0] == "baitukenov-2014-02-05.en" && $0[1] == "reviewed" })
        } else {
            #expect(result.warnings.contains { $0.contains("in kk") && $0.contains("--from kk") }, "\(result.warnings)")
        }
    }

    @Test("translate-toolkit reads every unit with its source and target")
    func translateToolkit() throws {
        guard try PythonCheck.available(["translate.storage.xliff2"], for: "translate-toolkit") else { return }
        let folder = try TemporaryFolder()
        let path = folder.file("case.xlf")
        _ = try Exporter.write(.xliff, ExportSet(wholeCase: try ExportFixtures.example()), toPath: path)
        let output = try PythonCheck.run("""
            import sys
            from translate.storage import xliff2
            store = xliff2.Xliff2File.parsefile(sys.argv[1])
            assert store.getsourcelanguage() == "ru" and store.gettargetlanguage() == "en"
            print(len(store.units), sum(1 for u in store.units if u.target))
            """, [path])
        #expect(output == "8 8\n")
    }

    @Test("more than one target language, or none, is an error naming --to")
    func needsTarget() throws {
        var caseFile = try ExportFixtures.example()
        caseFile.put(Entry(kind: .translation, id: "extremkz-2014-02-04.de", fields: [Field("Of", "extremkz-2014-02-04"),
                                                                                     Field("Lang", "de"), Field("Text", "Morgen")]))
        #expect(throws: ExportError.needsLanguage("the translations are into de, en: XLIFF holds one target language",
                                                  hint: "export xliff --to de")) {
            _ = try Exporter.write(.xliff, ExportSet(wholeCase: caseFile), to: ExportStream())
        }
    }
}
