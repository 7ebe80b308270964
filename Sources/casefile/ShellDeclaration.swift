import ArgumentParser
import CasefileCore

/// What the command line says about a subcommand that is also a shell command comes from
/// the shell command's declaration (the registry's): summary, help, the flags both take
/// (their spellings, help, defaults) and the messages for bad values, so the two cannot
/// drift apart.
enum ShellDeclaration {
    /// The one-line summary of the shell command `name`.
    static func summary(of name: String) -> String {
        CommandRegistry.standard.command(named: name)?.summary ?? ""
    }

    /// The fuller help of the shell command `name`.
    static func help(of name: String) -> String {
        CommandRegistry.standard.command(named: name)?.help ?? ""
    }

    /// The flag spelt `flag` of the shell command `name`. A flag the command line shares
    /// must be declared there; its absence is a programming error caught by the tests.
    static func flag(_ flag: String, of name: String) -> FlagSpec {
        CommandRegistry.standard.command(named: name)?.flags.named(flag) ?? FlagSpec([flag])
    }

    /// The flag's spellings as argument-parser names (`--limit` long, `-n` short). With
    /// `longOnly` the one-letter spellings are left out: `casefile search` reads `-word`
    /// as an exclusion in the query, so `-kind:post` must not be taken for `-n`.
    static func names(_ flag: String, of name: String, longOnly: Bool = false) -> NameSpecification {
        NameSpecification(self.flag(flag, of: name).names.compactMap { spelling -> NameSpecification.Element? in
            if spelling.hasPrefix("--") { return .customLong(String(spelling.dropFirst(2))) }
            if !longOnly, spelling.hasPrefix("-"), spelling.count == 2, let letter = spelling.last { return .customShort(letter) }
            return nil
        })
    }

    /// The flag's help, with its default, and its value's name.
    static func argumentHelp(_ flag: String, of name: String) -> ArgumentHelp {
        let spec = self.flag(flag, of: name)
        let text = spec.help + (spec.defaultValue.map { " (default \($0))" } ?? "")
        return ArgumentHelp(text, valueName: spec.value == nil ? nil : "n")
    }

    /// The number given to a shared `.number` flag, checked with the shell's message.
    static func number(_ text: String?, flag: String, of name: String) throws -> Int? {
        guard let text else { return nil }
        let spec = self.flag(flag, of: name)
        if let problem = spec.numberProblem(text) { throw ValidationError(problem) }
        return Int(text)
    }

    /// The default of a shared flag, as a number.
    static func defaultNumber(_ flag: String, of name: String) -> Int? {
        self.flag(flag, of: name).defaultValue.flatMap { Int($0) }
    }
}
