import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

@Suite("import twarc")
struct TwarcImportTests {
    static let fixtures = [
        "cotweet.jsonl", "edited.jsonl", "edited_after.jsonl", "edited_before.jsonl", "flat.jsonl", "geo_tweets.jsonl",
        "many_urls.jsonl", "media_tweet.jsonl", "mentions_tweet.jsonl", "noflat.jsonl", "quoted_edit.jsonl",
        "streaming_output_with_error.jsonl", "two_tweets.jsonl", "users.jsonl", "verified_type.jsonl", "withheld.jsonl",
    ]

    @Test("every twarc fixture imports, or is refused naming its line; the saved case passes check and recfix")
    func everyFixture() throws {
        guard let folder = try SharedFixtures.path("fixtures/twarc") else { return }
        let present = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(present == Self.fixtures.sorted(), "the fixture folder changed: review this test")
        for name in present {
            let harness = try ImportHarness()
            let result = harness.run("import twarc \(folder)/\(name)")
            if name == "streaming_output_with_error.jsonl" {
                #expect(result.errors.count == 1)
                #expect(result.errors.first?.contains("\(name):8:45: error: invalid JSON") == true, "\(result.errors)")
                #expect(result.errors.first?.contains("nothing was imported") == true)
                #expect(harness.notebook.caseFile.count == 0)
                harness.expectSuccess("import twarc \(folder)/\(name) --keep-going")
                #expect(harness.entries(.post).count == 11)
            } else {
                #expect(result.errors.isEmpty, "\(name): \(result.errors)")
            }
            let text = try harness.save()
            let loaded = try CaseReader.load(path: harness.path, validate: true)
            // Warnings (people sharing a name) are the researcher's to weigh; but no real
            // account's CamelCase handle (@NoticiasDeIsrael, @LostInStereoLiz) is a look-alike.
            #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(name): \(loaded.diagnostics)")
            #expect(!loaded.diagnostics.contains { $0.message.contains("look-alike") }, "\(name): \(loaded.diagnostics)")
            #expect(text.contains("Format: twarc"), "\(name)")
            if Recutils.isAvailable {
                let check = try Recutils.check(harness.path)
                #expect(check.status == 0, "\(name): \(check.stderr)")
            }
        }
    }

    @Test("a raw page makes people by account, posts with time, lang, URL and post id, links, and a source with the SHA-256")
    func rawPage() throws {
        guard let file = try ImportHarness.twarc("quoted_edit.jsonl") else { return }
        let harness = try ImportHarness()
        let printed = harness.expectSuccess("import twarc \(file)")
        #expect(printed.contains("+2 person, +2 post, +1 source, +3 link"), "\(printed)")
        let post = try #require(harness.entries(.post).first { $0["PostId"] == "twitter:1576995594388000768" })
        #expect(post["Date"] == "2022-10-03T18:00:23Z")
        #expect(post["Lang"] == "en")
        #expect(post["Platform"] == "twitter")
        #expect(post["Url"] == "https://twitter.com/dappdavid99/status/1576995594388000768")
        let author = try #require(harness.notebook.caseFile.entries[post["Author"] ?? ""])
        #expect(author["AccountId"] == "twitter:1494167419413094401")
        let links = harness.notebook.caseFile.links.keys.filter { $0.from == post.id }.map(\.rel).sorted()
        #expect(links == ["mentions", "quotes", "replies-to"])
        // The quoted tweet is in the page's includes in two versions (it was edited): one post, the newer text.
        let quoted = try #require(harness.entries(.post).first { $0.id != post.id })
        #expect(quoted.values("PostId") == ["twitter:1576994746135764992", "twitter:1576994789110992896"])
        #expect(quoted.text == "hey :) https://t.co/rnwEIoNuqd")
        let source = try #require(harness.entries(.source).first)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(source["Sha256"] == SHA256Digest.sha256(bytes))
        #expect(source["Tool"] == "twarc 2.12.0")
        #expect(source["Retrieved"] == "2022-10-03")
    }

