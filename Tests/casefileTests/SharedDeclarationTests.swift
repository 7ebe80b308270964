import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// `casefile search`, `log` and `diff` take the flags they share with the shell commands of
/// the same name from those commands' declarations: spellings, help, defaults, messages.
@Suite("command line and shell share declarations")
struct SharedDeclarationTests {
    /// The shell's error for `line`, first line only, without the `error: ` prefix.
    private func shellMessage(_ line: String) -> String {
        let session = TranscriptSession()
        let errors = session.notebook.runInteractive(line)
        let first = errors.first?.split(separator: "\n").first.map(String.init) ?? "no error"
        return first.hasPrefix("error: ") ? String(first.dropFirst(7)) : first
    }

    private func lines(_ text: String) -> Int { text.split(separator: "\n").count }

    @Test("a bad --limit or -n gets the same message from the shell and the command line")
    func sameMessages() throws {
        try SearchCommandTests.withCase { file in
            let cli = try CasefileBinary.run(["search", file, "esimov", "--limit", "x"])
            #expect(cli.status == 2)
            let shell = shellMessage("search esimov --limit x")
            #expect(shell == "--limit takes a whole number, 0 or more (not 'x')")
            #expect(cli.stderr.contains(shell), "\(cli.stderr)")
            let log = try CasefileBinary.run(["log", file, "-n", "0"])
            #expect(log.status == 2)
            let shellLog = shellMessage("log -n 0")
            #expect(shellLog == "-n takes a whole number, 1 or more (not '0')")
            #expect(log.stderr.contains(shellLog), "\(log.stderr)")
        }
    }

    @Test("--help shows each shared flag as the shell declares it: spellings, help, default")
    func help() throws {
        let registry = CommandRegistry.standard
        for (name, flagNames) in [("search", ["--limit", "--exact"]), ("log", ["-n", "-v"]), ("diff", ["--stat"])] {
            let command = try #require(registry.command(named: name))
            let result = try CasefileBinary.run([name, "--help"])
            #expect(result.status == 0)
            let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for flagName in flagNames {
                let spec = try #require(command.flags.named(flagName), "\(name) declares no \(flagName)")
                #expect(!spec.help.isEmpty)
                let helpText = spec.help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(text.contains(helpText), "casefile \(name) --help lacks \(flagName)'s help")
                // One-letter spellings are left out of casefile search, whose query takes -word.
                for spelling in spec.names where name != "search" || spelling.hasPrefix("--") {
                    #expect(text.contains(spelling), "casefile \(name) --help lacks \(spelling)")
                }
                if let value = spec.defaultValue { #expect(text.contains("(default \(value))")) }
            }
        }
    }

    @Test("the default --limit is the shell's, and 0 shows every hit in both")
    func defaultLimit() throws {
        let folder = try TemporaryFolder()
        let count = SearchResults.defaultLimit + 5
        var script = "add person \"Ахметжан Есимов\"\n"
        for index in 1...count { script += "add post esimov 2014-02-04 id=p\(index) lang=en \"Esimov spoke, \(index)\"\n" }
        try folder.write("many.cf", script)
        let file = folder.path + "/many.rec"
        let built = try CasefileBinary.run(["run", file, folder.path + "/many.cf"])
        #expect(built.status == 0, "\(built.stderr)")
        let cli = try CasefileBinary.run(["search", file, "esimov"])
        #expect(lines(cli.stdout) == SearchResults.defaultLimit)
        #expect(cli.stderr == "showing \(SearchResults.defaultLimit) of \(count + 1) hits\n")
        let every = try CasefileBinary.run(["search", file, "esimov", "--limit", "0"])
        #expect(lines(every.stdout) == count + 1, "every post and the person")

        let session = TranscriptSession()
        session.setUp(script)
        let shown = session.replay("> search esimov").split(separator: "\n").dropFirst()
        #expect(shown.count == SearchResults.defaultLimit + 1, "the hits and the count line")
        let all = session.replay("> search esimov --limit 0").split(separator: "\n").dropFirst()
        #expect(all.count == count + 2)
    }
}
