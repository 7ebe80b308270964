import CasefileCore
import CasefileTestSupport
import Testing

/// The writer and reader as a pair, over random valid cases: whatever is written is read
/// back as the same model, and the canonical bytes are a fixed point of load and save.
@Suite("Round trip over random cases")
struct RoundTripTests {
    /// 400 seeds: sizes from 0 to 39 entries; every 25th case has very long values.
    static let seeds: [UInt64] = Array(1...400)

    static func makeCase(_ seed: UInt64) -> CaseFile {
        RandomCase.make(seed: seed, options: .init(entries: Int(seed % 40), longValues: seed % 25 == 0))
    }

    @Test("write → read gives the same model, and the same bytes again", arguments: seeds)
    func writeReadWrite(seed: UInt64) throws {
        let original = Self.makeCase(seed)
        let bytes = CaseWriter.bytes(of: original)
        let loaded = try CaseReader.read(bytes: bytes, file: "seed-\(seed).rec", validate: true)
        let difference = CaseDifference.first(original, loaded.caseFile)
        #expect(difference == nil, "seed \(seed): \(difference ?? "")")
        #expect(loaded.diagnostics.isEmpty, "seed \(seed): a valid case fails validation: \(loaded.diagnostics)")
        // Writing twice gives identical bytes; load and save of canonical bytes reproduce them.
        let again = ByteDifference.first(CaseWriter.bytes(of: original), bytes)
        #expect(again == nil, "seed \(seed): writing twice differs: \(again ?? "")")
        let resaved = ByteDifference.first(CaseWriter.bytes(of: loaded.caseFile), bytes)
        #expect(resaved == nil, "seed \(seed): load and save changed the bytes: \(resaved ?? "")")
    }

    @Test("translations without an original (as unpair leaves them) are written and read back", arguments: seeds.prefix(40))
    func unpairedTranslations(seed: UInt64) throws {
        let original = RandomCase.make(seed: seed, options: .init(entries: 10 + Int(seed % 30), longValues: false,
                                                                 unpairedTranslations: true))
        let bytes = CaseWriter.bytes(of: original)
        let loaded = try CaseReader.read(bytes: bytes, file: "seed-\(seed).rec", validate: true)
        #expect(loaded.diagnostics.isEmpty, "seed \(seed): \(loaded.diagnostics)")
        #expect(CaseDifference.first(original, loaded.caseFile) == nil)
        #expect(CaseWriter.bytes(of: loaded.caseFile) == bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains("%rec: Translation\n%key: Id\n%mandatory: Lang Text\n")
            || !original.entries.values.contains { $0.kind == .translation })
    }

    @Test("insertion order does not change the bytes", arguments: seeds.prefix(100))
    func insertionOrder(seed: UInt64) throws {
        let original = Self.makeCase(seed)
        var rng = SeededGenerator(seed: seed &* 31)
        var shuffled = CaseFile()
        shuffled.header = original.header
        shuffled.sessions = original.sessions.shuffled(using: &rng)
        shuffled.foreign = original.foreign
        shuffled.descriptorExtras = original.descriptorExtras
        shuffled.descriptorComments = original.descriptorComments
        shuffled.trailingComments = original.trailingComments
        for entry in original.entries.values.shuffled(using: &rng) { shuffled.put(entry) }
        for link in original.links.values.shuffled(using: &rng) { shuffled.put(link) }
        for note in original.notes.values.shuffled(using: &rng) { shuffled.put(note) }
        let difference = CaseDifference.first(shuffled, original)
        #expect(difference == nil, "seed \(seed): \(difference ?? "")")
        let bytes = ByteDifference.first(CaseWriter.bytes(of: shuffled), CaseWriter.bytes(of: original))
        #expect(bytes == nil, "seed \(seed): \(bytes ?? "")")
    }

    @Test("edits after a load land in canonical order", arguments: seeds.prefix(60))
    func editsAfterLoad(seed: UInt64) throws {
        let original = Self.makeCase(seed)
        var loaded = try CaseReader.read(bytes: CaseWriter.bytes(of: original)).caseFile
        var expected = original
        var rng = SeededGenerator(seed: seed &+ 7)
        // Remove a few entries, add a few, and re-add a removed one.
        let ids = original.entries.keys.sorted()
        var removed: [Entry] = []
        for _ in 0..<min(3, ids.count) {
            let id = rng.pick(ids)
            if let entry = loaded.removeEntry(id) { removed.append(entry) }
            expected.removeEntry(id)
        }
        let extra = RandomCase.make(seed: seed &+ 1000, options: .init(entries: 6, longValues: false))
        for entry in extra.entries.values where original[entry.id] == nil {
            loaded.put(entry)
            expected.put(entry)
        }
        if let back = removed.first {
            loaded.put(back)
            expected.put(back)
        }
        let fresh = rebuilt(expected)
        let difference = CaseDifference.first(loaded, fresh)
        #expect(difference == nil, "seed \(seed): \(difference ?? "")")
        let bytes = ByteDifference.first(CaseWriter.bytes(of: loaded), CaseWriter.bytes(of: fresh))
        #expect(bytes == nil, "seed \(seed): \(bytes ?? "")")
    }

    /// The same content, built from nothing (no load order to reuse).
    private func rebuilt(_ caseFile: CaseFile) -> CaseFile {
        var copy = CaseFile()
        copy.header = caseFile.header
        copy.sessions = caseFile.sessions
        copy.foreign = caseFile.foreign
        copy.descriptorExtras = caseFile.descriptorExtras
        copy.descriptorComments = caseFile.descriptorComments
        copy.trailingComments = caseFile.trailingComments
        for entry in caseFile.entries.values { copy.put(entry) }
        for link in caseFile.links.values { copy.put(link) }
        for note in caseFile.notes.values { copy.put(note) }
        return copy
    }

    @Test("the generator is deterministic")
    func deterministic() {
        #expect(RandomCase.make(seed: 42) == RandomCase.make(seed: 42))
        #expect(RandomCase.make(seed: 42) != RandomCase.make(seed: 43))
    }

    @Test("generated cases hold the awkward values the property is about")
    func coverage() {
        var values: [String] = []
        for seed in Self.seeds.prefix(200) {
            let caseFile = Self.makeCase(seed)
            for entry in caseFile.entries.values { values += entry.fields.map(\.value) }
        }
        let lines = values.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        #expect(values.contains(""))
        #expect(lines.contains { $0.hasPrefix("+") })
        #expect(lines.contains { $0.hasPrefix(" ") || $0.hasPrefix("\t") })
        #expect(lines.contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
        #expect(lines.contains { $0.hasSuffix("\\") })
        #expect(values.contains { $0.contains("\n\n") })
        #expect(values.contains { $0.utf8.count > 10_000 })
        #expect(values.contains { $0.contains("ә") || $0.contains("ғ") || $0.contains("қ") })
        #expect(values.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
    }
}
