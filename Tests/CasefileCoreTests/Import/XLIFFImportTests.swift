@testable import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// `import xliff`: the bilingual file back from a CAT tool; states become statuses.
@Suite("import xliff")
struct XLIFFImportTests {
    @Test("translate-toolkit changes one target, reviews another and translates the new post; the import does exactly that, entry by entry")
    func roundTrip() throws {
        guard try PythonCheck.available(["translate.storage.xliff2"], for: "translate-toolkit") else { return }
        let (harness, xliff) = try TranslationRoundTrip.exported("xliff", file: "case.xlf")
        let before = harness.notebook.caseFile
        let program = """
            import sys
            from translate.storage import xliff2
            store = xliff2.Xliff2File.parsefile(sys.argv[1])
            byname = {u.xmlelement.getparent().get("name"): u for u in store.units}
            byname["extremkz-2014-02-05.en"].target = "Rally against the bought bloggers"
            byname["evlaman-2014-02-05.en"].xmlelement.set("state", "reviewed")
            new = byname["extremkz-2014-02-06"]
            assert not new.target and new.xmlelement.get("state") == "initial"
            new.target = "Today the bloggers were called to the mayor again."
            new.xmlelement.set("state", "translated")
            store.savefile(sys.argv[1])
            print(len(store.units))
            """
        #expect(try PythonCheck.run(program, [xliff]) == "9\n")
        let printed = harness.expectSuccess("import xliff \(xliff)")
        #expect(printed.contains("+1 translation, ~2 translation, 6 already present"), "\(printed)")
        let after = harness.notebook.caseFile
        TranslationRoundTrip.expectOnly(["extremkz-2014-02-05.en": [("Text", "Rally against the bought bloggers")],
                                         "evlaman-2014-02-05.en": [("Status", "reviewed")]], added: 1, before: before, after: after)
        let added = try #require(after.entries["extremkz-2014-02-06.en"])
        #expect(added["Of"] == "extremkz-2014-02-06" && added.lang == "en" && added["Status"] == "draft")
        #expect(added.text == "Today the bloggers were called to the mayor again." && added["By"] == "tester")
        #expect(harness.expectSuccess("import xliff \(xliff)").hasPrefix("nothing new, 9 already present"))
    }

    @Test("the hostile case's texts, control characters as <cp>, survive export and import unchanged")
    func hostileTexts() throws {
        let exported = try TranslationRoundTrip.expectUnchanged("xliff", options: "--to en")
        #expect(exported.contains("<cp hex=\"001B\"/>"))
    }

    @Test("XLIFF 1.2, a missing srcLang, an unknown state, a <unit> without a segment: refused, located", arguments: [
        ("v12", "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file/></xliff>", "v12.xlf:1:1:", "XLIFF 1.2 is not read"),
        ("nosrc", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"/>", "nosrc.xlf:1:1:", "no srcLang"),
        ("state", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"ru\" trgLang=\"en\"><file id=\"f\">\n  <unit id=\"u\"><segment state=\"done\"><source>a</source><target>b</target></segment></unit></file></xliff>", "state.xlf:2:3:", "'done' is not an XLIFF 2 segment state"),
        ("empty", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"ru\"><file id=\"f\"><unit id=\"u\"/></file></xliff>", "empty.xlf:1:", "without a <segment>"),
        ("entity", "<!DOCTYPE xliff [<!ENTITY a \"b\">]><xliff/>", "entity.xlf:1:17:", "internal subset"),
    ])
    func hostile(name: String, text: String, location: String, message: String) throws {
        try TranslationRoundTrip.expectRefused("xliff", file: name + ".xlf", text: text, location: location, message: message)
    }
}
