import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("WACZ and bundles")
struct WACZAndBundleTests {
    /// Writes a WARC of two pages with warcio, and makes a WACZ of it with `wacz create`.
    static func makeWACZ(in folder: TemporaryFolder) throws -> String? {
        guard try ExternalReader.require(ExternalReader.pythonHas(["warcio", "wacz"]), "Python with wacz and warcio"),
              let python = ExternalReader.python else { return nil }
        let maker = try folder.write("make_warc.py", """
            import io, sys
            from warcio.warcwriter import WARCWriter
            from warcio.statusandheaders import StatusAndHeaders
            with open(sys.argv[1], 'wb') as out:
                writer = WARCWriter(out, gzip=True)
                for i, url in enumerate(["https://example.org/post/1", "https://example.org/post/2"]):
                    body = ("<html><body>Post %d: Завтра</body></html>" % i).encode()
                    headers = StatusAndHeaders('200 OK', [('Content-Type', 'text/html; charset=utf-8')], protocol='HTTP/1.1')
                    record = writer.create_warc_record(url, 'response', payload=io.BytesIO(body), http_headers=headers,
                                                       warc_headers_dict={'WARC-Date': '2014-02-04T13:05:0%dZ' % i})
                    writer.write_record(record)
            """)
        let warc = folder.file("data.warc.gz")
        let made = try ProcessRunner.run(python, [maker, warc])
        try #require(made.status == 0, "\(made.stderr)")
        let pages = try folder.write("pages.jsonl", """
            {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
            {"id": "p1", "url": "https://example.org/post/1", "ts": "2014-02-04T13:05:00Z", "title": "Post 1"}
            {"id": "p2", "url": "https://example.org/post/2", "ts": "2014-02-04T13:05:01Z", "title": "Post 2"}

            """)
        let wacz = folder.file("capture.wacz")
        let tool = (python as NSString).deletingLastPathComponent + "/wacz"
        let created = try ProcessRunner.run(tool, ["create", "-o", wacz, "-p", pages, warc])
        try #require(created.status == 0, "\(created.stderr)")
        return wacz
    }

    /// A copy of `wacz` whose WARC has one byte changed and whose datapackage.json is kept.
    static func tamper(_ wacz: String, into tampered: String, folder: TemporaryFolder) throws {
        let python = try #require(ExternalReader.python)
        let script = try folder.write("tamper.py", """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], 'w') as target:
                for item in source.infolist():
                    data = source.read(item.filename)
                    if item.filename.startswith('archive/'):
                        data = data[:-1] + bytes([data[-1] ^ 1])
                    target.writestr(item, data)
            """)
        let result = try ProcessRunner.run(python, [script, wacz, tampered])
        try #require(result.status == 0, "\(result.stderr)")
    }

    @Test("a WACZ made by wacz create: its pages and capture times are recorded, its hashes checked; a tampered one is reported")
    func wacz() throws {
        let evidence = try EvidenceCase()
        guard let wacz = try Self.makeWACZ(in: evidence.folder) else { return }
        let tampered = evidence.folder.file("tampered.wacz")
        try Self.tamper(wacz, into: tampered, folder: evidence.folder)
        let attached = try evidence.run(["run", evidence.path, "-"], stdin: "attach extremkz-2014-02-04 \(wacz) \(tampered)\n")
        #expect(attached.status == 0, "\(attached.stderr)")
        #expect(attached.stderr.contains("warning: tampered.wacz is a WACZ whose own hashes do not match: archive/data.warc.gz: declared sha256:"),
                "\(attached.stderr)")
        let records = try evidence.records()
        let good = try #require(records.first { $0.name == "capture.wacz" })
        #expect(good.mediaType == "application/wacz")
        #expect(good.pages == ["2014-02-04T13:05:00Z https://example.org/post/1", "2014-02-04T13:05:01Z https://example.org/post/2"])
        #expect(good.wacz == "2 pages, 5 declared hashes checked, all match", "\(good.wacz ?? "")")
        let bad = try #require(records.first { $0.name == "tampered.wacz" })
        #expect(bad.wacz?.contains("1 DO NOT MATCH: archive/data.warc.gz: declared sha256:") == true, "\(bad.wacz ?? "")")
        // verify re-checks a WACZ's own hashes: the tampered one is not ok, though its file is as attached.
        let verified = try evidence.run(["verify", evidence.path])
        #expect(verified.status == 1)
        #expect(verified.stdout.contains("WACZ BAD  \(bad.id)"), "\(verified.stdout)")
        #expect(verified.stdout.contains("ok        \(good.id)"))
    }

    @Test("a bundle unpacked in another folder passes sha256sum -c SHA256SUMS and casefile verify")
    func bundle() throws {
        let evidence = try EvidenceCase()
        let zip = evidence.folder.file("review.zip")
        let bundled = try evidence.run(["bundle", evidence.path, zip])
        #expect(bundled.status == 0, "\(bundled.stderr)")
        #expect(bundled.stdout.contains("the case, 3 evidence files and SHA256SUMS"))
        // The export is in the chain of custody of every piece of evidence, in the bundled case too.
        #expect(try evidence.records().allSatisfy { $0.custody.last?.event == "bundled into review.zip" })
        var info = stat()
        #expect(stat(zip, &info) == 0 && info.st_mode & 0o077 == 0, "the bundle is private")
        #expect(try evidence.run(["bundle", evidence.path, zip]).stderr.contains("exists already"))

        guard try ExternalReader.require(ExternalReader.tool("unzip") != nil && ExternalReader.tool("sha256sum") != nil,
                                         "unzip and sha256sum") else { return }
        let other = try TemporaryFolder()
        let unzipped = try ProcessRunner.run(ExternalReader.tool("unzip")!, ["-q", zip, "-d", other.path])
        try #require(unzipped.status == 0, "\(unzipped.stderr)")
        let sums = try ProcessRunner.run(ExternalReader.tool("sha256sum")!, ["-c", "SHA256SUMS"], directory: other.path)
        #expect(sums.status == 0, "\(sums.stdout)\(sums.stderr)")
        #expect(sums.stdout.components(separatedBy: ": OK\n").count == 5, "\(sums.stdout)")
        let verified = try evidence.run(["verify", other.file("case.rec")])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("3 ok"))
        // A bundle of damaged evidence is refused.
        let record = try evidence.records()[0]
        unlink(evidence.store.path(of: record.sha256))
        let refused = try evidence.run(["bundle", evidence.path, evidence.folder.file("second.zip")])
        #expect(refused.status == 1 && refused.stderr.contains("not bundled"), "\(refused.stderr)")
        #expect(access(evidence.folder.file("second.zip"), F_OK) != 0)
    }
}
