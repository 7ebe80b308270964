@testable import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// FollowTheMoney entities checked by the followthemoney package itself.
@Suite("Export: ftm, checked by followthemoney")
struct FtMExportTests {
    static let checker = """
        import json, sys
        from followthemoney import model
        entities = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
        ids = {e["id"] for e in entities}
        assert len(ids) == len(entities), "duplicate ids"
        problems = []
        schemata = {}
        for e in entities:
            schema = model.get(e["schema"])
            if schema is None:
                problems.append(("no schema", e["schema"])); continue
            schemata[e["schema"]] = schemata.get(e["schema"], 0) + 1
            try:
                schema.validate(e)
            except Exception as error:
                problems.append((e["id"], str(getattr(error, "errors", error))))
            if schema.abstract:
                problems.append((e["id"], "abstract schema"))
            for name, values in e["properties"].items():
                prop = schema.properties.get(name)
                if prop is None:
                    problems.append((e["id"], "no property " + name + " in " + schema.name)); continue
                if not values:
                    problems.append((e["id"], "empty " + name))
                if prop.type.name == "entity":
                    for value in values:
                        if value not in ids:
                            problems.append((e["id"], name + " points at a missing " + value))
                        elif prop.range is not None and not model.get(next(x["schema"] for x in entities if x["id"] == value)).is_a(prop.range):
                            problems.append((e["id"], name + " points at the wrong kind " + value))
            for name in schema.required:
                if not e["properties"].get(name):
                    problems.append((e["id"], "required " + name + " missing"))
        if problems:
            print(json.dumps(problems[:20], ensure_ascii=False)); sys.exit(1)
        print(json.dumps(schemata, sort_keys=True))
        """

    @Test("every entity validates, every property exists in its schema, every reference resolves", arguments: ["example", "hostile"])
    func valid(which: String) throws {
        guard try PythonCheck.available(["followthemoney"], for: "followthemoney") else { return }
        let caseFile = which == "example" ? try ExportFixtures.example() : try ExportFixtures.hostile()
        let folder = try TemporaryFolder()
        let path = try ExportFixtures.write(.ftm, ExportSet(wholeCase: caseFile), to: folder, "case.ftm.json")
        let output = try PythonCheck.run(Self.checker, [path])
        if which == "example" {
            #expect(output == #"{"Document": 1, "Message": 7, "Note": 13, "Person": 14, "UnknownLink": 25, "UserAccount": 9}"# + "\n")
        } else {
            #expect(output.contains(#""Article": 1"#))
            #expect(output.contains(#""Documentation": 1"#))
        }
    }

    @Test("a selection's entities still resolve: what they point at comes along")
    func selection() throws {
        guard try PythonCheck.available(["followthemoney"], for: "followthemoney") else { return }
        let notebook = Notebook(caseFile: try ExportFixtures.example(), output: BufferOutput(), settings: Settings(userName: "t"))
        let set = try notebook.exportSet(query: [Word("lang:ru")], entries: [])
        let folder = try TemporaryFolder()
        let path = try ExportFixtures.write(.ftm, set, to: folder, "sel.ftm.json")
        #expect(try PythonCheck.run(Self.checker, [path]).contains("\"Message\": 7"))
    }

    @Test("entity ids are stable, FtM-shaped and distinct for distinct Ids")
    func ids() {
        #expect(FtMEntity.id("person", "aitelenov") == "person.aitelenov")
        #expect(FtMEntity.id("post", "ali_g_aka_kamaz-2014-02-05") == "post.ali.5fg.5faka.5fkamaz-2014-02-05")
        #expect(FtMEntity.id("person", "x-") == "person.x.2d")
        #expect(FtMEntity.id("person", "a.b") != FtMEntity.id("person", "a_b"))
        #expect(FtMEntity.id("person", String(repeating: "й", count: 100)).utf8.count <= 200)
        #expect(FtMEntity.language("kk-Cyrl") == "kaz")
        #expect(FtMEntity.language("xx") == nil)
        #expect(FtMEntity.language("ru") == "rus")
        #expect(FtMEntity.language("RU") == "rus")
    }

