import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore
#if canImport(Glibc)
import Glibc
#endif

/// The search index saved beside a case: read back, it answers exactly as a freshly
/// built index and the scan do; any other bytes (a changed case, a damaged or foreign
/// index file) are refused with a reason and never crash.
@Suite("Saved search index")
struct SearchIndexFileTests {
    /// A case written to a file and read back as casefile reads it, with its identity.
    struct SavedCase {
        let folder: TemporaryFolder
        let path: String
        let caseFile: CaseFile
        let identity: SearchIndexFile.CaseIdentity

        init(_ caseFile: CaseFile) throws {
            folder = try TemporaryFolder()
            path = folder.file("case.rec")
            try caseFile.write(to: path)
            self.caseFile = try CaseReader.load(path: path).caseFile
            identity = try #require(SearchIndexFile.CaseIdentity(path: path))
        }

        var indexPath: String { folder.file(".case.rec.index") }

        func save() throws {
            try SearchIndexFile.save(SearchIndex(caseFile: caseFile), for: path, identity: identity, environment: [:])
        }

        func load(verify: Bool = false) -> (index: SearchIndex?, reason: String) {
            SearchIndexFile.load(for: path, caseFile: caseFile, identity: identity, environment: [:], verifyContent: verify)
        }
    }

    static func queries(for caseFile: CaseFile, seed: UInt64) -> [String] {
        var rng = SeededGenerator(seed: seed)
        let entries = caseFile.entries.values.sorted { $0.id < $1.id }
        var texts = ["esimov", "Алматы", "lang:ru", "kind:post", "has:translation", "missing:translation", "tag:detained"]
        for _ in 0..<8 {
            let entry = entries[Int(rng.next() % UInt64(max(1, entries.count)))]
            let words = (entry["Text"] ?? entry["Name"] ?? entry.id).split(separator: " ").prefix(2).map(String.init)
            texts += words.filter { !$0.contains("\"") } + [words.first.map { String($0.prefix(3)) + "*" } ?? "x"]
        }
        return texts.filter { (try? SearchQuery.parse($0)) != nil }
    }

    @Test("an index read back answers as a fresh index and the scan do, on random cases", arguments: [1, 2, 3, 4] as [UInt64])
    func readBackAgrees(seed: UInt64) throws {
        let saved = try SavedCase(RandomCase.make(seed: seed, options: .init(entries: 60)))
        try saved.save()
        let info = try #require(SearchIndexFile.readOwnFile(saved.indexPath))
        #expect(!info.isEmpty)
        let (read, reason) = saved.load()
        let index = try #require(read, "not read back: \(reason)")
        let fresh = SearchIndex(caseFile: saved.caseFile)
        #expect(index.termCount == fresh.termCount && index.postingCount == fresh.postingCount && index.count == fresh.count)
        for text in Self.queries(for: saved.caseFile, seed: seed) {
            let query = try SearchQuery.parse(text)
            let expected = SearchBulkBuildTests.describe(fresh.search(query, in: saved.caseFile, limit: 10))
            #expect(SearchBulkBuildTests.describe(index.search(query, in: saved.caseFile, limit: 10)) == expected, "\(text)")
            #expect(SearchBulkBuildTests.describe(SearchScan.search(query, in: saved.caseFile, limit: 10)) == expected, "scan: \(text)")
        }
    }

    @Test("an index read back keeps up with changes as a fresh one does")
    func readBackUpdates() throws {
        let saved = try SavedCase(SearchFixtures.bloggers)
        try saved.save()
        let index = try #require(saved.load().index)
        let fresh = SearchIndex(caseFile: saved.caseFile)
        var caseFile = saved.caseFile
        let post = SearchFixtures.post("new-post", author: "esimov", lang: "ru", "Есимов снова на ланче")
        caseFile.put(post)
        for each in [index, fresh] { each.update(old: nil, new: post) }
        let query = try SearchQuery.parse("ланче")
        #expect(SearchBulkBuildTests.describe(index.search(query, in: caseFile)) == SearchBulkBuildTests.describe(fresh.search(query, in: caseFile)))
        #expect(index.search(query, in: caseFile).hits.contains { $0.id == "new-post" })
        #expect(!index.store.isPristine, "a changed index is never saved for the file")
    }

