import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore

/// The first save after an open copies the records of a file casefile read, after
/// comparing each with its entry: only a record in exactly the writer's form is copied,
/// so the saved bytes are always the writer's own, whatever the file held.
@Suite("Saves that copy records of the file read")
struct CopyingFromLoadTests {
    /// Writes `text` to a file and loads it mapped; the loaded case and what a save copies from.
    static func load(_ bytes: [UInt8], in folder: TemporaryFolder, name: String) throws -> (CaseFile, RecordReuse?, LoadResult) {
        let path = folder.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try CaseReader.load(path: path)
        let reuse = result.mapping.flatMap { mapping in
            result.records.map { RecordReuse(file: mapping, written: $0) { _ in false } }
        }
        return (result.caseFile, reuse, result)
    }

    @Test("copying from a canonical file read gives the writer's bytes, on random cases and random edits",
          arguments: Array(1...10) as [UInt64])
    func canonicalFile(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let original = RandomCase.make(seed: seed, options: .init(entries: 60, handEdits: seed % 3 == 0))
        let (loaded, reuse, result) = try Self.load(CaseWriter.bytes(of: original), in: folder, name: "c.rec")
        let mapping = try #require(result.mapping)
        let records = try #require(result.records)
        #expect(records.count == loaded.entries.count)
        let (edited, touched) = CopyingWriterTests.edit(loaded, seed: seed &* 7)
        let changed = RecordReuse(file: mapping, written: records) { touched.contains($0) }
        let (copied, written) = CaseWriter.bytes(of: edited, reusing: changed)
        #expect(copied == CaseWriter.bytes(of: edited), "seed \(seed)")
        // Every entry as it was read, without comments, is copied (a commented one is
        // written): the edit's own list of touched Ids is not asked, only the entries.
        let copyable = edited.entries.values.filter { $0.comments.isEmpty && loaded[$0.id] == $0 }.count
        #expect(written.copied == copyable && written.copied > 0, "seed \(seed): \(written.copied) of \(copyable), touched \(touched.count)")
        // Unchanged, the whole file comes back.
        #expect(CaseWriter.bytes(of: loaded, reusing: reuse).bytes == CaseWriter.bytes(of: loaded))
    }

    /// A way to put a record's lines out of the writer's form without changing what they mean.
    static let mutations: [(String, @Sendable (String) -> String?)] = [
        ("continuation without a space", { line in line.hasPrefix("+ ") && line.count > 2 ? "+" + line.dropFirst(2) : nil }),
        ("space after an empty continuation", { line in line == "+" ? "+ " : nil }),
        ("two spaces after the colon", { line in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("+"), !line.hasPrefix("#") else { return nil }
            return String(line[...colon]) + " " + line[line.index(after: colon)...]
        }),
        ("a comment before a field", { line in line.hasPrefix("Name:") || line.hasPrefix("Text:") ? "# seen\n" + line : nil }),
        ("a field moved after the next", { _ in nil }),
        ("a line joined with a backslash", { line in
            guard line.hasPrefix("Text: "), line.count > 12 else { return nil }
            let split = line.index(line.startIndex, offsetBy: 10)
            return String(line[..<split]) + "\\\n" + line[split...]
        }),
        ("Id after the first field", { _ in nil }),
    ]

    @Test("a record not in the writer's form is written, not copied", arguments: Array(1...8) as [UInt64])
    func handMadeRecords(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        var rng = SeededGenerator(seed: seed &* 977)
        let original = RandomCase.make(seed: seed, options: .init(entries: 40, handEdits: false))
        var lines = CaseWriter.text(of: original).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var changedLines = 0
        for index in lines.indices where rng.chance(0.15) {
            let (name, mutate) = rng.pick(Self.mutations)
            if name == "a field moved after the next" || name == "Id after the first field" {
                // Swap this line with the next when both are fields of one record.
                let next = index + 1
                guard next < lines.count, !lines[index].isEmpty, !lines[next].isEmpty,
                      !lines[index].hasPrefix("%"), !lines[next].hasPrefix("%"), !lines[index].hasPrefix("+"),
                      !lines[next].hasPrefix("+"), !lines[index].hasPrefix("#"), !lines[next].hasPrefix("#"),
                      name != "Id after the first field" || lines[index].hasPrefix("Id:") else { continue }
                if next + 1 < lines.count && lines[next + 1].hasPrefix("+") { continue }
                lines.swapAt(index, next)
                changedLines += 1
            } else if let mutated = mutate(lines[index]) {
                lines[index] = mutated
                changedLines += 1
            }
        }
        let text = lines.joined(separator: "\n")
        guard let (loaded, reuse, _) = try? Self.load(Array(text.utf8), in: folder, name: "h.rec") else {
            // A mutation made the file unreadable (it says so): nothing to save.
            return
        }
        let fresh = CaseWriter.bytes(of: loaded)
        let (copied, written) = CaseWriter.bytes(of: loaded, reusing: reuse)
        #expect(copied == fresh, "seed \(seed), \(changedLines) lines changed, \(written.copied) records copied")
    }

