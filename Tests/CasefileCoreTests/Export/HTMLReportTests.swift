@testable import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// The HTML report, parsed by real HTML parsers and rendered by a real browser.
@Suite("Export: html, parsed by html5lib and lxml, rendered by Chromium")
struct HTMLReportTests {
    static func report(_ caseFile: CaseFile, layout: NetworkLayout.Choice = .builtin, in folder: TemporaryFolder) throws -> String {
        try ExportFixtures.write(.html, ExportSet(wholeCase: caseFile), to: folder, "report.html", options: ExportOptions(layout: layout))
    }

    @Test("html5lib finds no parse error and the hostile texts only as text", arguments: ["builtin", "dot"])
    func parses(layout: String) throws {
        guard try PythonCheck.available(["html5lib", "lxml"], for: "html5lib and lxml") else { return }
        if layout == "dot", !(try ExternalReader.require(ExternalReader.tool("dot") != nil, "Graphviz (dot)")) { return }
        let folder = try TemporaryFolder()
        let caseFile = try ExportFixtures.hostile()
        let path = try Self.report(caseFile, layout: NetworkLayout.Choice(rawValue: layout) ?? .builtin, in: folder)
        let texts = ExportFixtures.hostileTexts.filter { !$0.contains("\t") }
        let expectedPath = try folder.write("texts.json", String(decoding: try JSONSerialization.data(withJSONObject: texts), as: UTF8.self))
        let program = """
            import json, sys, html5lib
            from lxml import etree, html as lhtml
            source = open(sys.argv[1], encoding="utf-8").read()
            parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
            tree = parser.parse(source)
            errors = [e for e in parser.errors]
            assert not errors, errors[:5]
            tags = {el.tag for el in tree.iter() if isinstance(el.tag, str)}
            assert "script" not in tags and "img" not in tags and "h1" in tags, sorted(tags)
            assert len(tree.findall(".//h1")) == 1, "an injected heading"
            assert not any(k.startswith("on") for el in tree.iter() for k in el.attrib), "an event handler attribute"
            text = "".join(tree.itertext())
            for wanted in json.load(open(sys.argv[2], encoding="utf-8")):
                for line in wanted.split("\\n"):
                    assert line in text, ("missing text", line)
            assert "^[[31m" in text and "<U+202E>" in text, "control characters not made visible"
            ids = [el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")]
            assert len(ids) == len(set(ids)), "duplicate ids"
            for required in ["_summary", "_people", "_timeline", "_notes", "_sources", "_evidence", "_network", "x_evil-", "p_0", "p_0.en", "src_1"]:
                assert required in ids, required
            doc = lhtml.fromstring(source.encode("utf-8"))
            assert doc.find(".//svg") is not None or doc.find(".//{http://www.w3.org/2000/svg}svg") is not None or "<svg" in source
            print("ok")
            """
        #expect(try PythonCheck.run(program, [path, expectedPath]) == "ok\n")
    }

    /// A case whose entries are named like the report's sections and markers, and whose
    /// posts carry evidence with hostile file names, one changed on its last verification.
    static func evidenceCase() -> CaseFile {
        var caseFile = CaseFile()
        let clashing = ["summary", "people", "timeline", "notes", "sources", "evidence", "network", "_summary", "__people",
                        "arrow-plain", "_arrow-plain", "graph0", "node1", "_dot-node1"]
        for id in clashing {
            caseFile.put(Entry(kind: .person, id: id, fields: [Field("Name", "Person " + id)]))
        }
        caseFile.put(Link(LinkKey(from: "summary", rel: "mentions", to: "people")))
        caseFile.put(Link(LinkKey(from: "node1", rel: "criticizes", to: "_summary")))
        caseFile.put(Entry(kind: .post, id: "p1", fields: [Field("Author", "summary"), Field("Date", "2020-01-01"),
                                                           Field("Lang", "en"), Field("Text", "first post")]))
        caseFile.put(Entry(kind: .post, id: "p2", fields: [Field("Author", "people"), Field("Date", "2020-01-02"),
                                                           Field("Lang", "en"), Field("Text", "second post")]))
        let hash = String(repeating: "ab", count: 32)
        func evidence(_ id: String, on: String, name: String, custody: [String]) -> Entry {
            Entry(kind: .evidence, id: id, fields: [
                Field("On", on), Field("Sha256", hash), Field("Size", "2048"), Field("Type", "image/png"), Field("Name", name),
                Field("Captured", "2020-01-03T10:30:00Z"), Field("Url", "https://example.org/shot?a=1&b=<2>"),
            ] + custody.map { Field("Custody", $0) })
        }
        caseFile.put(evidence("p1-e1", on: "p1", name: "<img src=x onerror=alert(3)>.png",
                              custody: ["2020-01-03T11:00:00Z; alice; attached from shot.png",
                                        "2020-02-01T09:00:00Z; bob <b>; verified ok"]))
        caseFile.put(evidence("p1-e2", on: "p1", name: "second & \"quoted\".png",
                              custody: ["2020-01-03T11:00:00Z; alice; attached from b.png",
                                        "2020-02-01T09:00:00Z; bob; verified ok",
                                        "2020-03-01T09:00:00Z; carol; verified: CHANGED, now sha256 cd, 3 bytes (recorded ab)"]))
        caseFile.put(evidence("p2-e1", on: "p2", name: "never verified.pdf", custody: ["2020-01-04T11:00:00Z; alice; attached"]))
        return caseFile
    }