    @Test("the file is private, and a changed case or another version makes it unused")
    func staleIsRefused() throws {
        let saved = try SavedCase(SearchFixtures.bloggers)
        try saved.save()
        var info = stat()
        #expect(stat(saved.indexPath, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(saved.load(verify: true).index != nil)
        // Same size, other content: caught by the modification time, and by the hash.
        var text = try String(contentsOfFile: saved.path, encoding: .utf8)
        text = text.replacingOccurrences(of: "Esimov", with: "Esimof")
        try text.write(toFile: saved.path, atomically: false, encoding: .utf8)
        let now = try #require(SearchIndexFile.CaseIdentity(path: saved.path))
        let stale = SearchIndexFile.load(for: saved.path, caseFile: saved.caseFile, identity: now, environment: [:])
        #expect(stale.index == nil && stale.reason.contains("the case changed since"), "\(stale.reason)")
        // Written into the header as if for these bytes: only the SHA-256 tells.
        var bytes = try #require(SearchIndexFile.readOwnFile(saved.indexPath))
        withUnsafeBytes(of: UInt64(now.modifiedSeconds).littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
        withUnsafeBytes(of: UInt64(now.modifiedNanoseconds).littleEndian) { bytes.replaceSubrange(32..<40, with: $0) }
        #expect(throws: IndexDamage("built for other content (SHA-256 differs)")) {
            try SearchIndexFile.read(bytes, caseFile: saved.caseFile, identity: now, contentHash: SearchIndexFile.hashOfFile(saved.path))
        }
        bytes[8] = 2
        #expect(throws: IndexDamage("format version 2, this casefile reads 1")) {
            try SearchIndexFile.read(bytes, caseFile: saved.caseFile, identity: now, contentHash: nil)
        }
    }

    @Test("a damaged index file is refused, whatever the damage, and never crashes")
    func damageIsRefused() throws {
        let saved = try SavedCase(RandomCase.make(seed: 11, options: .init(entries: 30)))
        try saved.save()
        let good = try #require(SearchIndexFile.readOwnFile(saved.indexPath))
        var rng = SeededGenerator(seed: 12)
        let hashBytes = 56..<120
        for round in 0..<300 {
            var bytes = good
            if round % 3 == 0 {
                bytes.removeLast(1 + Int(rng.next() % UInt64(bytes.count - 1)))
            } else {
                for _ in 0...(round % 4) {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    if !hashBytes.contains(at) { bytes[at] ^= UInt8(1 + rng.next() % 255) }
                }
            }
            guard bytes != good else { continue }
            #expect(throws: IndexDamage.self, "round \(round)") {
                try SearchIndexFile.read(bytes, caseFile: saved.caseFile, identity: saved.identity, contentHash: nil)
            }
        }
        // Damage behind a checksum made to match: the structure checks must catch it, or the
        // index must still answer without crashing (a changed position or weight fits).
        let query = try SearchQuery.parse("a OR e OR о OR \"a b\"")
        for round in 0..<300 {
            var payload = Array(good[SearchIndexFile.headerLength...])
            for _ in 0...(round % 3) {
                payload[Int(rng.next() % UInt64(payload.count))] ^= UInt8(1 + rng.next() % 255)
            }
            if round % 5 == 0 { payload.removeLast(Int(rng.next() % UInt64(min(64, payload.count)))) }
            let result = payload.withUnsafeBytes { SearchIndex.restoring($0, caseFile: saved.caseFile) }
            if case let .success(index) = result { _ = index.search(query, in: saved.caseFile) }
        }
        // Another case's index (of the same shape, even) is refused by the identity it names.
        let other = try SavedCase(RandomCase.make(seed: 13, options: .init(entries: 30)))
        #expect(throws: IndexDamage("built for other bytes (the case changed since)")) {
            try SearchIndexFile.read(good, caseFile: other.caseFile, identity: other.identity, contentHash: nil)
        }
    }

    @Test("an index file that is a link, not ours or writable by others is not read")
    func foreignFilesAreIgnored() throws {
        let saved = try SavedCase(SearchFixtures.bloggers)
        try saved.save()
        chmod(saved.indexPath, 0o666)
        #expect(saved.load().index == nil)
        chmod(saved.indexPath, 0o600)
        let moved = saved.folder.file("elsewhere.index")
        rename(saved.indexPath, moved)
        symlink(moved, saved.indexPath)
        #expect(saved.load().index == nil)
    }

    @Test("the shell's first search saves the index in the background; the next session reads it, unless changed")
    func notebookSavesAndReads() throws {
        let saved = try SavedCase(SearchFixtures.bloggers)
        let first = Notebook(output: BufferOutput(), settings: Settings(userName: "test"))
        try first.open(path: saved.path)
        #expect(!first.searchIndex.buildPhases.isEmpty, "built")
        var waited = 0
        while SearchIndexFile.readOwnFile(saved.indexPath) == nil && waited < 200 {
            usleep(50_000)
            waited += 1
        }
        #expect(SearchIndexFile.readOwnFile(saved.indexPath) != nil, "saved within 10 s")
        let second = Notebook(output: BufferOutput(), settings: Settings(userName: "test"))
        try second.open(path: saved.path)
        #expect(second.searchIndex.buildPhases.isEmpty, "read, not built")
        let query = try SearchQuery.parse("esimov")
        #expect(SearchBulkBuildTests.describe(second.searchIndex.search(query, in: second.caseFile))
                == SearchBulkBuildTests.describe(first.searchIndex.search(query, in: first.caseFile)))
        // Changed before the first search: built, and not saved for the file.
        let third = Notebook(output: BufferOutput(), settings: Settings(userName: "test"))
        try third.open(path: saved.path)
        let report = third.runScript("tag esimov checked-twice", name: "test")
        #expect(report.errors.isEmpty && third.hasUnsavedChanges, "\(report.errors)")
        #expect(!third.searchIndex.buildPhases.isEmpty)
    }

    @Test("when the index cannot go beside the case, it goes to the per-user cache")
    func cacheFallback() throws {
        let saved = try SavedCase(SearchFixtures.bloggers)
        mkdir(saved.indexPath, 0o700)  // something in the way that is never replaced
        let cache = try TemporaryFolder()
        let environment = ["XDG_CACHE_HOME": cache.path]
        try SearchIndexFile.save(SearchIndex(caseFile: saved.caseFile), for: saved.path, identity: saved.identity, environment: environment)
        let locations = SearchIndexFile.locations(for: saved.path, environment: environment)
        #expect(locations.count == 2 && locations[1].hasPrefix(cache.path + "/casefile/index/"))
        #expect(SearchIndexFile.readOwnFile(locations[1]) != nil)
        let read = SearchIndexFile.load(for: saved.path, caseFile: saved.caseFile, identity: saved.identity, environment: environment)
        #expect(read.index != nil && read.reason.contains(cache.path))
    }
}

