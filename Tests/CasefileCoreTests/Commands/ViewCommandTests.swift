import CasefileCore
import CasefileTestSupport
import Testing

@Suite("show, list, help")
struct ViewCommandTests {
    @Test("show puts an original beside its translation, wrapped to the width")
    func showSideBySide() {
        let session = Fixture.session(width: 60)
        session.setUp(#"set extremkz-2014-02-04 text="Завтра у #Есимов‘а на ланче… #Алматы #KAZ #аким #ЕсимовЖГИ и много других слов""#)
        session.check("""
            > show extremkz-2014-02-04
            post extremkz-2014-02-04
              Author    aitelenov (Nurali Aitelenov)
              Date      2014-02-04
              Platform  twitter
              Lang      ru

              ru · original               │ en · (Global Voices, final)
              ─────────────               │ ───────────────────────────
              Завтра у #Есимов‘а на       │ Tomorrow at #Esimov's lunch…
              ланче… #Алматы #KAZ #аким   │
              #ЕсимовЖГИ и много других   │
              слов                        │
            """)
    }

    @Test("show lists at most 20 links and 20 references, in order, and counts the rest")
    func showHub() {
        let session = TranscriptSession()
        var script = "add person \"Hub\" id=hub handle=@hub\n"
        for index in (1...25).reversed() { script += "add person \"P\" id=p\(index < 10 ? "0" : "")\(index)\nlink p\(index < 10 ? "0" : "")\(index) mentions hub\n" }
        for index in 1...22 { script += "add post @hub 2014-02-\(index < 10 ? "0" : "")\(index) \"x\" lang=en\n" }
        session.setUp(script)
        session.notebook.runInteractive("show hub")
        let lines = session.output.take()
        let links = lines.drop { $0 != "Links" }.dropFirst().prefix { !$0.isEmpty }
        #expect(links.count == 21)
        #expect(links.first == "  mentioned-by   p01 (P)")
        #expect(links.dropLast().last == "  mentioned-by   p20 (P)")
        #expect(links.last == "  … and 5 more")
        let referrers = lines.drop { $0 != "Referred to by" }.dropFirst().prefix { !$0.isEmpty }
        #expect(referrers.count == 21)
        #expect(referrers.first == "  hub-2014-02-01 (post: x) — as Author")
        #expect(referrers.last == "  … and 2 more")
    }

    @Test("show makes control characters in case text visible")
    func showControlCharacters() {
        let session = Fixture.session()
        session.notebook.runInteractive("set kibraev role=\"x\u{1B}[2Jy\"")
        _ = session.output.take()
        session.check("""
            > show kibraev
            person kibraev — Rinat Kibraev
              Role      x^[[2Jy
              Tag       detained

            Links
              detained-with  aitelenov (Nurali Aitelenov)
            """)
    }

    @Test("show names a missing entry and suggests a close Id")
    func showErrors() {
        Fixture.session().check("""
            > show kibrayev
            error: no entry 'kibrayev'
             1 | show kibrayev
               |      ^^^^^^^^
              hint: did you mean 'kibraev'?
            > show
            error: show needs ID
             1 | show
               |     ^
              hint: usage: show ID
            > show a b
            error: unexpected 'b'
             1 | show a b
               |        ^
              hint: usage: show ID
            """)
    }

    @Test("list: every entry, one kind, field filters, links and notes")
    func list() {
        let session = Fixture.session()
        session.setUp(#"annotate kibraev "second""#)
        session.check("""
            > list
            person       aitelenov               Nurali Aitelenov   @extremkz  [detained]
            person       esimov                  Akhmetzhan Esimov
            person       kibraev                 Rinat Kibraev  [detained]
            post         extremkz-2014-02-04     2014-02-04  aitelenov  ru  Завтра у…
            post         extremkz-2014-02-05     2014-02-05  aitelenov  kk  Қазақстан
            translation  extremkz-2014-02-04.en  of extremkz-2014-02-04  en  final  Tomorro…
            source       gv                      2014-02-08  Some Kazakh Bloggers Dine With…
            7 entries
            > list people tag=detained
            person       aitelenov  Nurali Aitelenov  @extremkz  [detained]
            person       kibraev    Rinat Kibraev  [detained]
            2 entries
            > ls post LANG=kk
            post         extremkz-2014-02-05  2014-02-05  aitelenov  kk  Қазақстан
            1 entry
            > list post author=nobody
            0 entries
            > list links
            link         aitelenov detained-with kibraev
            1 link
            > list note
            note         kibraev  2025-11-25T12:00:00Z  tester  second
            1 note
            > list bogus
            error: 'bogus' is not a kind
             1 | list bogus
               |      ^^^^^
              hint: kinds: person, post, quote, translation, source, evidence, link, note, session
            > list pots
            error: 'pots' is not a kind
             1 | list pots
               |      ^^^^
              hint: did you mean 'post'?
            > list post lang=ru extra
            error: unexpected 'extra'
             1 | list post lang=ru extra
               |                   ^^^^^
              hint: usage: list [KIND] [FIELD=VALUE]… [FIELD!=VALUE]… [tag=T]
            """)
    }

    @Test("help lists every command of the registry under its group, with its summary")
    func helpOverview() {
        // Wide enough for every summary on its line; at 80 columns they wrap under their column.
        let session = TranscriptSession(width: 200)
        session.notebook.runInteractive("help")
        let lines = session.output.take()
        let narrow = TranscriptSession(width: 80)
        narrow.notebook.runInteractive("help")
        #expect(!narrow.output.take().contains { TextWidth.of($0) > 80 })
        for command in CommandRegistry.standard.commands {
            #expect(lines.contains { $0.hasPrefix("  " + command.name + " ") && $0.hasSuffix(command.summary) }, "\(command.name)")
        }
        for group in CommandGroup.allCases { #expect(lines.contains(group.rawValue)) }
        #expect(lines.first == "Adding entries")
        #expect(lines.last == "Type help COMMAND for its usage and an example. Ids may be given as @handles or unambiguous prefixes.")
    }

    @Test("help CMD gives usage, explanation, aliases and an example; misspelt names get a suggestion")
    func helpCommand() {
        assertTranscript("""
            > help rm
            usage: rm ID [--cascade]

            Removes ID. While other entries, links or notes refer to it, rm refuses and
            lists them. With --cascade its links and notes go too; entries that refer to it
            (posts by a person, translations of a post) must be removed or changed first.

            also: remove

            example:
              rm extremkz-2014-02-05-2 --cascade
            > help add
              add person NAME [id=ID] [handle=@x]… [alias=NAME]… [role=ROLE] [tag=T]… [url=URL] [source=ID]
              add post AUTHOR DATE TEXT [id=ID] [lang=LANG] [platform=P] [url=URL] [tag=T]… [source=ID]
              add quote SPEAKER TEXT [from=POST] [date=DATE] [url=URL] [lang=LANG] [id=ID] [tag=T]… [source=ID]
              add source TITLE [url=URL] [published=DATE] [retrieved=DATE] [id=ID] [tag=T]…
            type help add person for details
            > ? unpair
            usage: unpair TRANSLATION

            Separates TRANSLATION from its original (removes its Of field). The translation
            stays in the case, unpaired, until `pair TRANSLATION ORIGINAL` pairs it again.
            Use it for a translation filed under the wrong original, or to free an original
            you are about to remove. `list translation` and `untranslated` show unpaired
            translations.

            example:
              unpair extremkz-2014-02-05.en
            > help lnk
            error: no command 'lnk'
             1 | help lnk
               |      ^^^
              hint: did you mean 'link'?
            > help nothing at all
            error: no command 'nothing at all'
             1 | help nothing at all
               |      ^^^^^^^
              hint: type help for the list
            """)
    }

    @Test("every command's help example is well formed: it names the command and its words parse")
    func examplesParse() throws {
        for command in CommandRegistry.standard.commands {
            let lexed = Lexer.lex(command.example)
            #expect(lexed.errors.isEmpty, "\(command.name): \(lexed.errors)")
            let line = try #require(lexed.commands.first, "\(command.name) has no example")
            let resolved = try CommandRegistry.standard.resolve(line)
            #expect(resolved.command.name == command.name)
            #expect(throws: Never.self, "\(command.name): \(command.example)") {
                _ = try Invocation(line: line, nameCount: resolved.nameCount, command: resolved.command)
            }
            #expect(command.usage.hasPrefix(command.name), "\(command.name): \(command.usage)")
        }
    }

    @Test("the registry has no name or alias twice")
    func uniqueNames() {
        let names = CommandRegistry.standard.allNames
        #expect(Set(names).count == names.count)
    }
}