    @Test("evidence is listed per entry (name, type, SHA-256, capture, last verification), escaped; entry Ids named like sections do not clash", arguments: ["builtin", "dot"])
    func evidenceAndAnchors(layout: String) throws {
        guard try PythonCheck.available(["html5lib"], for: "html5lib") else { return }
        if layout == "dot", !(try ExternalReader.require(ExternalReader.tool("dot") != nil, "Graphviz (dot)")) { return }
        let folder = try TemporaryFolder()
        let path = try Self.report(Self.evidenceCase(), layout: NetworkLayout.Choice(rawValue: layout) ?? .builtin, in: folder)
        let program = """
            import sys, html5lib
            source = open(sys.argv[1], encoding="utf-8").read()
            parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
            tree = parser.parse(source)
            assert not parser.errors, parser.errors[:5]
            assert not any(el.tag == "img" for el in tree.iter()), "an injected img"
            ids = [el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")]
            assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
            sections = [el.get("id") for el in tree.iter() if el.tag == "section"]
            assert sections == ["_summary", "_people", "_timeline", "_notes", "_sources", "_evidence", "_network"], sections
            for person in ["summary", "people", "timeline", "notes", "sources", "evidence", "network", "graph0", "node1", "arrow-plain"]:
                el = tree.find(".//*[@id='%s']" % person)
                assert el is not None and el.tag == "article", (person, el)
            for person, anchor in [("_summary", "__summary"), ("__people", "___people"), ("_arrow-plain", "__arrow-plain"), ("_dot-node1", "__dot-node1")]:
                el = tree.find(".//*[@id='%s']" % anchor)
                assert el is not None and el.tag == "article", (person, anchor)
            hrefs = {a.get("href") for a in tree.iter("a") if (a.get("href") or "").startswith("#")}
            missing = [h for h in hrefs if h[1:] not in ids]
            assert not missing, missing
            table = tree.find(".//section[@id='_evidence']/table")
            assert table is not None, "no evidence table"
            rows = table.findall("./tbody/tr")
            assert [r.get("id") for r in rows] == ["p1-e1", "p1-e2", "p2-e1"], [r.get("id") for r in rows]
            cells = [["".join(td.itertext()) for td in r.findall("td")] for r in rows]
            first, second, third = cells
            assert first[0] == "p1" and third[0] == "p2", (first[0], third[0])
            assert first[1].startswith("<img src=x onerror=alert(3)>.png 2.0 KB"), first[1]
            assert "https://example.org/shot?a=1&b=<2>" in first[1], first[1]
            assert first[2] == "image/png" and first[3] == "ab" * 32, first
            assert first[4].startswith("3 January 2020, 10:30"), first[4]
            assert first[5].startswith("verified ok") and "1 February 2020" in first[5] and "bob <b>" in first[5], first[5]
            assert second[1].startswith('second & "quoted".png'), second[1]
            assert second[5].startswith("verified: CHANGED, now sha256 cd"), second[5]
            assert third[5] == "not verified since attached", third[5]
            bad = [s for s in tree.iter("span") if "bad" in (s.get("class") or "")]
            assert len(bad) == 1, "one changed file is marked"
            print("ok")
            """
        #expect(try PythonCheck.run(program, [path]) == "ok\n")
    }

