import CasefileTestSupport
import Foundation
@testable import CasefileCore

/// A reproducible random source (SplitMix64) for the diff properties: a failing case
/// names its seed.
struct ReviewRandom: RandomNumberGenerator {
    private var base: SeededGenerator

    init(seed: UInt64) { base = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D) }

    mutating func next() -> UInt64 { base.next() }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Random cases and random edits of them, built on the model directly so that every
/// corner a file can hold (comments, custom fields, hand-added record types, texts
/// of several lines with blank lines and trailing backslashes) turns up.
enum RandomCases {
    static let words = ["esimov", "Almaty", "блогер", "Нурали", "lunch", "#KAZ", "mayor", "tweet", "«цитата»",
                        "a\\", " leading", "trailing ", "#hash", "+plus", "%pct", "-dash", "quote\"d", "tab\there"]

    static func text(_ random: inout ReviewRandom, lines: ClosedRange<Int> = 1...1) -> String {
        (0..<random.int(lines)).map { _ in
            if random.chance(0.1) { return "" }
            return (0..<random.int(1...5)).map { _ in random.pick(words) }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    static func word(_ random: inout ReviewRandom) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789-")
        return String((0..<random.int(3...12)).map { _ in random.pick(letters) }).trimmingCharacters(in: "-") + "x"
    }

    /// A random case of about `size` entries.
    static func makeCase(_ random: inout ReviewRandom, size: Int) -> CaseFile {
        var caseFile = CaseFile(title: random.chance(0.8) ? text(&random) : nil)
        if random.chance(0.3) { caseFile.header.set("Lang", random.pick(["en", "ru", "kk"])) }
        if random.chance(0.3) { caseFile.header.comments = ["hand comment " + word(&random)] }
        for _ in 0..<size { caseFile.put(makeEntry(&random, in: caseFile)) }
        let ids = caseFile.entries.keys.sorted()
        guard !ids.isEmpty else { return caseFile }
        for _ in 0..<random.int(0...size) { caseFile.put(makeLink(&random, ids: ids)) }
        for _ in 0..<random.int(0...(size / 2)) { caseFile.put(makeNote(&random, ids: ids)) }
        for revision in 1...random.int(1...3) { caseFile.sessions.append(makeSession(&random, revision: revision)) }
        if random.chance(0.2) {
            caseFile.foreign.append(ForeignSection(descriptor: [Field("%rec", "Extra")], comments: ["by hand"],
                                                   records: [ForeignRecord(fields: [Field("Key", word(&random))])]))
        }
        if random.chance(0.2) { caseFile.trailingComments = ["the end " + word(&random)] }
        if random.chance(0.2) { caseFile.leadingComments = [" at the top " + word(&random)] }
        if random.chance(0.2) { caseFile.descriptorExtras[.person] = [Field("%doc", "people in the case")] }
        return caseFile
    }

    static func freshId(_ random: inout ReviewRandom, in caseFile: CaseFile) -> String {
        var id = word(&random)
        while caseFile[id] != nil { id += "x" }
        return id
    }

    static func makeEntry(_ random: inout ReviewRandom, in caseFile: CaseFile, kind: Kind? = nil) -> Entry {
        let kind = kind ?? random.pick(Kind.identified)
        let id = freshId(&random, in: caseFile)
        var fields: [Field] = []
        let other = caseFile.entries.keys.min() ?? "someone"
        switch kind {
        case .person:
            fields.append(Field("Name", text(&random)))
            for _ in 0..<random.int(0...2) { fields.append(Field("Handle", "@" + word(&random))) }
            if random.chance(0.3) { fields.append(Field("Alias", text(&random))) }
        case .post, .quote:
            fields.append(Field(kind == .post ? "Author" : "Speaker", other))
            if random.chance(0.5) { fields.append(Field("Date", "2014-02-0\(random.int(1...9))")) }
            if random.chance(0.5) { fields.append(Field("Lang", random.pick(["ru", "kk", "en"]))) }
            fields.append(Field("Text", text(&random, lines: 1...6)))
        case .translation:
            fields += [Field("Of", other), Field("Lang", "en"), Field("Text", text(&random, lines: 1...4))]
            if random.chance(0.5) { fields.append(Field("Status", random.pick(["draft", "final"]))) }
        case .evidence:
            fields += [Field("On", other), Field("Sha256", String(repeating: "0f", count: 32)),
                       Field("Size", String(random.int(0...99_999)))]
        default:
            fields.append(Field("Title", text(&random)))
            if random.chance(0.5) { fields.append(Field("Url", "https://example.org/" + word(&random))) }
        }
        for _ in 0..<random.int(0...2) { fields.append(Field("Tag", word(&random))) }
        if random.chance(0.2) { fields.append(Field("Custom", text(&random, lines: 1...2))) }
        let comments = random.chance(0.15) ? [" " + text(&random).replacingOccurrences(of: "\n", with: " ")] : []
        return Entry(kind: kind, id: id, fields: fields, comments: comments)
    }

    static func makeLink(_ random: inout ReviewRandom, ids: [String]) -> Link {
        let key = LinkKey(from: random.pick(ids), rel: random.pick(Relation.words), to: random.pick(ids))
        return Link(key, fields: random.chance(0.4) ? [Field("Note", text(&random))] : [])
    }

    static func makeNote(_ random: inout ReviewRandom, ids: [String]) -> Note {
        let key = NoteKey(on: random.pick(ids), at: random.chance(0.8) ? "2025-11-2\(random.int(1...9))T12:00:00Z" : "",
                          by: random.chance(0.8) ? random.pick(["amina", "bo", "casefile example"]) : "",
                          text: text(&random, lines: 1...3))
        return Note(key)
    }

    static func makeSession(_ random: inout ReviewRandom, revision: Int) -> Session {
        var fields = [Field("Saved", "2025-11-2\(random.int(1...9))T12:00:00Z"), Field("By", "amina")]
        if random.chance(0.5) { fields.append(Field("Message", text(&random))) }
        fields.append(Field("Summary", "+1 person"))
        for _ in 0..<random.int(0...3) { fields.append(Field("Command", "add person " + Quoting.word(text(&random, lines: 1...2)))) }
        return Session(revision: revision, fields: fields)
    }

    /// `caseFile` after `count` random edits.
    static func edit(_ caseFile: CaseFile, _ random: inout ReviewRandom, count: Int) -> CaseFile {
        var result = caseFile
        for _ in 0..<count { editOnce(&result, &random) }
        return result
    }

    static func editOnce(_ result: inout CaseFile, _ random: inout ReviewRandom) {
        let ids = Array(result.entries.keys).sorted()
        let choice = random.int(0...15)
        if ids.isEmpty || choice == 0 {
            result.put(makeEntry(&random, in: result))
            return
        }
        let id = random.pick(ids)
        guard var entry = result[id] else { return }
        switch choice {
        case 1: result.removeEntry(id)
        case 2:
            // A rename: the same content under a new Id.
            var renamed = entry
            renamed.id = freshId(&random, in: result)
            result.removeEntry(id)
            result.put(renamed)
            // As `rename` does, most of the time: links and notes follow.
            guard random.chance(0.7) else { return }
            for (key, link) in result.links where key.from == id || key.to == id {
                var moved = link
                moved.key = LinkKey(from: key.from == id ? renamed.id : key.from, rel: key.rel,
                                    to: key.to == id ? renamed.id : key.to)
                result.removeLink(key)
                if result.links[moved.key] == nil { result.put(moved) }
            }
            for (key, note) in result.notes where key.on == id {
                var moved = note
                moved.key.on = renamed.id
                result.removeNote(key)
                if result.notes[moved.key] == nil { result.put(moved) }
            }
        case 3:
            // The kind changes under the same Id.
            var other = makeEntry(&random, in: result, kind: random.pick(Kind.identified.filter { $0 != entry.kind }))
            other.id = id
            result.removeEntry(id)
            result.put(other)
        case 4, 5:
            let name = entry.fields.first(where: { $0.name != "Tag" })?.name ?? "Custom"
            if entry.kind.hasId, entry["Text"] != nil, random.chance(0.6) {
                var lines = FieldsDiff.lines(entry["Text"] ?? "")
                let at = random.int(0...(lines.count - 1))
                if random.chance(0.5) { lines[at] = text(&random) } else { lines.insert(text(&random), at: at) }
                entry.set("Text", lines.joined(separator: "\n"))
            } else {
                let value = text(&random)
                entry.set(name, value.isEmpty ? "x" : value)
            }
            result.put(entry)
        case 6:
            entry.append("Tag", word(&random))
            result.put(entry)
        case 7:
            if let tag = entry.tags.first { entry.remove("Tag", value: tag) } else { entry.set("Custom", nil) }
            result.put(entry)
        case 8:
            entry.comments = random.chance(0.5) ? [] : [" note to self " + word(&random)]
            result.put(entry)
        case 9: result.put(makeLink(&random, ids: ids))
        case 10:
            if let key = result.links.keys.sorted().first { result.removeLink(key) }
        case 11:
            if let key = result.links.keys.sorted().last, var link = result.links[key] {
                link.fields = random.chance(0.5) ? [] : [Field("Note", text(&random))]
                result.put(link)
            }
        case 12: result.put(makeNote(&random, ids: ids))
        case 13:
            if let key = result.notes.keys.sorted().first { result.removeNote(key) }
        case 14:
            var header = result.header
            header.set("Title", random.chance(0.8) ? text(&random) : nil)
            header.set("Revision", String(header.revision + 1))
            result.header = header
            result.sessions.append(makeSession(&random, revision: (result.sessions.map(\.revision).max() ?? 0) + 1))
        default:
            if random.chance(0.3) {
                result.trailingComments = random.chance(0.5) ? [] : ["changed " + word(&random)]
            } else if random.chance(0.3) {
                result.leadingComments = random.chance(0.5) ? [] : [" top changed " + word(&random)]
            } else if result.foreign.isEmpty {
                result.foreign.append(ForeignSection(descriptor: [Field("%rec", "Extra")],
                                                     records: [ForeignRecord(fields: [Field("Key", word(&random))])]))
            } else {
                result.foreign[0].records.append(ForeignRecord(fields: [Field("Key", word(&random))]))
            }
        }
    }

    /// Canonical bytes, leaving out the empty record descriptors the reader remembers for
    /// every type it met (a case built in memory has none; the diff treats both alike).
    static func bytes(_ caseFile: CaseFile) -> [UInt8] {
        var copy = caseFile
        copy.descriptorExtras = copy.descriptorExtras.filter { !$0.value.isEmpty }
        copy.descriptorComments = copy.descriptorComments.filter { !$0.value.isEmpty }
        return CaseWriter.bytes(of: copy)
    }

    /// The case a file with `caseFile`'s canonical bytes reads as.
    static func readBack(_ caseFile: CaseFile) throws -> CaseFile {
        try CaseReader.read(text: CaseWriter.text(of: caseFile)).caseFile
    }
}
