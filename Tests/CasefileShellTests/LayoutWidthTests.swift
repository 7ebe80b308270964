import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileShell

/// No line the shell lays out is wider than the terminal: every `show` card, every `list`,
/// the banner and errors from commands longer than a line, at 80, 100 and 120 columns, on
/// the example dossier and on a second case with long Russian and Kazakh texts.
@Suite("Output fits the terminal")
struct LayoutWidthTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let cases = ["Examples/kazakh-bloggers/build.cf", "Examples/zhukov/build.cf"]

    /// A session at `width` with the case `script` builds.
    /// Where the scripts' closing `save` writes, for as long as the tests run.
    static let folder = try? TemporaryFolder()

    static func session(_ script: String, width: Int) throws -> TranscriptSession {
        let folder = try #require(Self.folder)
        let session = TranscriptSession(path: folder.file(UUID().uuidString + ".rec"), width: width)
        let text = try String(contentsOfFile: repository.appendingPathComponent(script).path, encoding: .utf8)
        session.setUp(text)
        return session
    }

    static func overflowing(_ lines: [String], width: Int) -> [String] {
        lines.filter { TextWidth.of($0) > width }
    }

    @Test("show, list and untranslated", arguments: [80, 100, 120])
    func showAndList(width: Int) throws {
        for script in Self.cases {
            let session = try Self.session(script, width: width)
            var commands = ["list", "list person", "list post", "list quote", "list translation", "list source", "list link",
                            "list note", "untranslated", "untranslated ru", "case", "help",
                            "search Жуков", "search lunch", "search kind:post"]
            commands += session.notebook.caseFile.entries.keys.sorted().map { "show \($0)" }
            for command in commands {
                let lines = session.replay("> " + command).split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                let wide = Self.overflowing(lines.map(String.init), width: width)
                #expect(wide.isEmpty, "\(script) at \(width) columns, \(command):\n\(wide.joined(separator: "\n"))")
            }
        }
    }

    @Test("the banner", arguments: [80, 100, 120])
    func banner(width: Int) throws {
        for script in Self.cases {
            let session = try Self.session(script, width: width)
            for path in [nil, "zhukov.rec", "/home/researcher/cases/2019/moscow/yegor-zhukov-final-statement.rec"] {
                let lines = ShellLauncher.greeting(session.notebook, path: path, width: width).split(separator: "\n").map(String.init)
                #expect(Self.overflowing(lines, width: width).isEmpty, "\(lines.joined(separator: "\n"))")
                #expect(lines.last?.hasSuffix("type help for the commands") == true || lines.last?.hasSuffix("names it") == true,
                        "\(lines.joined(separator: "\n"))")
                #expect(!lines.contains { $0.hasSuffix(" fo") || $0.hasPrefix("r the") })
            }
        }
        let empty = Notebook(output: BufferOutput(), settings: Settings(userName: "tester"))
        let lines = ShellLauncher.greeting(empty, path: "lunch.rec", width: width).split(separator: "\n").map(String.init)
        #expect(Self.overflowing(lines, width: width).isEmpty)
    }

    @Test("errors from commands wider than the terminal", arguments: [80, 100, 120])
    func errors(width: Int) throws {
        let session = try Self.session("Examples/zhukov/build.cf", width: width)
        let long = String(repeating: "очень длинный текст заметки ", count: 6)
        let commands = [
            "link zhukov mentions azattyq-2019-12-06 note=\"\(long)\" nobody",
            "annotate nobody \"\(long)\"",
            "add post @ZhukovEgor someday \"\(long)\"",
            "translate zhukov-q1 ru \"\(long)\"",
            "set zhukov role=\"\(long)\" бессмыслица=1",
        ]
        for command in commands {
            let rendered = session.notebook.runInteractive(command)
            #expect(!rendered.isEmpty, "\(command) did not fail")
            for error in rendered {
                let lines = ErrorLayout.fit(error, width: width).split(separator: "\n").map(String.init)
                #expect(Self.overflowing(lines, width: width).isEmpty, "\(lines.joined(separator: "\n"))")
            }
        }
    }
}