    @Test("a report of entries without evidence says so")
    func noEvidence() throws {
        let stream = ExportStream()
        HTMLReport.write(ExportSet(wholeCase: try ExportFixtures.example()), layout: .builtin, to: stream)
        #expect(stream.text.contains("<section id=\"_evidence\">\n<h2>Evidence</h2>\n<p class=\"empty\">No evidence has been captured for these entries.</p>"))
        #expect(stream.text.contains("<a href=\"#_evidence\">Evidence</a>"))
        #expect(stream.text.contains(" id=\"aitelenov\""), "an ordinary Id is its own anchor")
    }

    @Test("the example dossier's report renders in headless Chromium to a page that is not blank")
    func renders() throws {
        guard try ExternalReader.require(ExternalReader.tool("chromium") != nil, "Chromium"), let chromium = ExternalReader.tool("chromium"),
              try PythonCheck.available(["zlib"], for: "python3") else { return }
        let folder = try TemporaryFolder()
        let path = try Self.report(try ExportFixtures.example(), in: folder)
        let shot = folder.file("shot.png")
        let run = try ProcessRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                   "--user-data-dir=" + folder.file("profile"),
                                                   "--screenshot=" + shot, "--window-size=1280,1600", "file://" + path])
        #expect(run.status == 0, "\(run.stderr)")
        let png = try PNGSummary(path: shot)
        #expect(png.width == 1280 && png.height == 1600)
        // A blank page is one colour: its filtered rows are nearly all one byte value.
        #expect(png.distinctBytes > 100, "the screenshot looks blank")
        #expect(png.nonBackgroundShare > 0.02, "the screenshot looks blank")
    }

    @Test("text is escaped and made visible; links only for web addresses")
    func escaping() {
        let stream = ExportStream()
        stream.appendHTMLText("</div><img src=x onerror=alert(1)> & \"q\" 'a' \u{1B}[0m")
        #expect(stream.text == "&lt;/div&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39; ^[[0m")
        #expect(HTMLWriter.fragment("ali_g-1.x") == "ali_g-1.x")
        #expect(HTMLWriter.fragment("a b\"<") == "a%20b%22%3C")
    }

    @Test("the report names what drew its picture, and draws the same picture every time")
    func picture() throws {
        let set = ExportSet(wholeCase: try ExportFixtures.example())
        let first = ExportStream()
        HTMLReport.write(set, layout: .builtin, to: first)
        let second = ExportStream()
        HTMLReport.write(set, layout: .builtin, to: second)
        #expect(first.bytes == second.bytes)
        #expect(first.text.contains("drawn by casefile’s own layout"))
        #expect(first.text.contains("<svg"))
        if ExternalReader.tool("dot") != nil {
            let drawn = ExportStream()
            HTMLReport.write(set, layout: .auto, to: drawn)
            #expect(drawn.text.contains("drawn by Graphviz dot"))
        }
    }
}

/// What a PNG holds, enough to tell a rendered page from a blank one (read by Python's
/// zlib): its size, and how varied its filtered image bytes are.
struct PNGSummary {
    let width: Int
    let height: Int
    let distinctBytes: Int
    /// The share of image bytes that differ from the most common one.
    let nonBackgroundShare: Double

    static let program = """
        import struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "not a PNG"
        width, height = struct.unpack(">II", data[16:24])
        offset, idat = 8, b""
        while offset + 8 <= len(data):
            length = struct.unpack(">I", data[offset:offset + 4])[0]
            if data[offset + 4:offset + 8] == b"IDAT":
                idat += data[offset + 8:offset + 8 + length]
            offset += 12 + length
        raw = zlib.decompress(idat)
        counts = [0] * 256
        for byte in raw:
            counts[byte] += 1
        print(width, height, sum(1 for c in counts if c), 1 - max(counts) / len(raw))
        """

    init(path: String) throws {
        let fields = try PythonCheck.run(Self.program, [path]).split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 4, let width = Int(fields[0]), let height = Int(fields[1]), let distinct = Int(fields[2]),
              let share = Double(fields[3]) else { throw ExportFixtures.Problem(description: "unreadable PNG summary \(fields)") }
        self.width = width
        self.height = height
        distinctBytes = distinct
        nonBackgroundShare = share
    }
}
