import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite("casefile export")
struct ExportCLITests {
    static let example = repository.appendingPathComponent("Examples/kazakh-bloggers/kazakh-bloggers.rec").path
    static let folder = repository.appendingPathComponent("Examples/kazakh-bloggers").path

    /// The example's exports committed beside it, and the arguments that make each.
    static let committed: [(file: String, arguments: [String])] = [
        ("kazakh-bloggers.html", ["html", "--layout", "dot"]),
        ("kazakh-bloggers.md", ["markdown"]),
        ("kazakh-bloggers.dot", ["dot"]),
        ("kazakh-bloggers.tmx", ["tmx"]),
        ("kazakh-bloggers.xlf", ["xliff"]),
        ("kazakh-bloggers.ftm.json", ["ftm"]),
        ("kazakh-bloggers.json", ["json"]),
    ]

    @Test("the example's committed exports are what casefile export writes now")
    func examplesAreCurrent() throws {
        let hasDot = try ExternalReader.require(ExternalReader.tool("dot") != nil, "Graphviz (dot), for the example report's picture")
        for (file, arguments) in Self.committed {
            if file.hasSuffix(".html") && !hasDot { continue }
            let run = try CasefileProcess.run(["export", Self.example] + arguments)
            #expect(run.status == 0, "\(file): \(run.stderr)")
            let committed = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
            let now = file.hasSuffix(".html") ? Self.withoutPicture(run.stdout) : run.stdout
            let then = file.hasSuffix(".html") ? Self.withoutPicture(committed) : committed
            #expect(now == then, "Examples/kazakh-bloggers/\(file) is out of date: casefile export Examples/kazakh-bloggers/kazakh-bloggers.rec \(arguments.joined(separator: " ")) -o Examples/kazakh-bloggers/\(file)")
        }
        let tables = try TemporaryFolder()
        let run = try CasefileProcess.run(["export", Self.example, "csv", "-o", tables.path])
        #expect(run.status == 0, "\(run.stderr)")
        for kind in CSVExport.kinds {
            let name = CSVExport.fileName(kind)
            #expect(try tables.read(name) == String(contentsOfFile: Self.folder + "/csv/" + name, encoding: .utf8),
                    "Examples/kazakh-bloggers/csv/\(name) is out of date: casefile export Examples/kazakh-bloggers/kazakh-bloggers.rec csv -o Examples/kazakh-bloggers/csv")
        }
    }

    /// The report without its picture and the Graphviz version named under it, which
    /// depend on the Graphviz installed.
    static func withoutPicture(_ html: String) -> String {
        guard let start = html.range(of: "<figure class=\"network\">"), let end = html.range(of: "</figure>") else { return html }
        return String(html[..<start.lowerBound]) + String(html[end.upperBound...])
    }

    @Test("standard output by default; -o writes the file and says what it held")
    func output() throws {
        let folder = try TemporaryFolder()
        let json = try CasefileProcess.run(["export", Self.example, "json", "kind:quote"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{\"schema\":\"casefile-export\",\"version\":1,"))
        #expect(json.stdout.contains("\"query\":\"kind:quote\""))
        let file = folder.file("k.tmx")
        let tmx = try CasefileProcess.run(["export", Self.example, "tmx", "lang:ru", "status:final", "-o", file])
        #expect(tmx.status == 0, "\(tmx.stderr)")
        #expect(tmx.stdout.isEmpty)
        #expect(tmx.stderr.hasPrefix("exported tmx ("))
        #expect(tmx.stderr.contains("7 posts, 1 quote, 8 translations"))
        #expect(try folder.read("k.tmx").components(separatedBy: "<tu ").count - 1 == 8)
        let entries = try CasefileProcess.run(["export", Self.example, "csv", "--kind", "person", "--entries", "@extremkz", "kibraev"])
        #expect(entries.status == 0, "\(entries.stderr)")
        #expect(entries.stdout.hasPrefix("Id,Name,Handle,Alias,Spelling,Role,Url,Source,Tag\r\naitelenov,Nurali Aitelenov,'@extremkz,"))
    }

    @Test("a failed write to standard output is an error, not a silent success")
    func fullDisk() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let binary = try CasefileProcess.binary()
        let run = try ProcessRunner.run("/bin/sh", ["-c", "\"$0\" export \"$1\" json > /dev/full", binary, Self.example])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write to standard output"))
    }

    @Test("misuse and bad targets: clear errors, nothing written over")
    func refusals() throws {
        let folder = try TemporaryFolder()
        let unknown = try CasefileProcess.run(["export", Self.example, "pdf"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown format 'pdf'"))
        let csv = try CasefileProcess.run(["export", Self.example, "csv"])
        #expect(csv.status == 2)
        #expect(csv.stderr.contains("give a folder with -o"))
        let query = try CasefileProcess.run(["export", Self.example, "html", "colour:red"])
        #expect(query.status == 2)
        #expect(query.stderr.contains("unknown filter 'colour:'"))
        #expect(query.stderr.contains("^^^^^^^"))
        let entry = try CasefileProcess.run(["export", Self.example, "html", "--entries", "nobody"])
        #expect(entry.status == 2)
        #expect(entry.stderr.contains("no entry 'nobody'"))
        let victim = try folder.write("victim.txt", "keep me")
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.html"), withDestinationPath: victim)
        let link = try CasefileProcess.run(["export", Self.example, "html", "-o", folder.file("link.html")])
        #expect(link.status == 1)
        #expect(link.stderr.contains("it is a symbolic link"))
        #expect(try folder.read("victim.txt") == "keep me")
        let missing = try CasefileProcess.run(["export", folder.file("absent.rec"), "json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("absent.rec"))
        let device = try CasefileProcess.run(["export", Self.example, "json", "-o", "/dev/null"])
        #expect(device.status == 1)
        #expect(device.stderr.contains("not a regular file"))
    }
}
