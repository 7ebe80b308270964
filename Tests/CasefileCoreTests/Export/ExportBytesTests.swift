import Foundation
@testable import CasefileCore
import CasefileTestSupport
import Testing

/// The bulk exports (ftm, json, csv) are written in parts on every core: whatever the
/// parts, the bytes are those of one pass over the records, on random cases (each saved
/// and read back, as `casefile export` reads it), whole and narrowed to a selection.
@Suite("Export: ftm, json and csv bytes are the same however the work is cut")
struct ExportBytesTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]

    /// The case of `seed` as saved and read back: small and awkward, hand edits and
    /// unpaired translations in some.
    static func randomCase(_ seed: UInt64) throws -> CaseFile {
        let made = RandomCase.make(seed: seed, options: RandomCase.Options(
            entries: 40 + Int(seed % 4) * 30, longValues: seed % 3 == 0, handEdits: seed % 2 == 0, unpairedTranslations: seed % 4 == 1))
        return try CaseReader.read(bytes: CaseWriter.bytes(of: made)).caseFile
    }

    /// The sets exported: the whole case, and a selection of a few of its posts.
    static func sets(_ caseFile: CaseFile) -> [ExportSet] {
        let chosen = Array(caseFile.orderedIds(of: .post).prefix(3))
        return [ExportSet(wholeCase: caseFile),
                ExportSet(caseFile: caseFile, selection: ExportSelection(entries: chosen), matches: [])]
    }

    /// Every bulk export of `set`, one after the other, with parts of `partSize` entries.
    static func bytes(_ set: ExportSet, partSize: Int?) throws -> [UInt8] {
        let out = ExportStream()
        var options = ExportOptions()
        options.partSize = partSize
        for format in [ExportFormat.ftm, .json] { _ = try Exporter.write(format, set, options: options, to: out) }
        for kind in CSVExport.kinds {
            options.kind = kind
            _ = try Exporter.write(.csv, set, options: options, to: out)
        }
        return out.bytes
    }

    @Test("random cases: parts of 1, 2, 3 and 7 entries give the bytes of one part", arguments: seeds)
    func cut(seed: UInt64) throws {
        for set in Self.sets(try Self.randomCase(seed)) {
            let whole = try Self.bytes(set, partSize: nil)
            for size in [1, 2, 3, 7] {
                #expect(try Self.bytes(set, partSize: size) == whole, "seed \(seed), parts of \(size)")
            }
        }
    }

    /// Parts handed to a file go straight from each worker's buffer to the descriptor,
    /// after what the writer buffered before them: the file holds the bytes a stream kept
    /// in memory holds, in the same order.
    @Test("written to a file in parts, an export holds the bytes of one pass", arguments: [UInt64(3), 6])
    func file(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let set = ExportSet(wholeCase: try Self.randomCase(seed))
        for format in [ExportFormat.ftm, .json] {
            let memory = ExportStream()
            _ = try Exporter.write(format, set, to: memory)
            for size in [1, 5] {
                var options = ExportOptions()
                options.partSize = size
                let path = folder.file("export-\(size).\(format.fileExtension)")
                let result = try Exporter.write(format, set, options: options, toPath: path)
                let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                #expect(written == memory.bytes, "\(format.rawValue), seed \(seed), parts of \(size)")
                #expect(result.files.first?.bytes == memory.bytes.count)
            }
        }
    }
}
