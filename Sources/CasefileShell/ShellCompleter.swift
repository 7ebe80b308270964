import CasefileCore
import Foundation
import LineEditor

/// Tab completion by context, driven by the command registry: command names, then for
/// each argument what its declaration says it holds (Ids, handles and names in any
/// script, kinds, relations, fields, languages, statuses, paths), and `key=` options.
public final class ShellCompleter: Completer {
    let notebook: Notebook
    /// Languages offered for `lang=` and LANG arguments.
    static let languages = ["en", "ru", "kk", "uk", "ky", "uz", "tg", "tk", "be", "az", "hy", "ka", "de", "fr", "es", "tr",
                            "zh", "ar", "fa"]
    static let limit = 200

    /// A completer for `notebook`'s case and commands.
    public init(notebook: Notebook) { self.notebook = notebook }

    public func complete(line: String, cursor: Int) -> Completion {
        let before = String(line.prefix(cursor))
        let (words, current, start) = Self.split(before)
        let registry = notebook.registry
        if words.isEmpty {
            let names = Set(registry.allNames.map { String($0.split(separator: " ")[0]) })
            return completion(start, names.sorted().filter { $0.hasPrefix(current) }.map { Completion.Candidate($0) })
        }
        if words.count == 1 {
            let family = registry.allNames.filter { $0.hasPrefix(words[0] + " ") }
            if !family.isEmpty {
                let kinds = family.map { String($0.dropFirst(words[0].count + 1)) }
                return completion(start, kinds.filter { $0.hasPrefix(current) }.map { Completion.Candidate($0) })
            }
        }
        var command: (any ShellCommand.Type)?
        var nameCount = 1
        if words.count >= 2, let found = registry.command(named: words[0] + " " + words[1]) {
            command = found
            nameCount = 2
        } else {
            command = registry.command(named: words[0])
        }
        guard let command else { return .none }
        if command.name == "help" {
            return completion(start, registry.allNames.filter { $0.hasPrefix(current) }.map { Completion.Candidate($0) })
        }
        // An option's value: `key=` then the value's kind.
        if let equals = current.firstIndex(of: "="), let key = Optional(String(current[..<equals])) {
            let valuePrefix = String(current[current.index(after: equals)...])
            let kind = command.options.first { $0.key == key.lowercased() }?.kind
                ?? (command.arguments.contains { $0.kind == .assignment } ? fieldKind(key) : nil)
            guard let kind else { return .none }
            let offset = start + key.count + 1
            return completion(offset, candidates(for: kind, prefix: valuePrefix, words: words, nameCount: nameCount))
        }
        if current.hasPrefix("-") {
            let flags = command.flags.flatMap(\.names).filter { $0.hasPrefix(current) }
            return completion(start, flags.map { Completion.Candidate($0) })
        }
        if let flag = command.flags.first(where: { $0.names.contains(words.last ?? "") }), let kind = flag.value {
            return completion(start, candidates(for: kind, prefix: current, words: words, nameCount: nameCount))
        }
        let positionals = words.dropFirst(nameCount).filter { !$0.contains("=") && !$0.hasPrefix("-") }
        let specs = command.arguments.filter { $0.kind != .assignment }
        var results: [Completion.Candidate] = []
        var kind: ArgumentKind?
        if positionals.count < specs.count {
            kind = specs[positionals.count].kind
        } else if let last = specs.last, last.isRepeating {
            kind = last.kind
        }
        if let kind { results = candidates(for: kind, prefix: current, words: words, nameCount: nameCount) }
        if command.arguments.contains(where: { $0.kind == .assignment }), positionals.count >= 1,
           let entry = try? notebook.resolve(Word(positionals[0])) {
            let fields = fieldNames(for: entry).filter { $0.hasPrefix(current.lowercased()) }
            results += fields.map { Completion.Candidate($0 + "=", appendsSpace: false) }
        }
        if !current.isEmpty || results.isEmpty {
            results += command.options.map { $0.key + "=" }.filter { $0.hasPrefix(current) }
                .map { Completion.Candidate($0, appendsSpace: false) }
        }
        return completion(start, results)
    }

    private func completion(_ start: Int, _ candidates: [Completion.Candidate]) -> Completion {
        Completion(start: start, candidates: Array(candidates.prefix(Self.limit)))
    }