/// The fuzz target's inputs (Fuzz/IndexFuzz.swift: Fuzz/Seeds/index, Fuzz/Regressions/index)
/// replayed with its properties: never a trap, and the seed (a good payload for the
/// target's case) is read back whole.
@Suite struct IndexFuzzRegressionTests {
    /// The case of Fuzz/IndexFuzz.swift.
    static func fuzzCase() throws -> CaseFile {
        try CaseReader.load(path: FuzzRegressionTests.fuzzFolder + "/IndexFuzzCase.rec").caseFile
    }

    @Test func theSeedIsAGoodPayload() throws {
        let caseFile = try Self.fuzzCase()
        let seeds = FuzzRegressionTests.inputs("index").filter { $0.contains("/Seeds/") }
        #expect(!seeds.isEmpty)
        for seed in seeds {
            let bytes = try FileBytes.read(seed)
            let result = bytes.withUnsafeBytes { SearchIndex.restoring($0, caseFile: caseFile) }
            let index = try result.get()
            #expect(index.search(try SearchQuery.parse("esimov"), in: caseFile).total == 3)
        }
    }

    @Test(arguments: FuzzRegressionTests.inputs("index"))
    func indexInput(_ path: String) throws {
        let caseFile = try Self.fuzzCase()
        let bytes = try FileBytes.read(path)
        guard case let .success(index) = bytes.withUnsafeBytes({ SearchIndex.restoring($0, caseFile: caseFile) }) else { return }
        for text in ["esimov", "Есим* OR aitelenov", "\"на ланче\"", "lang:ru #Алматы", "has:translation", "@extremkz"] {
            _ = index.search(try SearchQuery.parse(text), in: caseFile, limit: 3).lines(width: 60) { $0 }
        }
    }
}
