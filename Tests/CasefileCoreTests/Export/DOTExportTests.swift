import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// The link graph, drawn by Graphviz's own `dot`.
@Suite("Export: dot, drawn by Graphviz")
struct DOTExportTests {
    @Test("dot -Tsvg accepts the export, quotes, backslashes, Cyrillic and emoji included", arguments: ["example", "hostile"])
    func drawn(which: String) throws {
        guard try ExternalReader.require(ExternalReader.tool("dot") != nil, "Graphviz (dot)"), let dot = ExternalReader.tool("dot") else { return }
        let caseFile = which == "example" ? try ExportFixtures.example() : try ExportFixtures.hostile()
        let set = ExportSet(wholeCase: caseFile)
        let stream = ExportStream()
        DOTExport.write(set, to: stream)
        let output = try ProcessRunner.run(dot, ["-Tsvg"], stdin: stream.text)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stderr.lowercased().contains("error"), "\(output.stderr)")
        let graph = NetworkGraph(set)
        // Every node is drawn, and its link to the report is there.
        #expect(output.stdout.components(separatedBy: "class=\"node\"").count - 1 == graph.nodes.count)
        #expect(output.stdout.components(separatedBy: "class=\"edge\"").count - 1 == graph.edges.count)
        if which == "example" {
            #expect(output.stdout.contains("xlink:href=\"#aitelenov\""))
            #expect(graph.nodes.count == 22 && graph.edges.count == 25)
        } else {
            #expect(output.stdout.contains("Айгүл"))
            #expect(output.stdout.contains("🙂"))
        }
    }

    @Test("labels and Ids are quoted so no value ends the string or starts an escape")
    func quoting() {
        #expect(DOTExport.quoted("a\"b") == "\"a\\\"b\"")
        #expect(DOTExport.quoted("end\\") == "\"end\\\\\"")
        #expect(DOTExport.quoted("\\N two\nlines") == "\"\\\\N two\\nlines\"")
        #expect(DOTExport.quoted("x\u{1B}[0m") == "\"x^[[0m\"")
    }
}