    /// Candidates for an argument of `kind` beginning with `prefix`.
    func candidates(for kind: ArgumentKind, prefix: String, words: [String], nameCount: Int) -> [Completion.Candidate] {
        switch kind {
        case .entry:
            return entryCandidates(prefix, kinds: [])
        case .person:
            return entryCandidates(prefix, kinds: [.person])
        case .original:
            return entryCandidates(prefix, kinds: [.post, .quote])
        case .translation:
            return entryCandidates(prefix, kinds: [.translation])
        case .source:
            return entryCandidates(prefix, kinds: [.source])
        case .kind:
            return Kind.allCases.map(\.word).filter { $0.hasPrefix(prefix) }.map { Completion.Candidate($0) }
        case .relation:
            return notebook.caseFile.relationWords.filter { $0.hasPrefix(prefix) }.map { Completion.Candidate($0) }
        case .language:
            return Self.languages.filter { $0.hasPrefix(prefix) }.map { Completion.Candidate($0) }
        case .status:
            return CaseValidator.statuses.filter { $0.hasPrefix(prefix) }.map { Completion.Candidate($0) }
        case .command:
            return notebook.registry.allNames.filter { $0.hasPrefix(prefix) }.map { Completion.Candidate($0) }
        case .field:
            let positionals = words.dropFirst(nameCount)
            guard let id = positionals.first, let entry = try? notebook.resolve(Word(id)) else { return [] }
            return fieldNames(for: entry).filter { $0.hasPrefix(prefix.lowercased()) }.map { Completion.Candidate($0) }
        case .path:
            return PathCompletion.candidates(prefix)
        case .tag, .text, .date, .query, .newId, .assignment, .number, .word:
            return []
        }
    }

    /// Ids of `kinds` (any kind when empty) by prefix; `@handles`; and people whose name
    /// starts with the word in any script.
    func entryCandidates(_ prefix: String, kinds: Set<Kind>) -> [Completion.Candidate] {
        let peopleAllowed = kinds.isEmpty || kinds.contains(.person)
        if prefix.hasPrefix("@") {
            guard peopleAllowed else { return [] }
            return notebook.handles(withPrefix: prefix, limit: Self.limit).map { Completion.Candidate($0) }
        }
        var seen = Set<String>()
        var results: [Completion.Candidate] = []
        // Ids of other kinds are skipped, so a few more are looked at than are offered.
        let scanned = kinds.isEmpty ? Self.limit : Self.limit * 8
        for id in notebook.ids(withPrefix: prefix.lowercased(), limit: scanned) where results.count < Self.limit {
            guard let entry = notebook.caseFile[id], kinds.isEmpty || kinds.contains(entry.kind) else { continue }
            seen.insert(id)
            results.append(Completion.Candidate(id, display: display(entry)))
        }
        // Names in any script: always for a non-ASCII prefix (Айт → aitelenov); for an
        // ASCII one only when no Id starts with it (nurali → aitelenov), so Id completion
        // never waits for the name index to be built on a large case.
        let ascii = prefix.utf8.allSatisfy { $0 < 0x80 }
        if peopleAllowed, !prefix.isEmpty && (!ascii || results.isEmpty) {
            for id in notebook.people(withNamePrefix: prefix, limit: Self.limit) where !seen.contains(id) {
                guard let entry = notebook.caseFile[id] else { continue }
                results.append(Completion.Candidate(id, display: display(entry)))
            }
        }
        return results
    }

    private func display(_ entry: Entry) -> String {
        guard let name = entry.name else { return entry.id }
        return Terminal.visible("\(entry.id) (\(TextWidth.truncate(name, to: 30)))", keepNewlines: false)
    }

    private func fieldNames(for entry: Entry) -> [String] {
        var names = entry.schema.fields.filter { $0 != "Id" }.map { $0.lowercased() }
        for field in entry.fields where !names.contains(field.name.lowercased()) { names.append(field.name.lowercased()) }
        return names
    }

    private func fieldKind(_ key: String) -> ArgumentKind? {
        switch key.lowercased() {
        case "lang": return .language
        case "status": return .status
        case "author", "speaker": return .person
        case "of": return .original
        case "source": return .source
        case "post": return .entry
        default: return nil
        }
    }

    /// The finished words before the cursor, the word being typed, and its start (characters).
    static func split(_ text: String) -> (words: [String], current: String, start: Int) {
        var words: [String] = []
        var current = ""
        var start = 0
        var quote: Character?
        var offset = 0
        var inWord = false
        for character in text {
            defer { offset += 1 }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
                continue
            }
            if !inWord { start = offset; inWord = true }
            if character == "\"" || character == "'" { quote = character; continue }
            current.append(character)
        }
        if !inWord { start = offset }
        return (words, current, start)
    }
}

/// File-name completion for open, save --as and source.
enum PathCompletion {
    static func candidates(_ prefix: String) -> [Completion.Candidate] {
        let expanded = prefix.hasPrefix("~/") ? NSHomeDirectory() + prefix.dropFirst(1) : prefix
        let folder: String
        let namePrefix: String
        if let slash = expanded.lastIndex(of: "/") {
            folder = String(expanded[...slash])
            namePrefix = String(expanded[expanded.index(after: slash)...])
        } else {
            folder = ""
            namePrefix = expanded
        }
        let typedFolder = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return []
        }
        return names.filter { $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix(".")) }.sorted()
            .prefix(ShellCompleter.limit).map { name in
                var isFolder: ObjCBool = false
                let isDirectory = FileManager.default.fileExists(atPath: folder + name, isDirectory: &isFolder) && isFolder.boolValue
                return isDirectory ? Completion.Candidate(typedFolder + name + "/", display: name + "/", appendsSpace: false)
                    : Completion.Candidate(typedFolder + name, display: name)
            }
    }
}
