import CasefileTestSupport
import Foundation

/// The real `casefile` shell on a pseudo-terminal, on a copy of a case in a fresh folder.
final class ShellSession {
    let terminal: PseudoTerminal
    let folder: TemporaryFolder
    let casePath: String

    /// Starts the shell on `caseText` (or the example dossier), waiting for its first prompt.
    init(caseText: String? = nil, name: String = "kb.rec", extra: [String: String] = [:], folder: TemporaryFolder? = nil,
         firstPrompt: String? = nil, pager: Bool = false, rows: UInt16 = 40, columns: UInt16 = 100,
         removing: [String] = []) throws {
        let folder = try folder ?? TemporaryFolder()
        self.folder = folder
        casePath = folder.file(name)
        if !FileManager.default.fileExists(atPath: casePath) {
            let text = try caseText ?? String(contentsOfFile: ShellSession.examplePath, encoding: .utf8)
            try folder.write(name, text)
        }
        var environment = ["LANG": "C.UTF-8", "TERM": "xterm", "HOME": folder.path, "PATH": "/usr/bin:/bin",
                           "NO_COLOR": "1", "CASEFILE_NO_CONFIG": "1", "CASEFILE_USER": "tester",
                           "XDG_STATE_HOME": folder.file("state")]
        environment.merge(extra) { _, new in new }
        for name in removing { environment[name] = nil }
        terminal = try PseudoTerminal(executable: try BuiltProducts.path(of: "casefile"),
                                      arguments: (pager ? [] : ["--no-pager"]) + [casePath], environment: environment,
                                      columns: columns, rows: rows)
        try terminal.waitFor(firstPrompt ?? "kb 31> ")
    }

    /// The example dossier in the repository.
    static var examplePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/kazakh-bloggers/kazakh-bloggers.rec").path
    }

    /// Types `keys` then Enter and waits for `prompt`; returns the output before it.
    @discardableResult
    func enter(_ keys: String, until prompt: String) throws -> String {
        try terminal.send(keys + "\r")
        return try terminal.waitFor(prompt)
    }
}
