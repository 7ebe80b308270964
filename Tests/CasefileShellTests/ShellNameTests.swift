import CasefileCore
import CasefileTestSupport
import Foundation
import LineEditor
import Testing
@testable import CasefileShell

/// With no name from anywhere, the first save asks once and can write the name to the config.
@Suite struct ShellNameTests {
    /// Answers from a list: lines for readLine and readAnswer, keys for readKey.
    final class Answers: LineReader {
        var lines: [String]
        var keys: [Character]
        var asked: [String] = []
        init(lines: [String], keys: [Character]) {
            self.lines = lines
            self.keys = keys
        }
        func readLine(prompt: Prompt) -> LineInput {
            lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
        }
        func readAnswer(prompt: Prompt) -> LineInput {
            asked.append(prompt.main)
            return readLine(prompt: prompt)
        }
        func readKey(prompt: String) -> KeyInput {
            asked.append(prompt)
            return keys.isEmpty ? .endOfInput : .key(keys.removeFirst())
        }
    }

    func run(_ reader: Answers, folder: TemporaryFolder, hasName: Bool) -> Notebook {
        var settings = Settings(userName: "unknown", fixedTime: 1_764_072_000)
        settings.hasName = hasName
        let notebook = Notebook(path: folder.file("case.rec"), output: BufferOutput(), settings: settings)
        notebook.journaling = false
        let shell = Shell(notebook: notebook, reader: reader, output: ShellOutput(colour: .never, pager: nil, environment: [:]),
                          history: nil)
        shell.configPath = folder.file("config/casefile/config")
        _ = shell.run()
        return notebook
    }

    @Test func theFirstSaveAsksOnceAndWritesTheConfig() throws {
        let folder = try TemporaryFolder()
        let reader = Answers(lines: [#"add person "Егор Жуков""#, "save", "Aigerim Seitkali", "tag zhukov x", "save"], keys: ["y"])
        let notebook = run(reader, folder: folder, hasName: false)
        #expect(notebook.settings.userName == "Aigerim Seitkali")
        #expect(reader.asked.filter { $0.hasPrefix("Your name") }.count == 1)
        let saved = try String(contentsOfFile: folder.file("case.rec"), encoding: .utf8)
        #expect(saved.contains("By: Aigerim Seitkali"))
        #expect(!saved.contains("By: unknown"))
        let config = try String(contentsOfFile: folder.file("config/casefile/config"), encoding: .utf8)
        #expect(config == "name = Aigerim Seitkali\n")
        var read = ShellConfig()
        read.apply(config, file: "config")
        #expect(read.name == "Aigerim Seitkali")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("config/casefile/config"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func declinedItIsNotAskedAgainAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let reader = Answers(lines: [#"add person "Егор Жуков""#, "save", "", "tag zhukov x", "save"], keys: [])
        let notebook = run(reader, folder: folder, hasName: false)
        #expect(notebook.settings.userName == "unknown")
        #expect(reader.asked.filter { $0.hasPrefix("Your name") }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.file("config/casefile/config")))
    }

    @Test func aKnownNameIsNeverAskedFor() throws {
        let folder = try TemporaryFolder()
        let reader = Answers(lines: [#"add person "Егор Жуков""#, "save"], keys: [])
        _ = run(reader, folder: folder, hasName: true)
        #expect(reader.asked.isEmpty)
    }

    @Test func theConfigIsAppendedToAndASymlinkIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("config", "colour = never")
        try ShellConfig.append(key: "name", value: "Aigerim", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "colour = never\nname = Aigerim\n")
        let link = folder.file("link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: ConfigWriteError.self) { try ShellConfig.append(key: "name", value: "X", to: link) }
        #expect(throws: ConfigWriteError.self) { try ShellConfig.append(key: "name", value: "A # B", to: path) }
    }

    @Test func settingsFallBackToTheLoginName() {
        let fromPasswd = Settings.fromEnvironment([:], loginName: { "researcher" })
        #expect(fromPasswd.userName == "researcher" && fromPasswd.hasName)
        let nothing = Settings.fromEnvironment(["USER": ""], loginName: { nil })
        #expect(nothing.userName == "unknown" && !nothing.hasName)
        let configured = Settings.fromEnvironment(["USER": "root"], configuredName: "Aigerim", loginName: { "x" })
        #expect(configured.userName == "Aigerim")
    }
}
