import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A reproducible environment for evidence commands.
let evidenceEnvironment: [String: String?] = ["SOURCE_DATE_EPOCH": "1764072000", "CASEFILE_USER": "tester"]

/// A case with a person and a post, saved, in a fresh folder, and three captured files.
struct EvidenceCase {
    let folder: TemporaryFolder
    var path: String { folder.file("case.rec") }
    var store: EvidenceStore { EvidenceStore(casePath: path) }

    init() throws {
        folder = try TemporaryFolder()
        try folder.write("tweet.html", "<!DOCTYPE html><html><body>Завтра у #Есимов‘а на ланче…</body></html>\n")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 300))
            .write(to: URL(fileURLWithPath: folder.file("shot.png")))
        try folder.write("notes.txt", "seen at 13:05\n")
        let built = try run(["run", path, "-"], stdin: """
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 "Завтра у #Есимов‘а на ланче…" lang=ru
            save -m people
            attach extremkz-2014-02-04 \(folder.file("tweet.html")) \(folder.file("shot.png")) captured=2014-02-04T13:05:00Z url=https://twitter.com/extremkz/status/1
            attach extremkz-2014-02-04 \(folder.file("notes.txt")) note="my notes"
            """)
        try #require(built.status == 0, "\(built.stderr)")
    }

    /// Runs casefile in the fixed environment.
    func run(_ arguments: [String], stdin: String = "") throws -> CasefileProcess.Result {
        try CasefileProcess.run(arguments, stdin: stdin, environment: evidenceEnvironment)
    }

    /// The evidence records of the case as saved.
    func records() throws -> [EvidenceRecord] {
        let loaded = try CaseReader.load(path: path).caseFile
        return loaded.evidence(on: "extremkz-2014-02-04")
    }
}

@Suite("attach, verify, check, show")
struct EvidenceCLITests {
    @Test("attach records hash, size, type from the content, name, capture time, who and when, and the URL")
    func attachRecords() throws {
        let evidence = try EvidenceCase()
        let records = try evidence.records()
        try #require(records.count == 3)
        let html = try #require(records.first { $0.name == "tweet.html" })
        #expect(html.id == "extremkz-2014-02-04-e1")
        #expect(html.sha256 == (try EvidenceStore.hashInPlace(evidence.folder.file("tweet.html")).hash))
        #expect(html.mediaType == "text/html" && html.captured == "2014-02-04T13:05:00Z" && html.capturedFrom == "given")
        #expect(html.url == "https://twitter.com/extremkz/status/1" && html.attachedBy == "tester")
        #expect(html.custody.first?.event == "attached tweet.html (copied into the store)")
        let notes = try #require(records.first { $0.name == "notes.txt" })
        #expect(notes.capturedFrom == "file-mtime" && notes.mediaType == "text/plain")
        #expect(records.first { $0.name == "shot.png" }?.mediaType == "image/png")
        #expect(evidence.store.storedHashes().count == 3)
        // recsel reads the records back, and recfix accepts the file.
        if try ExternalReader.require(Recutils.isAvailable, "recutils") {
            let hashes = try Recutils.values(of: "Sha256", type: "Evidence", in: evidence.path).stdout
            #expect(Set(hashes.split(separator: "\n").map(String.init)) == Set(records.map(\.sha256)))
            let custody = try Recutils.values(of: "Custody", type: "Evidence", in: evidence.path).stdout
            #expect(custody.contains("2025-11-25T12:00:00Z; tester; attached tweet.html (copied into the store)\n"))
            let fixed = try Recutils.check(evidence.path)
            #expect(fixed.status == 0, "\(fixed.stderr)")
        }
        #expect(try evidence.run(["check", evidence.path]).status == 0)
    }