    @Test("of a file with one hand-made record, every other record is copied")
    func oneHandMadeRecord() throws {
        let folder = try TemporaryFolder()
        let original = RandomCase.make(seed: 8, options: .init(entries: 30, handEdits: false))
        var text = CaseWriter.text(of: original)
        let name = try #require(text.range(of: "\nName: "))
        text.replaceSubrange(name, with: "\n#checked by hand\nName: ")
        let (loaded, reuse, _) = try Self.load(Array(text.utf8), in: folder, name: "one.rec")
        let (copied, written) = CaseWriter.bytes(of: loaded, reusing: reuse)
        #expect(copied == CaseWriter.bytes(of: loaded))
        #expect(written.copied == loaded.entries.count - 1)
    }

    @Test("a file with a byte-order mark or CRLF lines is saved by the writer alone")
    func otherForms() throws {
        let folder = try TemporaryFolder()
        let canonical = CaseWriter.bytes(of: RandomCase.make(seed: 3, options: .init(entries: 20, handEdits: false)))
        let (marked, markedReuse, _) = try Self.load([0xEF, 0xBB, 0xBF] + canonical, in: folder, name: "bom.rec")
        #expect(markedReuse == nil)
        #expect(CaseWriter.bytes(of: marked) == canonical)
        let crlf = Array(String(decoding: canonical, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let (windows, reuse, _) = try Self.load(crlf, in: folder, name: "crlf.rec")
        let (bytes, written) = CaseWriter.bytes(of: windows, reusing: reuse)
        #expect(bytes == canonical && written.copied == 0)
    }

    @Test("the first save after an open copies every unchanged record, seals the chain, and writes the writer's bytes")
    func notebookFirstSave() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let original = RandomCase.make(seed: 9, options: .init(entries: 50, handEdits: false))
        try original.write(to: path)
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "test", fixedTime: 1_764_072_000))
        try notebook.open(path: path)
        let ids = notebook.caseFile.entries.keys.sorted(by: ByteOrder.less)
        #expect(notebook.runScript("tag \(ids[1]) seen\nsave -m first", name: "t").errors.isEmpty)
        let source = try #require(notebook.files.copySource)
        #expect(source.records.copied == notebook.caseFile.entries.count - 1)
        #expect(try FileBytes.read(path) == CaseWriter.bytes(of: notebook.caseFile))
        let reread = try CaseReader.load(path: path).caseFile
        let hash = try #require(reread.sessions.last?.chainHash)
        #expect(SessionChain.digest(of: reread) == hash)
        #expect(hash.count == 64 && hash != SessionChain.placeholder)
        // The second save copies from the file the first one wrote.
        #expect(notebook.runScript("tag \(ids[2]) seen\nsave -m second", name: "t").errors.isEmpty)
        #expect(notebook.files.copySource?.records.copied == notebook.caseFile.entries.count - 1)
        let second = try CaseReader.load(path: path).caseFile
        #expect(SessionChain.digest(of: second) == second.sessions.last?.chainHash)
        #expect(second.sessions.last?.chainParents == [hash])
    }

    @Test("a case whose Hash line is not the last line is sealed in two passes, and the chain holds")
    func twoPassSeal() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        var original = RandomCase.make(seed: 4, options: .init(entries: 20, handEdits: false))
        original.trailingComments = ["kept at the end"]
        try original.write(to: path)
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "test", fixedTime: 1_764_072_000))
        try notebook.open(path: path)
        #expect(notebook.runScript("add person \"Ерлан Тест\" id=erlan\nsave", name: "t").errors.isEmpty)
        let bytes = try FileBytes.read(path)
        #expect(bytes == CaseWriter.bytes(of: notebook.caseFile))
        let reread = try CaseReader.load(path: path).caseFile
        #expect(SessionChain.digest(of: reread) == reread.sessions.last?.chainHash)
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("#kept at the end\n"))
    }

    @Test("ContentHasher over pieces agrees with ContentHash of the whole", arguments: Array(1...6) as [UInt64])
    func contentHashInPieces(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let bytes = (0..<rng.int(0...5000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        var hasher = ContentHasher()
        var offset = 0
        while offset < bytes.count {
            let size = min(bytes.count - offset, rng.int(0...19))
            bytes.withUnsafeBufferPointer { hasher.update(UnsafeBufferPointer(rebasing: $0[offset..<(offset + size)])) }
            offset += size
        }
        #expect(hasher.finalize() == bytes.withUnsafeBufferPointer { ContentHash.of($0) })
        #expect(hasher.count == bytes.count)
    }
}
