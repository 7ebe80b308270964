import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The values of an open case are read from the mapped file when a command needs them. A
/// file truncated or rewritten in place by another program must neither crash casefile
/// (SIGBUS) nor let it show or save bytes that are no longer the case's.
@Suite("A case file rewritten under the mapping")
struct RewrittenUnderMappingTests {
    /// A case of `people` persons with long names: several pages of file.
    static func caseText(people: Int = 300) -> String {
        var text = "%rec: Person\n"
        for index in 0..<people {
            text += "\nId: person\(index)\nName: Person number \(index) with a name long enough to be mapped\n"
        }
        return text
    }

    /// A notebook on a case in its own folder (kept alive with it).
    struct OpenCase {
        let folder: TemporaryFolder
        let path: String
        let notebook: Notebook

        init() throws {
            folder = try TemporaryFolder()
            path = try folder.write("case.rec", RewrittenUnderMappingTests.caseText())
            notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "amina", fixedTime: 1_764_072_000))
            try notebook.open(path: path)
        }
    }

    @Test("reading every value after the file was truncated does not crash, and the load says it is no longer intact")
    func truncatedReadsDoNotCrash() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("case.rec", Self.caseText())
        let result = try CaseReader.load(path: path)
        #expect(result.sourceIsIntact)
        #expect(truncate(path, 0) == 0)
        var read = 0
        for entry in result.caseFile.entries.values {
            for field in entry.fields { read += field.value.utf8.count }
        }
        #expect(read > 0, "the values were read (as zeros past the new end), no SIGBUS")
        #expect(!result.sourceIsIntact)
    }

    @Test("after a truncation, commands that read the case are refused with what to do; quit!, help and reload still run")
    func truncatedIsRefused() throws {
        let opened = try OpenCase()
        let (notebook, path) = (opened.notebook, opened.path)
        #expect(notebook.runInteractive("show person1").isEmpty)
        #expect(notebook.runInteractive("tag person2 checked").isEmpty)
        #expect(truncate(path, 0) == 0)
        let refused = notebook.runInteractive("show person1")
        #expect(refused.count == 1 && refused[0].contains("rewritten in place by another program"), "\(refused)")
        #expect(refused.first?.contains("reload") == true)
        let save = notebook.runInteractive("save --force")
        #expect(save.first?.contains("rewritten in place") == true, "even --force cannot save what is gone: \(save)")
        #expect(notebook.runInteractive("help show").isEmpty)
        // reload reads the file as it is now (empty) and runs the unsaved command again.
        let reloaded = notebook.runInteractive("reload")
        #expect(!reloaded.contains { $0.contains("rewritten in place") }, "\(reloaded)")
        #expect(notebook.runInteractive("show person1").first?.contains("rewritten in place") != true)
    }

    @Test("a rewrite in place of the same size is noticed too")
    func sameSizeRewrite() throws {
        let opened = try OpenCase()
        let (notebook, path) = (opened.notebook, opened.path)
        let original = try #require(FileManager.default.contents(atPath: path))
        usleep(50_000)  // the modification time must be able to change
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(original.map { $0 == UInt8(ascii: "P") ? UInt8(ascii: "Q") : $0 }))
        try handle.close()
        #expect(notebook.runInteractive("show person1").first?.contains("rewritten in place") == true)
    }

    @Test("casefile's own save replaces the file by another: the session goes on reading the old one's values")
    func ownSaveKeepsTheMapping() throws {
        let opened = try OpenCase()
        let (notebook, path) = (opened.notebook, opened.path)
        #expect(notebook.runInteractive("tag person1 checked").isEmpty)
        #expect(notebook.runInteractive("save").isEmpty)
        #expect(notebook.runInteractive("show person250").isEmpty)
        #expect(notebook.runInteractive("tag person250 checked").isEmpty)
        #expect(notebook.runInteractive("save").isEmpty)
        let saved = try CaseReader.load(path: path).caseFile
        #expect(saved["person250"]?.name == "Person number 250 with a name long enough to be mapped")
        #expect(saved["person250"]?.tags == ["checked"])
    }
}