    @Test("verify: all ok exits 0; one byte changed, a file deleted, one replaced by a symlink are each named, exit 1")
    func verifyNamesEachProblem() throws {
        let evidence = try EvidenceCase()
        let clean = try evidence.run(["verify", evidence.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.components(separatedBy: "\nok ").count == 3 && clean.stdout.contains("3 ok"), "\(clean.stdout)")
        let records = try evidence.records()
        let (changed, deleted, linked) = (records[0], records[1], records[2])
        let store = evidence.store
        // One byte changed in place (same size: check cannot see it, verify does).
        chmod(store.path(of: changed.sha256), 0o644)
        let handle = try #require(FileHandle(forUpdatingAtPath: store.path(of: changed.sha256)))
        try handle.seek(toOffset: 3)
        try handle.write(contentsOf: [0x21])
        try handle.close()
        unlink(store.path(of: deleted.sha256))
        let copy = evidence.folder.file("copy")
        try FileManager.default.copyItem(atPath: store.path(of: linked.sha256), toPath: copy)
        unlink(store.path(of: linked.sha256))
        symlink(copy, store.path(of: linked.sha256))

        let result = try evidence.run(["verify", evidence.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("CHANGED   \(changed.id)"), "\(result.stdout)")
        #expect(result.stdout.contains("recorded sha256 \(changed.sha256)"))
        #expect(result.stdout.contains("MISSING   \(deleted.id)"))
        #expect(result.stdout.contains("NOT FILE  \(linked.id)") && result.stdout.contains("a symbolic link"))
        #expect(result.stdout.contains("0 ok, 1 changed, 1 missing, 1 not a file"), "\(result.stdout)")
        // Both verifications are in the chain of custody, saved with the case.
        let after = try evidence.records()
        #expect(after[0].custody.map(\.event).contains("verified ok"))
        #expect(after[1].custody.last?.event == "verified: MISSING")
        #expect(after[0].custody.last?.event.hasPrefix("verified: CHANGED, now sha256 ") == true)
        let text = try evidence.folder.read("case.rec")
        #expect(text.contains("Command: custody \"verified: MISSING\" \(deleted.id) at=2025-11-25T12:00:00Z by=tester"))
        // check: the deleted and the linked are errors; hashes are verify's.
        let check = try evidence.run(["check", evidence.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("error: evidence '\(deleted.id)' (\(deleted.name!)) is missing"), "\(check.stderr)")
        #expect(check.stderr.contains("error: evidence '\(linked.id)' (\(linked.name!)) is not a regular file"))
        #expect(!check.stderr.contains(changed.id))
        // --no-record leaves the file as it is.
        let before = try evidence.folder.read("case.rec")
        #expect(try evidence.run(["verify", "--no-record", evidence.path]).status == 1)
        #expect(try evidence.folder.read("case.rec") == before)
    }

    @Test("show lists an entry's evidence with hashes and custody events; the session log replays the records")
    func showAndReplay() throws {
        let evidence = try EvidenceCase()
        #expect(try evidence.run(["verify", evidence.path, "extremkz-2014-02-04"]).status == 0)
        let shown = try evidence.run(["run", evidence.path, "-"], stdin: "show extremkz-2014-02-04\n")
        #expect(shown.status == 0, "\(shown.stderr)")
        let records = try evidence.records()
        #expect(shown.stdout.contains("\nEvidence\n  extremkz-2014-02-04-e1  tweet.html  text/html  "), "\(shown.stdout)")
        for record in records { #expect(shown.stdout.contains("    sha256    \(record.sha256)")) }
        #expect(shown.stdout.contains("    custody   2025-11-25T12:00:00Z  tester  attached tweet.html (copied into the store)"))
        #expect(shown.stdout.contains("              2025-11-25T12:00:00Z  tester  verified ok"))
        #expect(!shown.stdout.contains("Referred to by"))

        // The logged commands, replayed into a new case, give the same records (no files needed).
        let saved = try CaseReader.load(path: evidence.path).caseFile
        let script = saved.sessions.flatMap(\.commands).joined(separator: "\n") + "\n"
        let replayed = evidence.folder.file("replayed.rec")
        let replay = try evidence.run(["run", replayed, "-"], stdin: script)
        #expect(replay.status == 0, "\(replay.stderr)")
        let again = try CaseReader.load(path: replayed).caseFile
        for id in saved.orderedIds(of: .evidence) { #expect(again[id] == saved[id], "\(id)") }
    }

    @Test("detach removes the record and keeps the file; gc prunes only what no revision refers to")
    func detachAndGc() throws {
        let evidence = try EvidenceCase()
        let records = try evidence.records()
        let detached = try evidence.run(["run", evidence.path, "-"], stdin: "detach \(records[2].id)\n")
        #expect(detached.status == 0, "\(detached.stderr)")
        #expect(try evidence.records().count == 2)
        #expect(evidence.store.storedHashes().count == 3, "detach deletes nothing")
        #expect(try evidence.folder.read("case.rec").contains("Command: detach \(records[2].id) by=tester at="))
        // The detached file is still named by a logged attach: an older revision needs it.
        #expect(try evidence.run(["gc", evidence.path, "--yes"]).stdout.contains("nothing to prune"))
        // A file nothing refers to is listed, kept without --yes (no terminal), deleted with it.
        let stray = try evidence.folder.write("stray.txt", "never attached\n")
        let strayHash = try evidence.store.ingest(stray).hash
        let asked = try evidence.run(["gc", evidence.path])
        #expect(asked.status == 1 && asked.stdout.contains(strayHash) && asked.stderr.contains("--yes"))
        #expect(evidence.store.storedHashes().contains(strayHash))
        let pruned = try evidence.run(["gc", evidence.path, "--yes"])
        #expect(pruned.status == 0 && pruned.stdout.contains("deleted 1 file"), "\(pruned.stdout)\(pruned.stderr)")
        #expect(evidence.store.storedHashes().count == 3 && !evidence.store.storedHashes().contains(strayHash))
    }

    @Test("bad input: a folder, a symlink, a missing file are refused, nothing written; the same file twice is stored once")
    func badInput() throws {
        let evidence = try EvidenceCase()
        let folder = evidence.folder
        try FileManager.default.createDirectory(atPath: folder.file("dir"), withIntermediateDirectories: false)
        symlink(folder.file("shot.png"), folder.file("link.png"))
        let before = try folder.read("case.rec")
        for (file, message) in [("dir", "is a folder, not a regular file"), ("link.png", "is a symbolic link (to \(folder.file("shot.png")))"),
                                ("absent.png", "No such file or directory")] {
            let result = try evidence.run(["run", evidence.path, "-"], stdin: "attach extremkz-2014-02-04 \(folder.file(file))\n")
            #expect(result.status == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try folder.read("case.rec") == before)
        #expect(evidence.store.storedHashes().count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: evidence.store.folder).count == 3, "no stray files")
        let twice = try evidence.run(["run", evidence.path, "-", "-v"], stdin: "attach extremkz-2014-02-04 \(folder.file("shot.png"))\n")
        #expect(twice.status == 0 && twice.stdout.contains("already attached"), "\(twice.stdout)")
    }

    @Test("--link hashes a file where it lies: recorded with its path, verified there, bundled into the store")
    func linkInPlace() throws {
        let evidence = try EvidenceCase()
        let video = try evidence.folder.write("press.mp4", "a long video, in short")
        let linked = try evidence.run(["run", evidence.path, "-"], stdin: "attach extremkz-2014-02-04 --link \(video)\nlist evidence\n")
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.stdout.contains("evidence     extremkz-2014-02-04-e4  on extremkz-2014-02-04  press.mp4  text/pl"),
                "\(linked.stdout)")
        let record = try #require(try evidence.records().first { $0.name == "press.mp4" })
        #expect(record.linkedPath == video)
        #expect(!evidence.store.storedHashes().contains(record.sha256), "a linked file is not copied")
        #expect(try evidence.run(["verify", evidence.path]).status == 0)
        let zip = evidence.folder.file("review.zip")
        #expect(try evidence.run(["bundle", evidence.path, zip]).status == 0)
        try "changed".write(toFile: video, atomically: false, encoding: .utf8)
        let changed = try evidence.run(["verify", "--no-record", evidence.path, record.id])
        #expect(changed.status == 1 && changed.stdout.contains("CHANGED   \(record.id)"), "\(changed.stdout)")
        // Unpacked elsewhere, the linked file's copy in the bundle's store is verified.
        guard try ExternalReader.require(ExternalReader.tool("unzip") != nil, "unzip") else { return }
        let other = try TemporaryFolder()
        #expect(try ProcessRunner.run(ExternalReader.tool("unzip")!, ["-q", zip, "-d", other.path]).status == 0)
        unlink(video)
        let verified = try evidence.run(["verify", "--no-record", other.file("case.rec")])
        #expect(verified.status == 0 && verified.stdout.contains("4 ok"), "\(verified.stdout)")
    }
}