    @Test("re-importing changes nothing; an overlapping file adds only its new posts; an edit updates its post")
    func idempotentAndOverlapping() throws {
        guard let before = try ImportHarness.twarc("edited_before.jsonl"),
              let after = try ImportHarness.twarc("edited_after.jsonl"),
              let flat = try ImportHarness.twarc("flat.jsonl") else { return }
        let harness = try ImportHarness()
        harness.expectSuccess("import twarc \(flat)")
        let first = harness.notebook.caseFile.count
        let again = harness.expectSuccess("import twarc \(flat)")
        #expect(again.hasPrefix("nothing new, "), "\(again)")
        #expect(harness.notebook.caseFile.count == first)
        // Two overlapping halves of the same search give the posts of the whole, each once.
        let lines = try String(contentsOfFile: flat, encoding: .utf8).split(separator: "\n").map(String.init)
        let halves = try ImportHarness()
        let early = try halves.folder.write("early.jsonl", lines[0..<60].joined(separator: "\n") + "\n")
        let late = try halves.folder.write("late.jsonl", lines[40...].joined(separator: "\n") + "\n")
        halves.expectSuccess("import twarc \(early)")
        let postsOfEarly = halves.entries(.post).count
        let overlapping = halves.expectSuccess("import twarc \(late)")
        #expect(overlapping.contains("already present"), "\(overlapping)")
        func postIds(_ of: ImportHarness) -> [String] { of.entries(.post).flatMap { $0.values("PostId") }.sorted() }
        #expect(postIds(halves) == postIds(harness))
        #expect(halves.entries(.post).count > postsOfEarly)
        #expect(halves.entries(.person).count == harness.entries(.person).count)
        // edited_before.jsonl holds the first version and, in its includes, the edit: one post, the newer text.
        harness.expectSuccess("import twarc \(before)")
        let post = try #require(harness.entries(.post).first { $0.values("PostId").contains("twitter:1576994746135764992") })
        #expect(post.values("PostId") == ["twitter:1576994746135764992", "twitter:1576994789110992896"])
        #expect(post.text == "hey :) https://t.co/rnwEIoNuqd")
        #expect(harness.expectSuccess("import twarc \(after)").hasPrefix("+1 source, 1 already present"))
        // Versions met one file at a time: the newer updates the post, the older changes nothing.
        func version(_ id: String, _ text: String) -> String {
            #"{"data": [{"id": "\#(id)", "text": "\#(text)", "author_id": "9", "edit_history_tweet_ids": ["500", "\#(id)"]}], "includes": {"users": [{"id": "9", "username": "ed", "name": "Ed"}]}}"#
        }
        let older = try harness.folder.write("v1.jsonl", version("500", "first text") + "\n")
        let second = try harness.folder.write("v2.jsonl", version("600", "second text") + "\n")
        harness.expectSuccess("import twarc \(older)")
        #expect(harness.expectSuccess("import twarc \(second)").contains("~1 post"))
        let edited = try #require(harness.entries(.post).first { $0.values("PostId").contains("twitter:500") })
        #expect(edited.values("PostId") == ["twitter:500", "twitter:600"])
        #expect(edited.text == "second text")
        #expect(edited["Url"] == "https://twitter.com/ed/status/600")
        harness.expectSuccess("import twarc \(older)")
        #expect(harness.notebook.caseFile.entries[edited.id]?.text == "second text")
    }

    @Test("one import is one undo; --dry-run changes nothing; the log holds one line per file, which replays")
    func undoDryRunAndLog() throws {
        guard let flat = try ImportHarness.twarc("flat.jsonl"), let two = try ImportHarness.twarc("two_tweets.jsonl") else { return }
        let harness = try ImportHarness()
        let dry = harness.expectSuccess("import auto \(flat) --dry-run")
        #expect(dry.hasPrefix("dry run: +153 person, +164 post, +1 source, +184 link"), "\(dry)")
        #expect(harness.notebook.caseFile.count == 0 && !harness.notebook.hasUnsavedChanges)
        harness.expectSuccess("import twarc \(flat) \(two)")
        #expect(harness.notebook.sessionLog.count == 2)
        #expect(harness.notebook.sessionLog[0].hasPrefix("import twarc \(flat) sha256="))
        harness.expectSuccess("undo")
        #expect(harness.notebook.caseFile.count == 0)
        harness.expectSuccess("redo")
        let saved = try harness.save()
        #expect(saved.components(separatedBy: "\nCommand: ").count == 3, "only the two import lines are logged")
        let loaded = try CaseReader.load(path: harness.path).caseFile
        try RevisionReplay(loaded).verify()
    }

