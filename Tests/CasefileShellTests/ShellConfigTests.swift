import Testing
@testable import CasefileShell

@Suite struct ShellConfigTests {
    @Test func readsEverySetting() {
        var config = ShellConfig()
        config.apply("""
            # mine
            name = Aigerim Seitkali
            editing-mode = vi
            colour = never   # no colour
            pager = off
            history-size = 50
            """, file: "config")
        #expect(config.name == "Aigerim Seitkali")
        #expect(config.editingMode == "vi")
        #expect(config.colour == .never)
        #expect(config.pager == nil)
        #expect(config.historySize == 50)
        #expect(config.problems.isEmpty)
    }

    @Test func reportsBadLinesWithTheirLine() {
        var config = ShellConfig()
        config.apply("name = x\nmode = emax\nnonsense\nfoo = 1\n", file: "cfg")
        #expect(config.problems.count == 3)
        #expect(config.problems[0].hasPrefix("cfg:2:"))
        #expect(config.problems[1].hasPrefix("cfg:3:"))
        #expect(config.problems[2].contains("unknown setting 'foo'"))
        #expect(config.editingMode == "emacs")
    }

    @Test func configPathFollowsXDG() {
        #expect(ShellConfig.path(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/casefile/config")
        #expect(ShellConfig.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/casefile/config")
    }
}
