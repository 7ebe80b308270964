import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore

/// A save copies the records of entries unchanged since the last save from the file that
/// save wrote: the bytes must be exactly those the writer produces from scratch.
@Suite("Saves that copy unchanged records")
struct CopyingWriterTests {
    /// `caseFile` with random entries changed, removed, added and renamed; the Ids touched.
    static func edit(_ caseFile: CaseFile, seed: UInt64) -> (CaseFile, Set<String>) {
        var rng = SeededGenerator(seed: seed)
        var edited = caseFile
        var touched: Set<String> = []
        let ids = caseFile.entries.keys.sorted(by: ByteOrder.less)
        for _ in 0..<rng.int(1...8) {
            guard let id = ids.isEmpty ? nil : rng.pick(ids), let entry = edited[id] else { continue }
            touched.insert(id)
            switch rng.int(0...3) {
            case 0:
                var changed = entry
                changed.fields.append(Field("Tag", "edited-\(rng.int(0...99))"))
                _ = edited.put(changed)
            case 1:
                _ = edited.removeEntry(id)
            case 2:
                let renamed = Entry(kind: entry.kind, id: id + "-renamed", fields: entry.fields, comments: entry.comments)
                _ = edited.removeEntry(id)
                _ = edited.put(renamed)
                touched.insert(renamed.id)
            default:
                let added = Entry(kind: entry.kind, id: id + "-copy\(rng.int(0...9))", fields: entry.fields)
                _ = edited.put(added)
                touched.insert(added.id)
            }
        }
        return (edited, touched)
    }

    @Test("copying the unchanged records gives the writer's bytes, on random cases and random edits",
          arguments: Array(1...12) as [UInt64])
    func copyEqualsWrite(seed: UInt64) throws {
        let original = RandomCase.make(seed: seed, options: .init(entries: 40, handEdits: seed % 2 == 0))
        let (first, records) = CaseWriter.bytes(of: original, reusing: nil)
        #expect(first == CaseWriter.bytes(of: original))
        #expect(records.count == original.entries.count)
        // Read back as a save leaves it, then edited.
        let loaded = try CaseReader.read(bytes: first, file: "first").caseFile
        let (edited, touched) = Self.edit(loaded, seed: seed &* 31)
        let (copied, again) = first.withUnsafeBufferPointer { old in
            CaseWriter.bytes(of: edited, reusing: RecordReuse(old: old, written: records) { touched.contains($0) })
        }
        #expect(copied == CaseWriter.bytes(of: edited), "seed \(seed)")
        let untouched = edited.entries.keys.filter { !touched.contains($0) }.count
        #expect(again.copied == untouched && again.copied > 0, "every unchanged record copied")
        // And once more from the second file, with nothing changed.
        let (third, all) = copied.withUnsafeBufferPointer { old in
            CaseWriter.bytes(of: edited, reusing: RecordReuse(old: old, written: again) { _ in false })
        }
        #expect(third == copied && all.copied == edited.entries.count)
    }

    @Test("a record the old file does not hold as said is written, never copied out of bounds")
    func shortOldFileIsNotCopied() throws {
        let original = RandomCase.make(seed: 5, options: .init(entries: 20))
        let (first, records) = CaseWriter.bytes(of: original, reusing: nil)
        let half = Array(first.prefix(first.count / 2))
        let written = half.withUnsafeBufferPointer { old in
            CaseWriter.bytes(of: original, reusing: RecordReuse(old: old, written: records) { _ in false })
        }
        #expect(written.bytes == first && written.records.copied < original.entries.count)
    }

    @Test("the notebook's second save copies, and the file is what the writer writes")
    func notebookSaves() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        try RandomCase.make(seed: 9, options: .init(entries: 40)).write(to: path)
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "test", fixedTime: 1_764_072_000))
        try notebook.open(path: path)
        #expect(notebook.runScript("add person \"Айгерім Копия\" id=kopiya\nsave -m first", name: "t").errors.isEmpty)
        #expect(notebook.files.copySource != nil)
        let ids = notebook.caseFile.entries.keys.sorted(by: ByteOrder.less)
        let script = "tag \(ids[3]) copied\nrm kopiya\nadd person \"Second Person\" id=second\nsave -m second"
        #expect(notebook.runScript(script, name: "t").errors.isEmpty)
        #expect(try FileBytes.read(path) == CaseWriter.bytes(of: notebook.caseFile))
        #expect(try CaseReader.load(path: path).caseFile.entries["second"] != nil)
    }
}
