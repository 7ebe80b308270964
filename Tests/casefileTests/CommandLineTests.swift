import CasefileCore
import CasefileTestSupport
import Testing

/// What every swift-argument-parser tool does: --help, --version, exit 2 on misuse.
@Suite("casefile command line")
struct CommandLineTests {
    @Test("--help lists check and fmt and exits 0")
    func help() throws {
        let run = try CasefileBinary.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("check"))
        #expect(run.stdout.contains("fmt"))
        #expect(run.stdout.contains("Exit status: 0 done; 1 the answer is no"))
    }

    @Test("--help fits 80 columns: the usage lines are short, the rest wraps at words")
    func helpFitsTheWidth() throws {
        let run = try CasefileProcess.run(["--help"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let wide = run.stdout.split(separator: "\n").filter { TextWidth.of(String($0)) > 80 }
        #expect(wide.isEmpty, "\(wide)")
        #expect(run.stdout.contains("casefile FILE opens the shell on FILE"))
    }

    @Test("every --help's prose wraps at words, not where the source broke its lines")
    func helpProseIsNotRagged() throws {
        let top = try CasefileProcess.run(["--help"], environment: ["COLUMNS": "80"])
        let listed = top.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let names = listed.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return line.hasPrefix("  ") && !line.hasPrefix("   ") ? words.first.map(String.init) : nil
        }
        #expect(names.count >= 10, "\(names)")
        for name in [""] + names where name != "See" {
            let run = try CasefileProcess.run(name.isEmpty ? ["--help"] : [name, "--help"],
                                              environment: ["COLUMNS": "80"])
            // The prose is everything before USAGE; a line is ragged when the next line's
            // first word would still have fitted on it (the parser fills lines to 79 columns).
            let prose = (run.stdout.components(separatedBy: "USAGE:").first ?? "").split(
                separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (line, next) in zip(prose, prose.dropFirst())
            where !line.isEmpty && !next.isEmpty && !line.hasPrefix(" ") && !next.hasPrefix(" ") && !line.hasSuffix(":") {
                let word = next.split(separator: " ").first.map(String.init) ?? ""
                #expect(TextWidth.of(line) + 1 + TextWidth.of(word) > 79,
                        "casefile \(name) --help breaks early after: \(line)")
            }
        }
    }

    @Test("each subcommand has its own --help", arguments: ["check", "fmt"])
    func subcommandHelp(name: String) throws {
        let run = try CasefileBinary.run([name, "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: casefile \(name)"))
        let viaHelp = try CasefileBinary.run(["help", name])
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stdout == run.stdout)
    }

    @Test("--version prints the version and the file format")
    func version() throws {
        let run = try CasefileBinary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("(file format \(CaseHeader.currentFormat))\n"))
    }

    @Test("misuse exits 2 with a message on stderr", arguments: [
        ["check", "--bogus", "x.rec"], ["check"], ["fmt", "--chek", "x.rec"], ["fmt"], ["--bogus"],
    ])
    func misuse(arguments: [String]) throws {
        let run = try CasefileBinary.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: "), "\(arguments): \(run.stderr)")
        #expect(run.stdout == "")
    }
}
