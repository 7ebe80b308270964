import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The store and its hashing: the same hash `sha256sum` prints, files written once and
/// read-only, the same bytes kept once, and what is not a plain file refused.
@Suite("evidence store")
struct EvidenceStoreTests {
    /// `sha256sum FILE`'s hash.
    static func sha256sum(_ path: String) throws -> String? {
        guard try ExternalReader.require(ExternalReader.tool("sha256sum") != nil, "sha256sum (coreutils)") else { return nil }
        let result = try ProcessRunner.run(ExternalReader.tool("sha256sum")!, [path])
        try #require(result.status == 0, "\(result.stderr)")
        return String(result.stdout.prefix(64))
    }

    /// Writes `count` bytes of a seeded pattern to `path`: one random megabyte, each copy
    /// stamped with its number so no two blocks are alike.
    static func makeFile(_ path: String, bytes count: Int, seed: UInt64 = 1) throws {
        var generator = SeededGenerator(seed: seed)
        var block = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        var left = count
        var number: UInt32 = 0
        while left > 0 {
            withUnsafeBytes(of: number) { for (index, byte) in $0.enumerated() { block[index] = byte } }
            let chunk = min(left, block.count)
            try handle.write(contentsOf: block[0..<chunk])
            left -= chunk
            number += 1
        }
    }

    @Test("hashes equal sha256sum's for 0 bytes, 1 byte and 100 MB, stored and linked")
    func hashesMatchSha256sum() throws {
        let folder = try TemporaryFolder()
        let store = EvidenceStore(casePath: folder.file("case.rec"))
        for (name, size) in [("empty.bin", 0), ("one.bin", 1), ("hundred.bin", 100_000_000)] {
            let path = folder.file(name)
            try Self.makeFile(path, bytes: size, seed: UInt64(size))
            guard let expected = try Self.sha256sum(path) else { return }
            let stored = try store.ingest(path)
            #expect(stored.hash == expected, "\(name)")
            #expect(stored.size == UInt64(size))
            #expect(try EvidenceStore.hashInPlace(path).hash == expected)
            #expect(try Self.sha256sum(store.path(of: expected)) == expected, "the stored copy of \(name)")
            var info = stat()
            #expect(lstat(store.path(of: expected), &info) == 0 && info.st_mode & 0o777 == 0o444, "read-only")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.folder).count == 3, "no temporary files left")
    }

    @Test("the same bytes are stored once; a stored file is never overwritten")
    func storedOnce() throws {
        let folder = try TemporaryFolder()
        let store = EvidenceStore(casePath: folder.file("case.rec"))
        let first = try folder.write("a.txt", "the same words\n")
        let second = try folder.write("b.txt", "the same words\n")
        let one = try store.ingest(first)
        let two = try store.ingest(second)
        #expect(one.hash == two.hash && !one.wasStored && two.wasStored)
        #expect(store.storedHashes() == [one.hash])
        // Something else planted under the hash's name is refused, not replaced.
        let planted = try folder.write("c.txt", "other words\n")
        let plantedHash = try EvidenceStore.hashInPlace(planted).hash
        try "a decoy of another size".write(toFile: store.path(of: plantedHash), atomically: false, encoding: .utf8)
        #expect(throws: EvidenceError.storedCopyDiffers(store: store.folder, hash: plantedHash)) { try store.ingest(planted) }
        #expect(try String(contentsOfFile: store.path(of: plantedHash), encoding: .utf8) == "a decoy of another size")
    }

    @Test("a symbolic link, a folder and a named pipe are refused, naming what they are")
    func refusals() throws {
        let folder = try TemporaryFolder()
        let store = EvidenceStore(casePath: folder.file("case.rec"))
        let target = try folder.write("real.png", "x")
        symlink(target, folder.file("link.png"))
        #expect(throws: EvidenceError.symbolicLink(path: folder.file("link.png"), target: target)) {
            try store.ingest(folder.file("link.png"))
        }
        try FileManager.default.createDirectory(atPath: folder.file("shots"), withIntermediateDirectories: false)
        #expect(throws: EvidenceError.notRegularFile(path: folder.file("shots"), what: "a folder")) {
            try store.ingest(folder.file("shots"))
        }
        mkfifo(folder.file("pipe"), 0o600)
        #expect(throws: EvidenceError.notRegularFile(path: folder.file("pipe"), what: "a named pipe")) {
            try store.ingest(folder.file("pipe"))
        }
        #expect(throws: EvidenceError.cannotRead(path: folder.file("absent.png"), errno: ENOENT)) {
            try store.ingest(folder.file("absent.png"))
        }
        #expect(store.storedHashes().isEmpty)
    }

    @Test("a symbolic link in the store's place is refused; a read-only store says so and keeps nothing")
    func hostileStore() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("shot.png", "pixels")
        try FileManager.default.createDirectory(atPath: folder.file("elsewhere"), withIntermediateDirectories: false)
        symlink(folder.file("elsewhere"), folder.file("case.evidence"))
        let store = EvidenceStore(casePath: folder.file("case.rec"))
        #expect(throws: EvidenceError.storeNotFolder(store: store.folder)) { try store.ingest(file) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("elsewhere")).isEmpty)
        guard getuid() != 0 else { return } // root writes through permissions
        let other = EvidenceStore(casePath: folder.file("other.rec"))
        try FileManager.default.createDirectory(atPath: other.folder, withIntermediateDirectories: false)
        chmod(other.folder, 0o500)
        defer { chmod(other.folder, 0o700) }
        #expect(throws: EvidenceError.self) { try other.ingest(file) }
    }

    @Test("media types come from the content, not the name")
    func mediaTypes() {
        #expect(MediaType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == "image/png")
        #expect(MediaType.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == "image/jpeg")
        #expect(MediaType.sniff(Array("%PDF-1.7\n".utf8)) == "application/pdf")
        #expect(MediaType.sniff(Array("\u{FEFF}  <!DOCTYPE html><html>".utf8)) == "text/html")
        #expect(MediaType.sniff([0, 0, 0, 0x20] + Array("ftypisom".utf8)) == "video/mp4")
        #expect(MediaType.sniff([0x50, 0x4B, 0x03, 0x04], isWACZ: true) == "application/wacz")
        #expect(MediaType.sniff(Array("Привет".utf8)) == "text/plain")
        #expect(MediaType.sniff([]) == "application/x-empty")
        #expect(MediaType.sniff([0x00, 0x01, 0x02]) == "application/octet-stream")
        #expect(MediaType.expected(forName: "shot.PNG") == "image/png")
    }
}
