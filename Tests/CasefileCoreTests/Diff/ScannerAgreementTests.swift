import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// The reader (`RecordScanner`) and diff's byte scan (`RecordScan`) read lines through the
/// one `RecordLines`: on any input, valid or damaged, they find the same records, starting
/// on the same lines, with the same descriptors.
@Suite struct ScannerAgreementTests {
    /// Each record as (line of its first field, whether it is a descriptor), in file order.
    static func readerRecords(_ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = RecordScanner(bytes: buffer, file: "x")
            var out: [String] = []
            scanner.scan { record in
                out.append("\(record.line)\(record.isDescriptor ? " %rec " + record.fields[0].value.trimmingCharacters(in: .init(charactersIn: " \t")) : "")")
            }
            return out
        }
    }

    static func scanRecords(_ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            let scan = RecordScan(bytes: buffer)
            var out: [(Int, String)] = scan.sections.map { ($0.fieldLine, "\($0.fieldLine) %rec \($0.type)") }
            out += scan.fieldLine.map { (Int($0), "\($0)") }
            return out.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    static let pieces = [
        "", "", "", " ", "\t", "\r", "# comment", "#", "%rec: Person", "%rec: Post", "%rec:  Note ", "%rec: A B", "%key: Id",
        "Id: a", "Id: b", "Id:c", "Name: Нурали", "Text: x\\", "Text: \\", "\\", "+ more", "+", "+  two", "bad line",
        "1bad: x", "%rec: Link\r", "%rec: Post \r", "Na-me: x", "Name:x", "Name:\r", "%re\\", "c: Person", "Id: a\\", "x", "Tag: t", "Id\\", ": Person",
    ]

    static func randomText(_ random: inout ReviewRandom) -> [UInt8] {
        let count = random.int(0...40)
        var lines = (0..<count).map { _ in random.pick(pieces) }
        // Now and then a file with CR LF line ends, judged by its first line.
        let crlf = random.chance(0.2)
        var text = lines.joined(separator: crlf ? "\r\n" : "\n")
        if random.chance(0.7) { text += crlf ? "\r\n" : "\n" }
        if lines.isEmpty { lines = [] }
        return Array(text.utf8)
    }

    @Test func bothScannersFindTheSameRecordsInRandomAndDamagedInput() {
        var random = ReviewRandom(seed: 7)
        for round in 0..<5000 {
            let bytes = Self.randomText(&random)
            let reader = Self.readerRecords(bytes)
            let scan = Self.scanRecords(bytes)
            #expect(reader == scan, "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if reader != scan { return }
        }
    }

    @Test func bothAgreeOnRealCasesWithEveryLineDamagedInTurn() throws {
        let text = try String(contentsOfFile: SharedFixtures.packageRoot + "/Fuzz/Seeds/reader/example.rec", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in stride(from: 0, to: lines.count, by: 3) {
            for damage in ["\r", "\\", "+ x", "bad", "", "# c"] {
                var damaged = lines
                damaged[index] = damage
                let bytes = Array(damaged.joined(separator: "\n").utf8)
                #expect(Self.readerRecords(bytes) == Self.scanRecords(bytes), "line \(index + 1) as \(damage.debugDescription)")
            }
        }
    }

    /// The case from the issue: a blank line replaced by a CR is an error for `check`, so
    /// `diff` must not call the files identical.
    @Test func aBlankLineReplacedByACarriageReturnIsNoLongerIdenticalForDiff() throws {
        let original = try String(contentsOfFile: SharedFixtures.packageRoot + "/Fuzz/Seeds/reader/example.rec", encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let blank = try #require(lines.indices.dropFirst(10).first { lines[$0].isEmpty })
        var damaged = lines.map(String.init)
        damaged[blank] = "\r"
        let a = Array(original.utf8)
        let b = Array(damaged.joined(separator: "\n").utf8)
        #expect(throws: LoadError.self) { try b.withUnsafeBufferPointer { try CaseReader.read(bytes: $0, file: "b", validate: true) } }
        let outcome: Result<CaseDiff, LoadError> = a.withUnsafeBufferPointer { old in
            b.withUnsafeBufferPointer { new in
                Result { () throws(LoadError) -> CaseDiff in try FileComparison.diff(old: old, oldName: "a", new: new, newName: "b") }
            }
        }
        switch outcome {
        case .success(let diff): #expect(!diff.isEmpty, "diff calls a file check rejects identical")
        case .failure(let error): #expect(error.description.contains("b:"), "\(error)")
        }
    }
}
