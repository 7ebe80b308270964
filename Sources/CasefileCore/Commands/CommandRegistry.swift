/// The one list of commands: dispatch, `help` and completion all read it, so they
/// cannot drift apart.
public struct CommandRegistry: Sendable {
    /// The commands, in the order `help` lists them within a group.
    public let commands: [any ShellCommand.Type]

    /// Every name and alias to its command, for dispatch without a scan.
    private let byName: [String: any ShellCommand.Type]
    /// The first words of two-word names (`add`): only these need a two-word lookup.
    private let families: Set<String>

    /// Creates a registry.
    public init(commands: [any ShellCommand.Type]) {
        self.commands = commands
        var byName: [String: any ShellCommand.Type] = [:]
        for command in commands {
            for name in [command.name] + command.aliases where byName[name] == nil { byName[name] = command }
        }
        self.byName = byName
        families = Set(byName.keys.compactMap { name in name.split(separator: " ").count > 1 ? name.split(separator: " ").first.map(String.init) : nil })
    }

    /// Every name and alias (`add person`, `quit!`, `exit`, …).
    public var allNames: [String] { commands.flatMap { [$0.name] + $0.aliases } }

    /// The command called `name` (or an alias of it).
    public func command(named name: String) -> (any ShellCommand.Type)? { byName[name] }

    /// The command a line calls and how many words its name takes.
    public func resolve(_ line: ScriptCommand) throws(CommandError) -> ResolvedCommand {
        guard let first = line.words.first else { throw CommandError("an empty command") }
        if line.words.count > 1, !line.words[1].isQuoted, families.contains(first.text),
           let found = command(named: first.text + " " + line.words[1].text) {
            return ResolvedCommand(command: found, nameCount: 2)
        }
        if !first.isQuoted, let found = command(named: first.text) {
            return ResolvedCommand(command: found, nameCount: 1)
        }
        let subcommands = commands.map { $0.name }.filter { $0.hasPrefix(first.text + " ") }
        if !subcommands.isEmpty {
            let kinds = subcommands.map { String($0.dropFirst(first.text.count + 1)) }
            var hint = "\(first.text) " + kinds.joined(separator: "|")
            guard line.words.count > 1 else { throw CommandError("\(first.text) needs a kind", at: first, hint: hint) }
            let given = line.words[1]
            if let close = Suggestions.hint(for: given.text, in: kinds) { hint = close }
            throw CommandError("\(first.text) has no kind '\(given.text)'", at: given, hint: hint)
        }
        // Only names with letters: `.` and `?` are one edit away from any one-letter word.
        let names = Set(allNames.map { String($0.split(separator: " ").first ?? "") })
            .filter { $0.contains { $0.isLetter } }
        throw CommandError("unknown command '\(first.text)'", at: first,
                           hint: Suggestions.hint(for: first.text, in: Array(names).sorted()) ?? "type 'help' for the list")
    }

    /// The commands of `group`.
    public func commands(in group: CommandGroup) -> [any ShellCommand.Type] {
        commands.filter { $0.group == group }
    }
}

/// A command found for a line, and how many words its name took.
public struct ResolvedCommand {
    /// The command.
    public var command: any ShellCommand.Type
    /// 1, or 2 for `add person` and the like.
    public var nameCount: Int
}
