import Foundation

/// Executables built next to the test binary (`.build/debug/…`).
public enum BuiltProducts {
    /// The path of the executable product `name`, found in the folder of the running test
    /// binary or one of its parents (on macOS the tests are a bundle inside that folder).
    public static func path(of name: String) throws -> String {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: Swift.CommandLine.arguments[0])
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw PseudoTerminalError(
            "\(name) is not built next to the tests (\(executable.path)); run `swift build --build-tests` first")
    }
}