    @Test("an entity's values are grouped by property in first-added order, repeats and blanks dropped, URLs and text checked")
    func entityLine() {
        var entity = FtMEntity(id: "post.p1", schema: "Message")
        entity.add("keywords", "a")
        entity.add("bodyText", "Алматы", .text)
        entity.add("keywords", "b")
        entity.add("keywords", "a")
        entity.add("title", " \n\t")
        entity.add("title", "\u{A0}\u{2003}")
        entity.add("sourceUrl", "HTTPS://example.org/x", .url)
        entity.add("sourceUrl", "https://example.org/a b", .url)
        entity.add("sourceUrl", "https://example.org/\u{3000}x", .url)
        entity.add("sourceUrl", "mailto:x@example.org", .url)
        entity.add("summary", String(repeating: "я", count: 65_001), .text)
        entity.add("title", "\u{3000}\u{2028}")
        entity.add("date", "2014-02-30", .date)
        entity.add("date", "2014-02-05T10:00:00Z", .date)
        entity.add("language", "KK-Cyrl", .language)
        entity.add("language", "xx", .language)
        entity.add("name", String(repeating: "ж", count: 384), .name)
        let stream = ExportStream()
        entity.write(to: stream)
        let summary = String(repeating: "я", count: 64_999) + "…"
        #expect(stream.text == #"{"id":"post.p1","schema":"Message","properties":{"keywords":["a","b"],"bodyText":["Алматы"],"#
                + #""sourceUrl":["HTTPS://example.org/x"],"summary":[""# + summary + #""],"date":["2014-02-05T10:00:00Z"],"#
                + #""language":["kaz"],"name":[""# + String(repeating: "ж", count: 384) + "\"]}}\n")
    }

    /// An entity's line is put together in room worked out beforehand for the worst case:
    /// values made only of what escapes the longest (a control byte becomes six) fit, and
    /// read back as they were added.
    @Test("values that escape to six bytes a byte fit the line's room and read back")
    func worstEscapes() throws {
        var entity = FtMEntity(id: "note.x", schema: "Note")
        let controls = String(repeating: "\u{1}", count: 3000)
        let c1 = String(repeating: "\u{9F}\u{202E}", count: 1000)
        entity.add("description", controls, .text)
        entity.add("summary", c1, .text)
        let stream = ExportStream()
        entity.write(to: stream)
        entity.write(to: stream)
        let lines = stream.text.split(separator: "\n")
        #expect(lines.count == 2 && lines[0] == lines[1])
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        let properties = object?["properties"] as? [String: [String]]
        #expect(properties?["description"] == [controls])
        #expect(properties?["summary"] == [c1])
    }

    /// Blank values are told on their first scalar with a list of Unicode's white space
    /// instead of the standard library's table: the list agrees with it on every scalar.
    @Test("the white space list agrees with Unicode's property on every scalar")
    func whiteSpaceList() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if FtMEntity.isWhiteSpace(value) != scalar.properties.isWhitespace { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
    }

    /// An account's service is the platform of its owner's first post, found on every core
    /// for many posts: cut into parts of any size, the first post still wins.
    @Test("accounts' services found in parts are those of each author's first post")
    func servicesInParts() {
        let posts = (0..<500).map { index in
            Entry(kind: .post, id: "p\(index)", fields: [Field("Author", "a\(index % 37)"), Field("Platform", "site\(index % 11)")]
                  + (index % 5 == 0 ? [] : [Field("Text", "x")]))
        }
        var expected: [String: String] = [:]
        for post in posts where expected[post["Author"] ?? ""] == nil { expected[post["Author"] ?? ""] = post["Platform"] }
        for minimumPart in [1, 3, 64, 32_768] {
            #expect(FtMExport.services(posts, minimumPart: minimumPart) == expected, "parts of at least \(minimumPart)")
        }
    }
}
