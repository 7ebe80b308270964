import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// A save serialises the case once and takes the chain's hash over those bytes: the file
/// is byte for byte what the two-pass seal (hash the unsealed case, then write it sealed)
/// gives, and its chain holds.
@Suite struct OnePassSealTests {
    /// Saves `script` run on a new case twice (a second session chained to the first) and
    /// returns the file's bytes.
    static func saved(_ script: [String], then more: [String], in folder: TemporaryFolder) throws -> [UInt8] {
        let path = folder.file("case.rec")
        let notebook = try SaveTests.notebook(path)
        for line in script { SaveTests.run(notebook, line) }
        try notebook.save(message: "first")
        for line in more { SaveTests.run(notebook, line) }
        try notebook.save(message: "second")
        return try FileBytes.read(path)
    }

    /// The bytes the two-pass seal writes for the case `bytes` hold, and whether its chain holds.
    static func twoPass(_ bytes: [UInt8]) throws -> (bytes: [UInt8], holds: Bool) {
        let caseFile = try bytes.withUnsafeBufferPointer { try CaseReader.read(bytes: $0, file: "case.rec", validate: false).caseFile }
        var resealed = caseFile
        let parents = caseFile.sessions.last?.chainParents ?? []
        SessionChain.seal(&resealed, parents: parents)
        let holds = bytes.withUnsafeBufferPointer { ChainCheck(caseFile, bytes: $0).holds }
        return (CaseWriter.bytes(of: resealed), holds)
    }

    @Test func aSaveIsByteForByteTheTwoPassSeal() throws {
        let folder = try TemporaryFolder()
        let bytes = try Self.saved([#"new "Bloggers""#, #"add person "Nurali Aitelenov" handle=@extremkz"#],
                                   then: [#"add post @extremkz 2014-02-04 "Завтра" lang=ru"#, "tag aitelenov detained"], in: folder)
        let expected = try Self.twoPass(bytes)
        #expect(bytes == expected.bytes)
        #expect(expected.holds)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains(SessionChain.placeholder), "no placeholder left in the file")
        #expect(text.components(separatedBy: "\nHash: ").count == 3, "both sessions sealed")
    }

    /// Hand-added record types after the sessions (and trailing comments): the hash line is
    /// not the last one, so the save seals in two passes; the file is still right.
    @Test func aCaseWithHandAddedRecordsAfterTheSessionsIsSealedRight() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        _ = try Self.saved([#"new "Bloggers""#, #"add person "Rinat Kibraev""#], then: [], in: folder)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "\n%rec: Archive\n\nUrl: https://example.org\nHash: \(SessionChain.placeholder)\n\n# the end\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let notebook = try SaveTests.notebook(path)
        SaveTests.run(notebook, "tag kibraev blogger")
        try notebook.save(message: "after the hand edit")
        let bytes = try FileBytes.read(path)
        let expected = try Self.twoPass(bytes)
        #expect(bytes == expected.bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains("Hash: \(SessionChain.placeholder)\n\n# the end"), "the hand-added record kept as it was")
    }
}
