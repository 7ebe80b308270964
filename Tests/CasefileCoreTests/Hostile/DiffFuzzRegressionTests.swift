import Foundation
import Testing
@testable import CasefileCore

/// The diff fuzz target's inputs (Fuzz/Seeds/diff, Fuzz/Regressions/diff), replayed with
/// its properties (Fuzz/DiffFuzz.swift): two files split at a NUL byte.
@Suite struct DiffFuzzRegressionTests {
    @Test(arguments: FuzzRegressionTests.inputs("diff"))
    func diffInput(_ path: String) throws {
        let input = try FileBytes.read(path)
        let split = input.firstIndex(of: 0)
        let a = split.map { Array(input[..<$0]) } ?? input
        let b = split.map { Array(input[($0 + 1)...]) } ?? Array(input.drop { $0 != 0x0A }.dropFirst())
        for bytes in [a, b] {
            if String(validating: bytes, as: UTF8.self) != nil {
                #expect(ScannerAgreementTests.readerRecords(bytes) == ScannerAgreementTests.scanRecords(bytes))
            }
            _ = try? bytes.withUnsafeBufferPointer { try CaseFile.sessionsOnly($0, name: "x") }
        }
        a.withUnsafeBufferPointer { old in
            b.withUnsafeBufferPointer { new in
                if let same = try? FileComparison.diff(old: old, oldName: "a", new: old, newName: "a") {
                    #expect(same.isEmpty)
                }
                guard let diff = try? FileComparison.diff(old: old, oldName: "a", new: new, newName: "b"), diff.isEmpty else { return }
                let readA = try? CaseReader.read(bytes: old, file: "a", validate: false)
                let readB = try? CaseReader.read(bytes: new, file: "b", validate: false)
                #expect((readA == nil) == (readB == nil), "diff finds no difference, but only one file reads")
                if let readA, let readB {
                    #expect(CaseWriter.bytes(of: readA.caseFile) == CaseWriter.bytes(of: readB.caseFile))
                }
            }
        }
    }
}
