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
