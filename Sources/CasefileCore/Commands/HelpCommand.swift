import Foundation

/// `help [COMMAND]`: the commands by group, or one command in full.
struct HelpCommand: ShellCommand {
    static let name = "help"
    static let aliases = ["?"]
    static let group = CommandGroup.viewing
    static let usage = "help [COMMAND]"
    static let summary = "List the commands, or explain one with its usage and an example."
    static let example = "help link"
    static let arguments = [ArgumentSpec("COMMAND", .command, optional: true, repeating: true)]
    static let readsCase = false

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let registry = notebook.registry
        guard let first = call.word(0) else {
            for line in HelpText.overview(registry, width: notebook.output.width) { notebook.output.line(line) }
            return
        }
        let name = call.positionals.map(\.text).joined(separator: " ")
        if let found = registry.command(named: name) {
            for line in HelpText.detail(found, width: notebook.output.width) { notebook.output.line(line) }
            if found.arguments.contains(where: { $0.kind == .relation }) {
                for line in HelpText.relations(of: notebook.caseFile) { notebook.output.line(Terminal.visible(line)) }
            }
            return
        }
        let family = registry.commands.filter { $0.name.hasPrefix(name + " ") }
        if !family.isEmpty {
            for command in family { notebook.output.line("  " + command.usage) }
            notebook.output.line("type help \(family[0].name) for details")
            return
        }
        throw CommandError("no command '\(name)'", at: first,
                           hint: Suggestions.hint(for: name, in: registry.allNames) ?? "type help for the list")
    }
}

/// The text of `help`, generated from the registry (the README's reference is checked against it).
public enum HelpText {
    /// Every command by group, with its summary, wrapped at `width` under the summaries' column.
    public static func overview(_ registry: CommandRegistry, width: Int = .max) -> [String] {
        var lines: [String] = []
        for group in CommandGroup.allCases {
            let commands = registry.commands(in: group)
            guard !commands.isEmpty else { continue }
            lines.append(group.rawValue)
            for command in commands {
                let head = "  " + TextWidth.pad(command.name, to: 14)
                let column = TextWidth.of(head)
                for (index, line) in TextWidth.wrap(command.summary, width: max(20, width - column)).enumerated() {
                    lines.append((index == 0 ? head : String(repeating: " ", count: column)) + line)
                }
            }
            lines.append("")
        }
        lines += TextWidth.wrap("Type help COMMAND for its usage and an example. Ids may be given as @handles or unambiguous prefixes.",
                                width: max(20, width))
        return lines
    }

    /// The relation vocabulary of `caseFile`: the built-in words and the declared ones.
    public static func relations(of caseFile: CaseFile) -> [String] {
        var lines = ["", "relations: " + Relation.words.joined(separator: ", ")]
        let declared = caseFile.header.relations
        if !declared.isEmpty {
            lines.append("declared in this case:")
            for relation in declared {
                lines.append("  " + relation.name + (relation.description.isEmpty ? "" : " — " + relation.description))
            }
        }
        return lines
    }

    /// One command in full: usage, explanation (its paragraphs wrapped at `width`), aliases,
    /// example (as typed, never wrapped).
    public static func detail(_ command: any ShellCommand.Type, width: Int = .max) -> [String] {
        var lines = TextWidth.wrap(command.usage, width: max(20, width - 7)).enumerated()
            .map { ($0.offset == 0 ? "usage: " : "       ") + $0.element } + [""]
        guard width != .max else {
            lines += command.help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return lines + tail(command)
        }
        let paragraphs = command.help.components(separatedBy: "\n\n")
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("") }
            lines += TextWidth.wrap(paragraph.replacingOccurrences(of: "\n", with: " "), width: max(20, width))
        }
        return lines + tail(command)
    }

    private static func tail(_ command: any ShellCommand.Type) -> [String] {
        var lines: [String] = []
        let described = command.flags.filter { !$0.help.isEmpty }
        if !described.isEmpty { lines += ["", "options:"] + described.map { "  " + $0.helpLine } }
        if !command.aliases.isEmpty { lines += ["", "also: " + command.aliases.joined(separator: ", ")] }
        lines += ["", "example:"] + command.example.split(separator: "\n").map { "  " + $0 }
        return lines
    }

    /// The command reference as Markdown, for the README.
    public static func markdownReference(_ registry: CommandRegistry) -> String {
        var out = ""
        for group in CommandGroup.allCases {
            let commands = registry.commands(in: group)
            guard !commands.isEmpty else { continue }
            out += "### \(group.rawValue)\n\n"
            for command in commands {
                out += "- `\(command.usage)` — \(command.summary)"
                if !command.aliases.isEmpty { out += " (also: " + command.aliases.map { "`\($0)`" }.joined(separator: ", ") + ")" }
                out += "\n"
            }
            out += "\n"
        }
        return out
    }
}
