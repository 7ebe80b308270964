import Foundation

/// Runs the built `casefile` binary as a user would, for the diff, log and revision
/// commands' tests.
enum ReviewCLI {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// The binary built next to the test bundle (or $CASEFILE_BINARY).
    static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["CASEFILE_BINARY"] { return explicit }
        var folders: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append((exe as NSString).deletingLastPathComponent)
        }
        folders.append((Swift.CommandLine.arguments[0] as NSString).deletingLastPathComponent)
        for folder in folders {
            var current = folder
            for _ in 0..<4 {
                let candidate = current + "/casefile"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                current = (current as NSString).deletingLastPathComponent
            }
        }
        return ".build/debug/casefile"
    }

    /// Runs `casefile ARGS` (or another program) with output captured through files.
    static func run(_ arguments: [String], program: String? = nil, environment: [String: String] = [:],
                    stdin: String? = nil, in folder: String? = nil) throws -> Result {
        let scratch = NSTemporaryDirectory() + "casefile-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outPath = scratch + "/out"
        let errPath = scratch + "/err"
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
              FileManager.default.createFile(atPath: errPath, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: scratch])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program ?? binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        if let stdin {
            let inPath = scratch + "/in"
            try stdin.write(toFile: inPath, atomically: false, encoding: .utf8)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      out: try String(contentsOfFile: outPath, encoding: .utf8),
                      err: try String(contentsOfFile: errPath, encoding: .utf8))
    }

    /// Builds a case from a script with `casefile run`, at a fixed time and author.
    static func build(_ path: String, _ script: String, time: Int = 1_764_072_000, user: String = "amina",
                      message: String? = nil) throws {
        var arguments = ["run", path, "-"]
        if let message { arguments += ["-m", message] }
        let result = try run(arguments, environment: ["SOURCE_DATE_EPOCH": String(time), "CASEFILE_USER": user],
                             stdin: script)
        guard result.status == 0 else { throw CLIFailure(message: result.err) }
    }

    struct CLIFailure: Error { var message: String }
}
