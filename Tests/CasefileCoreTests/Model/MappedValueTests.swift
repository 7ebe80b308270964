import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore

/// A case loaded from a file keeps its longer values as ranges of the mapped bytes
/// (`MappedValue`): it must read, compare and save exactly as the same case read into
/// owned strings does.
@Suite("Values kept in the mapped file")
struct MappedValueTests {
    /// The case read from a file (values mapped) and from the same text (values owned).
    static func bothWays(_ text: String, in folder: TemporaryFolder, name: String = "case.rec") throws -> (mapped: LoadResult, owned: LoadResult) {
        let path = try folder.write(name, text)
        return (try CaseReader.load(path: path), try CaseReader.read(text: text))
    }

    static func mappedFieldCount(_ caseFile: CaseFile) -> Int {
        caseFile.entries.values.reduce(0) { $0 + $1.fields.filter { $0.mappedValue != nil }.count }
    }

    @Test("random cases read from a file equal the same cases read into strings, and save to the same bytes",
          arguments: Array(1...10) as [UInt64])
    func randomCases(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let original = RandomCase.make(seed: seed, options: .init(entries: 40, handEdits: seed % 2 == 0))
        let text = String(decoding: CaseWriter.bytes(of: original), as: UTF8.self)
        let (mapped, owned) = try Self.bothWays(text, in: folder)
        #expect(Self.mappedFieldCount(mapped.caseFile) > 0, "long values are kept in the mapping")
        #expect(Self.mappedFieldCount(owned.caseFile) == 0)
        #expect(mapped.caseFile == owned.caseFile, "seed \(seed)")
        for (id, entry) in mapped.caseFile.entries {
            let other = try #require(owned.caseFile[id])
            #expect(entry.fields.map(\.value) == other.fields.map(\.value), "\(id)")
            #expect(entry.fields.map(\.hashValue) == other.fields.map(\.hashValue), "equal fields hash alike")
        }
        #expect(CaseWriter.bytes(of: mapped.caseFile) == CaseWriter.bytes(of: owned.caseFile))
    }

    @Test("multi-line values: '+ ', '+' alone, '+' then a tab, two spaces, a comment between lines, CR in an LF file")
    func continuationLines() throws {
        let folder = try TemporaryFolder()
        let text = """
        %rec: Post

        Id: p1
        Author: aitelenov
        Text: the first line is long enough to be mapped
        + a second line, also long
        +
        +\ttab kept after the plus sign
        +  two spaces: one is dropped
        Date: 2024-05-01T10:00:00Z\r

        Id: p2
        Author: aitelenov
        Text: a long first line before a comment line
        # the comment between two lines of a value
        + and the line after the comment

        %rec: Person

        Id: aitelenov
        Name: Aidos Aitelenov, with a long enough name

        """
        let (mapped, owned) = try Self.bothWays(text, in: folder)
        #expect(mapped.caseFile == owned.caseFile)
        let first = try #require(mapped.caseFile["p1"])
        #expect(first.text == "the first line is long enough to be mapped\na second line, also long\n\n\ttab kept after the plus sign\n two spaces: one is dropped")
        #expect(first["Date"] == "2024-05-01T10:00:00Z\r", "in an LF file a CR is part of the value")
        #expect(mapped.caseFile["p2"]?.text == "a long first line before a comment line\nand the line after the comment")
        #expect(CaseWriter.bytes(of: mapped.caseFile) == CaseWriter.bytes(of: owned.caseFile))
    }

    @Test("CR LF files, a byte-order mark and backslash joins read as the owned reader reads them")
    func otherLineForms() throws {
        let folder = try TemporaryFolder()
        let lf = "%rec: Person\n\nId: aitelenov\nName: Aidos Aitelenov, long enough to map\nNote: joined \\\nacross two lines of the file\nAlias: an alias ending in a backslash \\"
        for (name, text) in [("crlf.rec", lf.replacingOccurrences(of: "\n", with: "\r\n")), ("bom.rec", "\u{FEFF}" + lf), ("lf.rec", lf)] {
            let (mapped, owned) = try Self.bothWays(text, in: folder, name: name)
            #expect(mapped.caseFile == owned.caseFile, "\(name)")
            #expect(mapped.caseFile["aitelenov"]?.fields.map(\.value) == owned.caseFile["aitelenov"]?.fields.map(\.value), "\(name)")
            #expect(CaseWriter.bytes(of: mapped.caseFile) == CaseWriter.bytes(of: owned.caseFile), "\(name)")
        }
    }

    @Test("a value set by a command becomes owned; the others stay in the mapping")
    func settingOwns() throws {
        let folder = try TemporaryFolder()
        let text = "%rec: Person\n\nId: aitelenov\nName: Aidos Aitelenov, long enough to map\nAlias: another long alias of this person\n"
        let (mapped, _) = try Self.bothWays(text, in: folder)
        var entry = try #require(mapped.caseFile["aitelenov"])
        #expect(entry.fields.allSatisfy { $0.mappedValue != nil })
        entry.fields[0].value += " (changed)"
        #expect(entry.fields[0].mappedValue == nil && entry.fields[1].mappedValue != nil)
        #expect(entry.name == "Aidos Aitelenov, long enough to map (changed)")
        #expect(Field("Alias", "another long alias of this person") == entry.fields[1])
    }

    @Test("the UTF-8 check of mapped values agrees with String's on random and damaged bytes")
    func utf8CheckAgrees() {
        var rng = SeededGenerator(seed: 7)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xA0,
                                    0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0x90, 0xF5, 0xFF]
        for round in 0..<20_000 {
            let count = rng.int(0...12)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                bytes.append(round % 3 == 0 ? UInt8(rng.int(0...255)) : rng.pick(interesting))
            }
            let expected = bytes.withUnsafeBufferPointer { RecordScanner.validString($0) != nil }
            let found = bytes.withUnsafeBufferPointer { RecordScanner.isValidUTF8($0) }
            #expect(found == expected, "\(bytes)")
            if found != expected { return }
        }
    }
}
