import Foundation

/// The built `casefile` executable, for tests of the command line as users run it.
public enum CasefileBinary {
    /// The path of the `casefile` binary: `$CASEFILE_BINARY` when set, else the one built
    /// next to the running test bundle (`.build/<triple>/debug/casefile`).
    public static var path: String? {
        if let explicit = ProcessInfo.processInfo.environment["CASEFILE_BINARY"] { return explicit }
        var folders: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append((exe as NSString).deletingLastPathComponent)
        }
        folders.append((Swift.CommandLine.arguments[0] as NSString).deletingLastPathComponent)
        folders.append(Bundle.main.bundlePath)
        for folder in folders {
            // The test runner may sit inside `X.xctest/…`; walk up to the build folder.
            var current = folder
            for _ in 0..<4 {
                let candidate = current + "/casefile"
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate) {
                    return candidate
                }
                current = (current as NSString).deletingLastPathComponent
            }
        }
        return nil
    }

    /// Runs `casefile` with `arguments`, extra `environment`, `stdin`, in `directory`.
    /// A run longer than `timeout` seconds is killed (status 137).
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String = "",
                           directory: String? = nil, timeout: Double = 600) throws -> ProcessOutput {
        guard let path else { throw MissingBinary() }
        return try ProcessRunner.run(path, arguments, environment: environment, stdin: stdin, directory: directory,
                                     timeout: timeout)
    }

    /// The binary was not found: build it first (`swift build`).
    public struct MissingBinary: Error, CustomStringConvertible {
        public var description: String {
            "the casefile binary was not found next to the tests; run `swift build` first or set CASEFILE_BINARY"
        }
    }
}
