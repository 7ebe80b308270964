@testable import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Export: markdown")
struct MarkdownReportTests {
    @Test("text from the case stays text: no markup, links, HTML or table breaks")
    func escaping() {
        #expect(MarkdownReport.escaped("*bold* [x](javascript:alert(1)) <script>") == "\\*bold\\* \\[x\\](javascript:alert(1)) &lt;script&gt;")
        #expect(MarkdownReport.escaped("# not a heading\n- not a list") == "\\# not a heading\n\\- not a list")
        #expect(MarkdownReport.escaped("IT-len-off") == "IT-len-off")
        #expect(MarkdownReport.cell("a | b\nc") == "a \\| b<br>c")
    }

    @Test("the report has every section, and pairs side by side in tables")
    func sections() throws {
        let stream = ExportStream()
        MarkdownReport.write(ExportSet(wholeCase: try ExportFixtures.example()), to: stream)
        let text = stream.text
        for heading in ["# Kazakh bloggers", "## Summary", "## People", "## Timeline", "## Notes", "## Sources"] {
            #expect(text.contains(heading))
        }
        #expect(text.contains("| Original (ru) | Translation (en, Global Voices, final) |\n|---|---|\n| Завтра у #Есимов‘а на ланче… #Алматы"))
        #expect(text.contains("<a id=\"aitelenov\"></a>Nurali Aitelenov"))
    }

    @Test("the hostile case's report holds no raw HTML from the case")
    func hostile() throws {
        let stream = ExportStream()
        MarkdownReport.write(ExportSet(wholeCase: try ExportFixtures.hostile()), to: stream)
        #expect(!stream.text.contains("<script"))
        #expect(!stream.text.contains("<img"))
        #expect(!stream.text.contains("<h1>"))
        #expect(stream.text.contains("&lt;script&gt;"))
    }
}
