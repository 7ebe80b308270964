import CasefileCore

/// What the command line says about a subcommand that is also a shell command comes from
/// the shell command's declaration (the registry's), so the two cannot drift apart.
enum ShellDeclaration {
    /// The one-line summary of the shell command `name`.
    static func summary(of name: String) -> String {
        CommandRegistry.standard.command(named: name)?.summary ?? ""
    }

    /// The fuller help of the shell command `name`.
    static func help(of name: String) -> String {
        CommandRegistry.standard.command(named: name)?.help ?? ""
    }
}
