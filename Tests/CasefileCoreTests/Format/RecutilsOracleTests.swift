import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// Real GNU recutils as the judge of what casefile writes: `recfix --check` accepts every
/// generated file, and `recsel -P FIELD` reads back exactly each stored value. Files stay
/// small: recfix is super-quadratic on files with `%key`.
@Suite("recutils as an oracle", .enabled(if: Recutils.isAvailable))
struct RecutilsOracleTests {
    static let seeds: [UInt64] = Array(1001...1024)

    @Test("recfix --check accepts the file and recsel reads back every value", arguments: seeds)
    func oracle(seed: UInt64) throws {
        let caseFile = RandomCase.make(seed: seed, options: .init(entries: Int(seed % 30), longValues: seed % 8 == 0))
        let folder = try TemporaryFolder()
        let path = folder.file("case-\(seed).rec")
        try caseFile.write(to: path)

        let fix = try Recutils.check(path)
        #expect(fix.status == 0, "seed \(seed): recfix --check failed: \(fix.stderr)")

        let records = Self.records(of: caseFile)
        var types: [String] = []
        for record in records where !types.contains(record.type) { types.append(record.type) }
        var checked = 0
        for type in types {
            let ofType = records.filter { $0.type == type }
            var names: [String] = []
            for record in ofType { for field in record.fields where !names.contains(field.name) { names.append(field.name) } }
            for name in names {
                let output = try Recutils.values(of: name, type: type, in: path)
                #expect(output.status == 0, "seed \(seed): recsel -t \(type) -P \(name) failed: \(output.stderr)")
                let perRecord = ofType.map { record in record.fields.filter { $0.name == name }.map(\.value) }
                if let problem = Self.compare(output.stdoutBytes, perRecord, labels: ofType.map(\.label)) {
                    Issue.record("seed \(seed): recsel -t \(type) -P \(name): \(problem)")
                }
                checked += 1
            }
        }
        #expect(checked > 0 || caseFile.entries.isEmpty)
    }

    @Test("recfix --check accepts translations without an original", arguments: seeds.prefix(6))
    func unpairedTranslations(seed: UInt64) throws {
        // The first case from this seed on that has one (a small case may have none).
        var caseFile = CaseFile()
        for attempt in 0..<20 {
            caseFile = RandomCase.make(seed: seed &+ UInt64(attempt) &* 7919,
                                       options: .init(entries: 24, longValues: false, unpairedTranslations: true))
            if caseFile.entries.values.contains(where: { $0.kind == .translation && $0["Of"] == nil }) { break }
        }
        try #require(caseFile.entries.values.contains { $0.kind == .translation && $0["Of"] == nil },
                     "seed \(seed): no unpaired translation to check")
        let folder = try TemporaryFolder()
        let path = folder.file("unpaired-\(seed).rec")
        try caseFile.write(to: path)
        let fix = try Recutils.check(path)
        #expect(fix.status == 0, "seed \(seed): recfix --check failed: \(fix.stderr)")
        // With Of still declared mandatory, recfix would refuse the same records.
        let text = try folder.read("unpaired-\(seed).rec")
        let strict = try folder.write("strict-\(seed).rec", text.replacingOccurrences(of: "%mandatory: Lang Text",
                                                                                        with: "%mandatory: Of Lang Text"))
        #expect(try Recutils.check(strict).status != 0, "seed \(seed): recfix accepted a translation missing a mandatory Of")
    }

    @Test("the oracle notices a value recsel reads differently")
    func oracleHasTeeth() throws {
        // A value line ending in a backslash, written naively, is joined by recsel.
        let folder = try TemporaryFolder()
        let path = try folder.write("naive.rec", "%rec: Person\n\nId: a\nName: ends with \\\n+ next\n")
        let output = try Recutils.values(of: "Name", type: "Person", in: path)
        #expect(Self.compare(output.stdoutBytes, [["ends with \\\nnext"]], labels: ["a"]) != nil)
    }

    /// Compares recsel's output with the values expected record by record; says which
    /// record differs first.
    static func compare(_ actual: [UInt8], _ perRecord: [[String]], labels: [String]) -> String? {
        var position = 0
        var first = true
        for (values, label) in zip(perRecord, labels) where !values.isEmpty {
            var chunk: [UInt8] = first ? [] : [0x0A]
            first = false
            for value in values { chunk += Array(value.utf8) + [0x0A] }
            let end = min(actual.count, position + chunk.count)
            if Array(actual[position..<end]) != chunk {
                let got = String(decoding: actual[position..<min(actual.count, position + chunk.count + 40)], as: UTF8.self)
                return "record \(label): expected \(String(decoding: chunk, as: UTF8.self).debugDescription), got \(got.debugDescription)"
            }
            position = end
        }
        return position == actual.count ? nil
            : "extra output: \(String(decoding: actual[position...], as: UTF8.self).debugDescription)"
    }

    /// Every record the writer puts in the file, with its type and fields, in file order.
    static func records(of caseFile: CaseFile) -> [(type: String, label: String, fields: [Field])] {
        var result: [(type: String, label: String, fields: [Field])] = [("Casefile", "header", caseFile.header.fields)]
        for kind in Kind.identified {
            for id in caseFile.orderedIds(of: kind) {
                guard let entry = caseFile[id] else { continue }
                result.append((kind.recordType, id, [Field("Id", id)] + entry.fields))
            }
        }
        for key in caseFile.orderedLinks() {
            guard let link = caseFile.links[key] else { continue }
            result.append(("Link", "\(key.from) \(key.rel) \(key.to)",
                           [Field("From", key.from), Field("Rel", key.rel), Field("To", key.to)] + link.fields))
        }
        for key in caseFile.orderedNotes() {
            guard let note = caseFile.notes[key] else { continue }
            var fields = [Field("On", key.on)]
            if !key.at.isEmpty { fields.append(Field("At", key.at)) }
            if !key.by.isEmpty { fields.append(Field("By", key.by)) }
            fields.append(Field("Text", key.text))
            result.append(("Note", "note on \(key.on)", fields + note.fields))
        }
        for session in caseFile.sessions.sorted(by: { $0.revision < $1.revision }) {
            result.append(("Session", "revision \(session.revision)",
                           [Field("Revision", String(session.revision))] + session.fields))
        }
        for section in caseFile.foreign {
            for (index, record) in section.records.enumerated() {
                result.append((section.recordType, "\(section.recordType) #\(index + 1)", record.fields))
            }
        }
        return result
    }
}
