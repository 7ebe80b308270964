import CasefileTestSupport
import Foundation

/// Starting `lineeditor-demo` on a pseudo-terminal for the end-to-end tests.
enum DemoSession {
    /// The main prompt the demo shows (plain text).
    static let prompt = "demo> "

    /// The demo on a fresh pseudo-terminal, its first prompt already consumed, so the
    /// caller can type at once. `history` is the history file (none when nil).
    static func start(
        history: String? = nil, mode: String? = nil, color: Bool = false,
        columns: UInt16 = 80, home: String = NSTemporaryDirectory(), extra: [String: String] = [:]
    ) throws -> PseudoTerminal {
        var environment = ["LANG": "C.UTF-8", "TERM": "xterm", "HOME": home, "PATH": "/usr/bin:/bin"]
        if let history { environment["LINEEDITOR_DEMO_HISTORY"] = history }
        if let mode { environment["LINEEDITOR_DEMO_MODE"] = mode }
        if color { environment["LINEEDITOR_DEMO_COLOR"] = "1" }
        environment.merge(extra) { _, new in new }
        let terminal = try PseudoTerminal(
            executable: try BuiltProducts.path(of: "lineeditor-demo"), environment: environment, columns: columns)
        try terminal.waitFor(prompt)
        return terminal
    }
}

extension PseudoTerminal {
    /// Types `keys` and Enter, waits for the demo's echo `got: <expected>` and the next
    /// prompt; returns the plain output from the echo up to that prompt.
    @discardableResult
    func enter(_ keys: String, expecting expected: String) throws -> String {
        try send(keys + "\r")
        try waitFor("got: " + expected + "\n")
        return try waitFor(DemoSession.prompt)
    }

    /// Ctrl-D on an empty line: the demo says bye and exits 0.
    func quit() throws -> Termination {
        try send("\u{04}")
        try waitFor("bye")
        return try waitForExit()
    }
}
