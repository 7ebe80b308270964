import Foundation
@testable import CasefileCore

/// The commands beyond the everyday ones, so that the replay property covers every
/// command that changes a case: edit (a field, the whole entry), merge, pair and unpair,
/// values with carriage returns, and a session killed before its save then recovered.
extension SessionDriver {
    mutating func everyOtherCommand(people: [String], posts: [String], all: [String], phrases: [String]) -> String? {
        let translations = notebook.caseFile.entries.values.filter { $0.kind == .translation }.map(\.id).sorted()
        switch random.int(0...7) {
        case 0:
            guard let id = all.randomElement(using: &random), let entry = notebook.caseFile[id] else { return nil }
            let fields = entry.fields.map(\.name).filter { !entry.schema.repeatable.contains($0) && !entry.schema.references.contains($0) }
            return "edit \(id)" + (fields.isEmpty ? "" : " " + random.pick(fields).lowercased())
        case 1:
            return "edit \(random.pick(all))"
        case 2:
            guard people.count >= 2 else { return nil }
            return "merge \(random.pick(people)) \(random.pick(people))"
        case 3:
            guard let translation = translations.randomElement(using: &random), !posts.isEmpty else { return nil }
            return "pair \(translation) \(random.pick(posts))"
        case 4:
            guard let translation = translations.randomElement(using: &random) else { return nil }
            return "unpair \(translation)"
        case 5:
            return "annotate \(random.pick(all)) " + Quoting.word(random.pick(["a\r\r\nb", "ends in CR\r", "\r", "x\r\ny"]))
        case 6:
            return "set \(random.pick(all)) custom=" + Quoting.word(phrases[0] + "\r\n" + phrases[1] + "\r")
        default:
            return "add quote \(random.pick(people)) " + Quoting.word(phrases[0] + "\n\n" + phrases[1])
        }
    }

    /// Runs a few commands in a session that is then killed (the notebook dropped without
    /// a save: its journal stays), and recovers them in a new session.
    mutating func killAndRecover() throws {
        work(random.int(1...3))
        let unsaved = notebook.hasUnsavedChanges
        notebook.syncJournal()
        try reopen()
        if unsaved {
            let errors = notebook.runInteractive("recover")
            precondition(errors.isEmpty, "recover failed: \(errors)")
        }
    }
}

/// A stand-in for the user's editor that changes what it is shown: a line appended or a
/// CR put into a field's text; in a whole entry, a custom field added, a value changed,
/// a field or tag line removed (some results are invalid and refused, as in real use).
final class RandomEditor: TextEditing {
    private var random: ReviewRandom

    init(seed: UInt64) { random = ReviewRandom(seed: seed ^ 0xED17) }

    func edit(_ text: String, suffix: String) -> Result<String, EditingError> {
        if random.chance(0.05) { return .failure(EditingError("the editor exited with status 1; nothing changed")) }
        if suffix == ".txt" {
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return .success(random.pick([body + " (checked)", body + "\nа second line", body + "\r", "replaced\r\r\nentirely"]) + "\n")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch random.int(0...4) {
        case 0: lines.append("Role: blogger \(random.int(1...9))")
        case 1: lines.append("Tag: edited")
        case 2:
            if let index = lines.lastIndex(where: { $0.hasPrefix("Tag: ") || $0.hasPrefix("Url: ") || $0.hasPrefix("Custom: ") }) {
                lines.remove(at: index)
            }
        case 3:
            if let index = lines.firstIndex(where: { $0.hasPrefix("Text: ") || $0.hasPrefix("Name: ") || $0.hasPrefix("Title: ") }) {
                lines[index] += " (edited)"
            }
        default: lines.append("Alias: one\nAlias: two")
        }
        return .success(lines.joined(separator: "\n"))
    }
}
