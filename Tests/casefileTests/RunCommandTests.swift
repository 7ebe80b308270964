import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// A reproducible environment for replays.
private let fixedEnvironment: [String: String?] = ["SOURCE_DATE_EPOCH": "1764072000", "CASEFILE_USER": "tester"]

@Suite("casefile run")
struct RunCommandTests {
    @Test("a script runs and is saved once at the end, with -m as the session's message")
    func success() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("build.cf", """
            # a comment
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 "Завтра" lang=ru
            """)
        let run = try CasefileProcess.run(["run", folder.file("case.rec"), script, "-m", "first"], environment: fixedEnvironment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "saved \(folder.file("case.rec")), revision 1: +1 person, +1 post\n")
        #expect(run.stderr == "")
        let text = try folder.read("case.rec")
        #expect(text.contains("Message: first\nSummary: +1 person, +1 post\n"))
        #expect(text.contains("Command: add post @extremkz 2014-02-04 \"Завтра\" lang=ru\n"))
    }

    @Test("a replay that unpairs a translation saves it without Of: check, recfix and diff accept it; a later run pairs it")
    func unpairedTranslation() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let build = try folder.write("build.cf", """
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 "Завтра" lang=ru
            translate extremkz-2014-02-04 en "Tomorrow" by=GV
            unpair extremkz-2014-02-04.en
            """)
        let run = try CasefileProcess.run(["run", path, build], environment: fixedEnvironment)
        #expect(run.status == 0, "\(run.stderr)")
        let unpaired = try folder.read("case.rec")
        #expect(unpaired.contains("""
            %rec: Translation
            %key: Id
            %mandatory: Lang Text

            Id: extremkz-2014-02-04.en
            Lang: en
            By: GV
            Status: draft
            Text: Tomorrow

            """))
        #expect(unpaired.contains("Command: unpair extremkz-2014-02-04.en\n"))
        let check = try CasefileProcess.run(["check", path])
        #expect(check.status == 0, "\(check.stderr)")
        if Recutils.recfix != nil {
            #expect(try Recutils.check(path).status == 0)
        }
        let before = try folder.write("before.rec", unpaired)
        let pair = try folder.write("pair.cf", "pair extremkz-2014-02-04.en extremkz-2014-02-04\n")
        let second = try CasefileProcess.run(["run", path, pair], environment: fixedEnvironment)
        #expect(second.stdout == "saved \(path), revision 2: ~1 translation\n")
        #expect(try folder.read("case.rec").contains("Id: extremkz-2014-02-04.en\nOf: extremkz-2014-02-04\nLang: en\n"))
        let diff = try CasefileProcess.run(["diff", before, path])
        #expect(diff.stdout.contains("~ translation extremkz-2014-02-04.en\n  + Of: extremkz-2014-02-04\n"), "\(diff.stdout)")
    }

    @Test("an error stops the replay: SCRIPT:LINE:COL, the line, a caret, a hint; the file is untouched; exit 1")
    func stopsAtError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let first = try CasefileProcess.run(["run", path, "-"], stdin: "add person \"Rinat Kibraev\"\n", environment: fixedEnvironment)
        #expect(first.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let script = try folder.write("bad.cf", """
            add person "Nurali Aitelenov"

            link aitelenov detained-with kibrayev
            add person "Never Reached"
            """)
        let run = try CasefileProcess.run(["run", path, script], environment: fixedEnvironment)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            \(script):3:30: error: no entry 'kibrayev'
             3 | link aitelenov detained-with kibrayev
               |                              ^^^^^^^^
              hint: did you mean 'kibraev'?
            \(path): not saved (the script stopped at an error)

            """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let fresh = try CasefileProcess.run(["run", folder.file("new.rec"), script], environment: fixedEnvironment)
        #expect(fresh.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.file("new.rec")))
    }

    @Test("--keep-going reports every error, saves what succeeded, and exits 1")
    func keepGoing() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("s.cf", """
            add person "Nurali Aitelenov"
            show nobody
            add person "Rinat Kibraev"
            add post aitelenov 2014-13-01 "x"
            tag kibraev detained
            """)
        let run = try CasefileProcess.run(["run", "--keep-going", folder.file("case.rec"), script], environment: fixedEnvironment)
        #expect(run.status == 1)
        #expect(run.stderr == """
            \(script):2:6: error: no entry 'nobody'
             2 | show nobody
               |      ^^^^^^
              hint: list the Ids with: list
            \(script):4:20: error: 2014-13-01: there is no month 13
             4 | add post aitelenov 2014-13-01 "x"
               |                    ^^^^^^^^^^
              hint: months run from 01 to 12: YYYY-MM-DD

            """)
        #expect(run.stdout == "saved \(folder.file("case.rec")), revision 1: +2 person\n")
        let saved = try CaseReader.load(path: folder.file("case.rec")).caseFile
        #expect(saved["kibraev"]?.tags == ["detained"])
    }

    @Test("--dry-run runs everything and saves nothing")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("s.cf", "add person \"A B\"\nadd person \"C D\"\n")
        let run = try CasefileProcess.run(["run", "--dry-run", folder.file("case.rec"), script], environment: fixedEnvironment)
        #expect(run.status == 0)
        #expect(run.stderr == "dry run: 2 changes not saved\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("case.rec")))
    }

    @Test("--echo prints each command before it runs; -v shows what each did and the guesses")
    func echoAndVerbose() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("s.cf", "add person \"A B\" handle=@ab\n\nadd post @ab 2014-02-04 <<END\nПривет, как у вас дела сегодня в Алматы?\nEND\n")
        let echo = try CasefileProcess.run(["run", "--echo", "--dry-run", folder.file("case.rec"), script], environment: fixedEnvironment)
        #expect(echo.stdout == "> add person \"A B\" handle=@ab\n> add post @ab 2014-02-04 <<END\nПривет, как у вас дела сегодня в Алматы?\nEND\n")
        let verbose = try CasefileProcess.run(["run", "-v", folder.file("case.rec"), script], environment: fixedEnvironment)
        #expect(verbose.stdout == """
            added person b: A B
            added post ab-2014-02-04: Привет, как у вас дела сегодня в Алматы?
            saved \(folder.file("case.rec")), revision 1: +1 person, +1 post

            """)
        #expect(verbose.stderr == "ab-2014-02-04: language guessed as ru (if wrong: set ab-2014-02-04 lang=…)\n")
    }

    @Test("a script on standard input: `run FILE -` and `casefile FILE < script`, errors named <stdin>")
    func standardInput() throws {
        let folder = try TemporaryFolder()
        let viaDash = try CasefileProcess.run(["run", folder.file("a.rec"), "-"], stdin: "add person \"A B\"\n",
                                              environment: fixedEnvironment)
        #expect(viaDash.status == 0)
        let viaRedirect = try CasefileProcess.run([folder.file("b.rec")], stdin: "add person \"A B\"\n", environment: fixedEnvironment)
        #expect(viaRedirect.status == 0, "\(viaRedirect.stderr)")
        #expect(try folder.read("a.rec") == folder.read("b.rec"))
        let bad = try CasefileProcess.run([folder.file("c.rec")], stdin: "add person \"A B\"\nshow \"x\n", environment: fixedEnvironment)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("<stdin>:2:6: error: unterminated double quote\n 2 | show \"x\n   |      ^\n  hint: close it with \"\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("c.rec")))
    }

    @Test("exit statuses: 1 for a bad script or case file, 2 for misuse of the command line or a script that cannot be read")
    func exitStatuses() throws {
        let folder = try TemporaryFolder()
        let missing = try CasefileProcess.run(["run", folder.file("case.rec"), folder.file("nope.cf")])
        #expect(missing.status == 2)
        #expect(missing.stderr == "casefile: cannot read script \(folder.file("nope.cf")): No such file or directory\n")
        let latin1 = folder.file("latin1.cf")
        try Data([0x61, 0x64, 0x64, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        let notUTF8 = try CasefileProcess.run(["run", folder.file("case.rec"), latin1])
        #expect(notUTF8.status == 1)
        #expect(notUTF8.stderr.hasPrefix("\(latin1):1:5: error: invalid UTF-8 (byte 0xE9)\n 1 | add \u{FFFD}\n"), "\(notUTF8.stderr)")
        let broken = try folder.write("broken.rec", "%rec: Person\n\nName: no id\n")
        let badCase = try CasefileProcess.run(["run", broken, "-"], stdin: "add person \"A B\"\n")
        #expect(badCase.status == 1)
        #expect(badCase.stderr.contains("\(broken):3:1: error:"))
        #expect(try folder.read("broken.rec") == "%rec: Person\n\nName: no id\n")
        for arguments in [["run"], ["run", "--bogus", folder.file("x.rec")], ["run", folder.file("x.rec"), "-m"]] {
            let misuse = try CasefileProcess.run(arguments)
            #expect(misuse.status == 2, "\(arguments): \(misuse.stderr)")
            #expect(!misuse.stderr.isEmpty)
        }
    }

    @Test("several scripts run in order as one replay; an error in a later one saves nothing; quit! ends it unsaved")
    func severalScripts() throws {
        let folder = try TemporaryFolder()
        let one = try folder.write("1.cf", "add person \"A B\"\n")
        let two = try folder.write("2.cf", "tag b x\ntag nobody y\n")
        let three = try folder.write("3.cf", "tag b z\nquit!\ntag b never\n")
        let four = try folder.write("4.cf", "tag b z\nsave\nquit\ntag b never\n")
        let failing = try CasefileProcess.run(["run", folder.file("case.rec"), one, two], environment: fixedEnvironment)
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("\(two):2:5: error: no entry 'nobody'"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("case.rec")))
        let dropping = try CasefileProcess.run(["run", folder.file("case.rec"), one, three, two], environment: fixedEnvironment)
        #expect(dropping.status == 0, "\(dropping.stderr)")
        #expect(dropping.stderr.contains("not saved (the script ended with quit!)"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("case.rec")))
        let quitting = try CasefileProcess.run(["run", folder.file("case.rec"), one, four, two], environment: fixedEnvironment)
        #expect(quitting.status == 0, "\(quitting.stderr)")
        #expect(try CaseReader.load(path: folder.file("case.rec")).caseFile["b"]?.tags == ["z"])
    }

    @Test("replaying onto an existing case adds a revision and keeps the earlier session")
    func secondRevision() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        _ = try CasefileProcess.run(["run", path, "-"], stdin: "add person \"A B\"\n", environment: fixedEnvironment)
        let again = try CasefileProcess.run(["run", path, "-", "-m", "two"], stdin: "tag b x\n", environment: fixedEnvironment)
        #expect(again.status == 0)
        #expect(again.stdout == "saved \(path), revision 2: ~1 person\n")
        let saved = try CaseReader.load(path: path).caseFile
        #expect(saved.sessions.map(\.revision) == [1, 2])
        let nothing = try CasefileProcess.run(["run", path, "-"], stdin: "show b\n", environment: fixedEnvironment)
        #expect(nothing.status == 0)
        #expect(nothing.stdout.hasPrefix("person b — A B\n"))
        #expect(try CaseReader.load(path: path).caseFile.sessions.count == 2)
    }

    @Test("new at the top of a script builds a new file, but is refused where it would leave an existing one; so is open")
    func newAndOpenInAReplay() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let script = try folder.write("new.cf", "new \"A title\"\nadd person \"A B\"\n")
        let first = try CasefileProcess.run(["run", path, script], environment: fixedEnvironment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try folder.read("case.rec").contains("Title: A title\n"))
        let before = try folder.read("case.rec")
        let again = try CasefileProcess.run(["run", path, script], environment: fixedEnvironment)
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("""
            \(script):1:1: error: \(path) already holds a case, and a replay saves into it
             1 | new "A title"
               | ^^^
              hint: replay into a file that does not exist yet, or take new out of the script

            """))
        let opening = try CasefileProcess.run(["run", path, "-"], stdin: "open other.rec\n", environment: fixedEnvironment)
        #expect(opening.status == 1)
        #expect(opening.stderr.hasPrefix("<stdin>:1:6: error: a replay works on \(path) and saves it at the end; it cannot open another file"))
        #expect(try folder.read("case.rec") == before)
    }
}
