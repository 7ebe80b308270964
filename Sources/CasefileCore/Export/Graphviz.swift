import Foundation

/// Graphviz's `dot`, when it is installed: the report asks it to lay out its picture.
enum Graphviz {
    /// The `dot` program on PATH, or nil.
    static var program: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = "\(folder)/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `dot -Tsvg` of `source`: the `<svg>` element alone (no prolog, no comments, its own
    /// ids `graph0`, `node1`… made report-reserved `_dot-graph0`, so no entry's anchor can
    /// clash with them) and the version of Graphviz that drew it, or nil when dot is
    /// missing or fails. Text in dot's SVG has its quotes escaped: ` id="` is only markup.
    static func svg(_ source: String) -> (svg: String, version: String)? {
        guard let program else { return nil }
        guard let output = run(program, ["-Tsvg"], input: Array(source.utf8), keepErrors: false), output.status == 0 else { return nil }
        let text = String(decoding: output.stdout, as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text.range(of: "</svg>", options: .backwards) else { return nil }
        var svg = String(text[start.lowerBound..<end.upperBound])
        while let open = svg.range(of: "<!--") {
            guard let close = svg.range(of: "-->", range: open.upperBound..<svg.endIndex) else { break }
            svg.removeSubrange(open.lowerBound..<close.upperBound)
        }
        svg = svg.replacingOccurrences(of: " id=\"", with: " id=\"" + HTMLWriter.reservedAnchor("dot-"))
        let version = run(program, ["-V"], input: [], keepErrors: true)
            .map { String(decoding: $0.stderr, as: UTF8.self) }
            .flatMap { line in line.range(of: "version ").map { String(line[$0.upperBound...].prefix { $0 != " " && $0 != "\n" }) } }
        return (svg, version ?? "")
    }

    /// Runs `program` with `input` on standard input; its output and status.
    private static func run(_ program: String, _ arguments: [String], input: [UInt8], keepErrors: Bool) -> (stdout: [UInt8], stderr: [UInt8], status: Int32)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        // Only `-V` writes what is wanted to standard error; elsewhere a full pipe could stall dot.
        if keepErrors { process.standardError = stderr } else { process.standardError = FileHandle.nullDevice }
        do { try process.run() } catch { return nil }
        // dot reads the whole graph before it writes anything, so the input can be written
        // first and the output read after, without a thread for each.
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = keepErrors ? stderr.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return ([UInt8](output), [UInt8](errors), process.terminationStatus)
    }
}
