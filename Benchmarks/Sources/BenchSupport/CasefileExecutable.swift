import Foundation

extension Bench {
    /// The root of the casefile package (the folder above `Benchmarks/`).
    public static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The release `casefile` executable, brought up to date first (`swift build -c release
    /// --product casefile` in the package root: a few seconds when nothing changed), so a
    /// benchmark never times a stale binary. `CASEFILE_BIN` names another one instead.
    public static func casefileExecutable() throws -> String {
        if let given = ProcessInfo.processInfo.environment["CASEFILE_BIN"], !given.isEmpty { return given }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "-c", "release", "--product", "casefile", "--package-path", packageRoot]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let path = packageRoot + "/.build/release/casefile"
        guard process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchFailure("could not build \(path): run `swift build -c release --product casefile` in \(packageRoot)")
        }
        return path
    }
}

/// A benchmark that cannot run (a missing program, a failed step), with what to do.
public struct BenchFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    /// A failure saying `description`.
    public init(_ description: String) { self.description = description }
}
