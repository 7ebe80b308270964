import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Temporary files and rescue drafts are private: a per-user 0700 folder, 0600 files of
/// unpredictable names, drafts kept per case and Id where nobody else can plant one.
@Suite(.serialized) struct PrivateFileTests {
    func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test func theTemporaryFolderIsOursAndPrivate() throws {
        let folder = try TemporaryFolder()
        let environment = ["TMPDIR": folder.path]
        let first = try PrivateFiles.temporaryFolder(environment: environment)
        #expect(first == folder.path + "/casefile-\(geteuid())")
        #expect(mode(first) == 0o700)
        let one = try PrivateFiles.createTemporary(in: first, prefix: "edit-", suffix: ".rec", bytes: Array("x".utf8))
        let two = try PrivateFiles.createTemporary(in: first, prefix: "edit-", suffix: ".rec", bytes: Array("y".utf8))
        #expect(one != two)
        #expect(one.hasSuffix(".rec") && mode(one) == 0o600)
        // A folder planted in its place as a link, or owned by someone else, is refused.
        try FileManager.default.removeItem(atPath: first)
        try FileManager.default.createSymbolicLink(atPath: first, withDestinationPath: folder.path)
        #expect(throws: StorageError.self) { try PrivateFiles.temporaryFolder(environment: environment) }
        try FileManager.default.removeItem(atPath: first)
        if getuid() == 0 {
            mkdir(first, 0o777)
            chown(first, 65534, 65534)
            #expect(throws: StorageError.self) { try PrivateFiles.temporaryFolder(environment: environment) }
        }
    }

    @Test func aRejectedDraftIsKeptPrivatelyPerCaseAndIdAndAPlantedOneIsIgnored() throws {
        let folder = try TemporaryFolder()
        // The old shared, predictable name: a planted draft there must never be applied.
        let planted = NSTemporaryDirectory() + "casefile-edit-aitelenov.rec"
        try "%rec: Person\n\nId: aitelenov\nName: Planted\n".write(toFile: planted, atomically: false, encoding: .utf8)
        defer { unlink(planted) }
        var settings = FaultCase.settings
        settings.stateFolder = folder.file("state")
        let notebook = Notebook(output: BufferOutput(), settings: settings)
        notebook.journaling = false
        try notebook.open(path: folder.file("case.rec"))
        #expect(notebook.runScript("add person \"Nurali Aitelenov\"", name: "t").errors.isEmpty)
        var shown: [String] = []
        final class Editor: TextEditing {
            var replies: [(String) -> String]
            var shown: (String) -> Void
            init(_ replies: [(String) -> String], shown: @escaping (String) -> Void) {
                self.replies = replies
                self.shown = shown
            }
            func edit(_ text: String, suffix: String) -> Result<String, EditingError> {
                shown(text)
                guard !replies.isEmpty else { return .failure(EditingError("no more replies")) }
                return .success(replies.removeFirst()(text))
            }
        }
        notebook.editor = Editor([{ $0.replacingOccurrences(of: "Id: aitelenov", with: "Id: nurali") }, { $0 }, { $0 }, { $0 }], shown: { shown.append($0) })
        #expect(!shown.contains { $0.contains("Planted") })
        let failed = notebook.runScript("edit aitelenov", name: "t")
        #expect(failed.errors.first?.contains("what you typed is kept") == true, "\(failed.errors)")
        #expect(shown.first?.contains("Planted") == false)
        let drafts = folder.file("state/drafts")
        #expect(mode(drafts) == 0o700)
        let kept = try FileManager.default.contentsOfDirectory(atPath: drafts)
        #expect(kept.count == 1 && kept[0].hasSuffix("-aitelenov.rec"), "\(kept)")
        #expect(mode(drafts + "/" + kept[0]) == 0o600)
        _ = notebook.runScript("edit aitelenov", name: "t")
        #expect(shown.last?.contains("Id: nurali") == true, "the kept draft was not offered again")
        #expect(notebook.runScript("edit aitelenov", name: "t").errors.first?.contains("the Id must stay") == true)

        // A draft someone else owns is never read back.
        if getuid() == 0 {
            chown(drafts + "/" + kept[0], 65534, 65534)
            _ = notebook.runScript("edit aitelenov", name: "t")
            #expect(shown.last?.contains("Id: nurali") == false, "another user's draft was applied")
        }
    }

    @Test func theShellsEditorGetsAPrivateFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("kb.rec")
        try Data(CaseWriter.bytes(of: FaultCase.make(entries: 10))).write(to: URL(fileURLWithPath: path))
        let record = folder.file("record")
        let editor = try folder.write("editor.sh", """
            #!/bin/sh
            stat -c '%a' "$1" > \(record)
            stat -c '%a' "$(dirname "$1")" >> \(record)
            echo "$1" >> \(record)
            exit 1
            """)
        chmod(editor, 0o755)
        let runtime = folder.file("run")
        mkdir(runtime, 0o700)
        let environment = ["LANG": "C.UTF-8", "TERM": "xterm", "HOME": folder.path, "PATH": "/usr/bin:/bin",
                           "NO_COLOR": "1", "CASEFILE_NO_CONFIG": "1", "CASEFILE_USER": "tester",
                           "XDG_STATE_HOME": folder.file("state"), "XDG_RUNTIME_DIR": runtime, "EDITOR": editor]
        let terminal = try PseudoTerminal(executable: try BuiltProducts.path(of: "casefile"), arguments: ["--no-pager", path],
                                          environment: environment, columns: 100, rows: 40)
        try terminal.waitFor("kb 10> ")
        try terminal.send("edit p000001\r")
        _ = try terminal.waitFor("kb 10> ")
        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "600")
        #expect(lines.dropFirst().first == "700")
        #expect(lines.last?.hasPrefix(runtime + "/casefile/edit-") == true, "\(lines)")
        #expect(!FileManager.default.fileExists(atPath: lines.last ?? ""), "the temporary file was left behind")
        try terminal.send("quit\r")
        _ = try terminal.waitForExit()
    }
}

/// Ctrl-C stops a script at the next command and takes back what it did.
@Suite struct InterruptedScriptTests {
    @Test func anInterruptedSourceTakesBackWhatTheScriptDid() throws {
        let folder = try TemporaryFolder()
        let script = (0..<2000).map { "add person \"Person \($0)\" id=p\($0)" }.joined(separator: "\n")
        let scriptPath = try folder.write("long.cf", script)
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        notebook.journaling = false
        var polls = 0
        notebook.isInterrupted = {
            polls += 1
            return polls > 500
        }
        let report = notebook.runScript("source \(scriptPath)", name: "shell")
        let error = try #require(report.errors.first)
        #expect(error.contains("interrupted (Ctrl-C)"))
        #expect(error.contains("long.cf:500:"), "\(error)")
        #expect(error.contains("nothing from \(scriptPath) was kept"))
        #expect(notebook.caseFile.entries.isEmpty)
        #expect(!notebook.hasUnsavedChanges)
    }

    @Test func ctrlCInTheShellStopsALongSource() throws {
        let folder = try TemporaryFolder()
        let script = (0..<200_000).map { "add person \"Person \($0)\" id=p\($0)" }.joined(separator: "\n")
        let scriptPath = try folder.write("long.cf", script)
        let environment = ["LANG": "C.UTF-8", "TERM": "xterm", "HOME": folder.path, "PATH": "/usr/bin:/bin",
                           "NO_COLOR": "1", "CASEFILE_NO_CONFIG": "1", "CASEFILE_USER": "tester",
                           "XDG_STATE_HOME": folder.file("state")]
        let terminal = try PseudoTerminal(executable: try BuiltProducts.path(of: "casefile"),
                                          arguments: ["--no-pager", folder.file("k.rec")],
                                          environment: environment, columns: 200, rows: 40)
        try terminal.waitFor("> ")
        try terminal.send("source \(scriptPath)\r")
        usleep(1_500_000)
        try terminal.send("\u{03}")
        let shown = try terminal.waitFor("was kept)", timeout: 60)
        #expect(shown.contains("interrupted (Ctrl-C)"))
        try terminal.send("list\r")
        let listed = try terminal.waitFor("> ", timeout: 20)
        #expect(!listed.contains("Person 1"))
        terminal.signal(SIGKILL)
        _ = try terminal.waitForExit()
    }
}