    @Test("a replay refuses an imported file that changed or is gone")
    func replayVerifiesTheFile() throws {
        guard let source = try ImportHarness.twarc("two_tweets.jsonl") else { return }
        let harness = try ImportHarness()
        let copy = harness.folder.file("tweets.jsonl")
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        harness.expectSuccess("import twarc \(copy)")
        _ = try harness.save()
        let loaded = try CaseReader.load(path: harness.path).caseFile
        try RevisionReplay(loaded).verify()
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: copy))
        #expect {
            try RevisionReplay(loaded).verify()
        } throws: { error in
            "\(error)".contains("is not the file that was imported: its SHA-256 is")
        }
        try FileManager.default.removeItem(atPath: copy)
        #expect {
            try RevisionReplay(loaded).verify()
        } throws: { error in
            "\(error)".contains("cannot read \(copy)")
        }
    }

    @Test("bad lines are located; --keep-going imports the rest; untrusted text is kept and shown escaped")
    func badLines() throws {
        let harness = try ImportHarness()
        let good = #"{"id": "1", "text": "hi \u001b[31mred\u202e", "author_id": "7", "created_at": "2020-01-02T03:04:05.000Z", "author": {"id": "7", "username": "someone", "name": "Some One"}}"#
        let file = try harness.folder.write("mixed.jsonl", good + "\n" + #"{"data": [{"id": 5, "text": 12}]}"# + "\n[1,2\n{\"x\": 1}\n")
        let result = harness.run("import twarc \(file)")
        let message = try #require(result.errors.first)
        #expect(message.contains("mixed.jsonl:2:29: error: data[0].text is a number, not a string"), "\(message)")
        #expect(message.contains("mixed.jsonl:3:5: error: invalid JSON: the text ends inside an array (truncated?)"))
        #expect(message.contains("mixed.jsonl:4:1: error: not a twarc record"))
        #expect(harness.notebook.caseFile.count == 0)
        let kept = harness.expectSuccess("import twarc \(file) --keep-going")
        #expect(kept.contains("+1 person, +1 post, +1 source, 3 skipped"), "\(kept)")
        let post = try #require(harness.entries(.post).first)
        #expect(post.text == "hi \u{1b}[31mred\u{202e}")
        #expect(post.id == "someone-2020-01-02")
        let shown = harness.expectSuccess("show \(post.id)")
        #expect(!shown.contains("\u{1b}") && !shown.contains("\u{202e}"))
    }

    @Test("a changed handle is the same person, the old handle kept as an alias; a wrong format is refused")
    func changedHandle() throws {
        let harness = try ImportHarness()
        func line(_ handle: String, _ id: String) -> String {
            #"{"id": "\#(id)", "text": "post \#(id)", "author_id": "42", "created_at": "2021-05-06T07:08:09.000Z", "author": {"id": "42", "username": "\#(handle)", "name": "Ann"}}"#
        }
        let old = try harness.folder.write("old.jsonl", line("ann_old", "100") + "\n")
        let new = try harness.folder.write("new.jsonl", line("ann_new", "200") + "\n")
        harness.expectSuccess("import twarc \(old)")
        let printed = harness.expectSuccess("import twarc \(new)")
        #expect(printed.contains("+1 post, +1 source, ~1 person"), "\(printed)")
        let people = harness.entries(.person)
        #expect(people.count == 1)
        #expect(people.first?.handles == ["@ann_new"])
        #expect(people.first?.values("Alias") == ["@ann_old"])
        let wrong = try harness.folder.write("notes.txt", "just some words\n")
        let refused = harness.run("import twarc \(wrong)")
        #expect(refused.errors.first?.contains("notes.txt:1:1: error: invalid JSON") == true, "\(refused.errors)")
        let unknown = harness.run("import tweets \(wrong)")
        #expect(unknown.errors.first?.contains("'tweets' is not a format import reads") == true)
    }
}
