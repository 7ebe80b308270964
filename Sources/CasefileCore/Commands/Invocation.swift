/// A command's words sorted into positional arguments, `key=value` options and flags,
/// checked against the command's declaration.
public struct Invocation: Sendable {
    /// The command line as written.
    public var line: ScriptCommand
    /// The words naming the command (one or two).
    public var nameWords: [Word]
    /// Positional words, in order.
    public var positionals: [Word]
    /// Options by key, each value with its word.
    public var options: OptionValues
    /// Flags given, by their first spelling, with their value word if they take one.
    public var flags: [String: Word]
    /// Free `FIELD=VALUE` words for commands that take assignments.
    public var assignments: [(field: String, value: String, word: Word)]

    /// Sorts `words` (after the name) for `command`.
    public init(line: ScriptCommand, nameCount: Int, command: any ShellCommand.Type) throws(CommandError) {
        self.line = line
        nameWords = Array(line.words.prefix(nameCount))
        positionals = []
        options = OptionValues()
        flags = [:]
        assignments = []
        let words = line.words.dropFirst(nameCount)
        positionals.reserveCapacity(words.count)
        let takesQuery = command.arguments.contains { $0.kind == .query }
        let takesAssignments = command.arguments.contains { $0.kind == .assignment }
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            if !word.isQuoted, word.raw.hasPrefix("-"), word.raw.count > 1 {
                if let flag = command.flags.first(where: { $0.names.contains(word.raw) }) {
                    var value = word
                    if flag.value != nil {
                        guard index < words.endIndex else {
                            throw CommandError("\(word.raw) needs a value", at: word, hint: "usage: \(command.usage)")
                        }
                        value = words[index]
                        index += 1
                    }
                    flags[flag.names[0]] = value
                    continue
                }
                if !takesQuery {
                    let names = command.flags.flatMap(\.names)
                    throw CommandError("\(command.name) has no flag \(word.raw)", at: word,
                                       hint: Suggestions.hint(for: word.raw, in: names)
                                           ?? "quote the word if it is text; usage: \(command.usage)")
                }
            }
            if let option = word.option {
                let key = option.key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? option.key.lowercased() : option.key
                if let spec = command.options.first(where: { $0.key == key }) {
                    if !spec.isRepeatable, options.first(spec.key) != nil {
                        throw CommandError("\(spec.key)= is given twice", at: word, hint: "give it once")
                    }
                    var valueWord = word
                    valueWord.text = option.value
                    options.append(valueWord, for: spec.key)
                    continue
                }
                if takesAssignments {
                    assignments.append((option.key, option.value, word))
                    continue
                }
                if !takesQuery {
                    let keys = command.options.map { $0.key + "=" }
                    var hint = Suggestions.hint(for: option.key + "=", in: keys)
                    if hint == nil {
                        hint = keys.isEmpty ? "\(command.name) takes no options; quote the word if it is text"
                            : "options: \(keys.joined(separator: " ")); quote the word if it is text"
                    }
                    throw CommandError("\(command.name) has no option \(option.key)=", at: word, hint: hint)
                }
            }
            positionals.append(word)
        }
        try checkCount(command)
    }

    private func checkCount(_ command: any ShellCommand.Type) throws(CommandError) {
        // Counted without building lists: this runs for every command of a replay.
        let arguments = command.arguments
        var positionalCount = 0
        var required = 0
        var repeats = false
        for spec in arguments where spec.kind != .assignment {
            positionalCount += 1
            if !spec.isOptional { required += 1 }
            if spec.isRepeating { repeats = true }
        }
        if positionals.count >= required && (repeats || positionals.count <= positionalCount) { return }
        let specs = arguments.filter { $0.kind != .assignment }
        if positionals.count < required {
            let missing = specs.filter { !$0.isOptional }[positionals.count]
            // Point just past the last word, where the missing one would go.
            let end = line.words.last.map { Word("", line: $0.line, column: $0.column + $0.raw.count) }
            throw CommandError("\(command.name) needs \(missing.name)", at: end, hint: "usage: \(command.usage)")
        }
        if !repeats && positionals.count > specs.count {
            let extra = positionals[specs.count]
            var hint = "usage: \(command.usage)"
            if specs.last?.kind == .text { hint = "quote text with spaces: \"…\"; " + hint }
            throw CommandError("unexpected '\(extra.text)'", at: extra, hint: hint)
        }
    }

    /// The positional word at `index`, if given.
    public func word(_ index: Int) -> Word? { index < positionals.count ? positionals[index] : nil }

    /// The text of positional `index` ("" when absent: callers only ask for required ones).
    public func text(_ index: Int) -> String { word(index)?.text ?? "" }

    /// The value of option `key`.
    public func option(_ key: String) -> String? { options.first(key)?.text }

    /// Every value of a repeatable option.
    public func optionValues(_ key: String) -> [String] { options[key]?.map(\.text) ?? [] }

    /// Whether a flag was given.
    public func has(_ flag: String) -> Bool { flags[flag] != nil }

    /// The value word of a flag that takes one.
    public func flagValue(_ flag: String) -> String? { flags[flag]?.text }
}

/// The `key=value` options of one command line: a few words, each with its key, looked
/// up by comparing keys (no table to allocate and hash into for every command of a replay).
public struct OptionValues: Sendable {
    private var given: [(key: String, word: Word)] = []

    /// No options.
    public init() {}

    /// The value words given for `key`, in order, or nil when it was not given.
    public subscript(key: String) -> [Word]? {
        let words = given.compactMap { $0.key == key ? $0.word : nil }
        return words.isEmpty ? nil : words
    }

    /// The first value word given for `key`.
    public func first(_ key: String) -> Word? { given.first { $0.key == key }?.word }

    /// Whether no option was given.
    public var isEmpty: Bool { given.isEmpty }

    /// Adds a value word for `key`.
    mutating func append(_ word: Word, for key: String) { given.append((key, word)) }
}
