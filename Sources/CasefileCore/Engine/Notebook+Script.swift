/// How a script is replayed.
public struct ScriptOptions: Sendable {
    /// Stop at the first error (the default) or run the rest and report every error.
    public var keepGoing = false
    /// Print each command before it runs.
    public var echo = false

    /// Creates options.
    public init(keepGoing: Bool = false, echo: Bool = false) {
        self.keepGoing = keepGoing
        self.echo = echo
    }
}

/// What a replay did.
public struct ScriptReport: Sendable {
    /// Commands run without error.
    public var succeeded = 0
    /// Rendered errors, in order.
    public var errors: [String] = []
    /// Whether the script ended with a `quit`.
    public var quit = false
}

extension Notebook {
    /// Runs the commands of `text` (a script called `name` in messages).
    public func runScript(_ text: String, name: String, options: ScriptOptions = ScriptOptions()) -> ScriptReport {
        var report = ScriptReport()
        let lexed = Lexer.lex(text)
        for line in lexed.commands {
            if options.echo { say("> " + line.source) }
            do {
                try execute(line)
                report.succeeded += 1
            } catch {
                report.errors.append(ErrorRenderer.render(error, file: name, source: text))
                if !options.keepGoing { return report }
            }
            if wantsToQuit {
                report.quit = true
                return report
            }
        }
        for error in lexed.errors {
            report.errors.append(ErrorRenderer.render(CommandError(error), file: name, source: text))
        }
        return report
    }

    /// Runs one line typed in the shell (possibly several commands, or a here-document
    /// gathered over several lines); errors are rendered without a file name.
    @discardableResult
    public func runInteractive(_ text: String) -> [String] {
        var errors: [String] = []
        let lexed = Lexer.lex(text)
        for line in lexed.commands {
            do {
                try execute(line)
            } catch {
                errors.append(ErrorRenderer.render(error, file: nil, source: text))
                break
            }
        }
        for error in lexed.errors where errors.isEmpty {
            errors.append(ErrorRenderer.render(CommandError(error), file: nil, source: text))
        }
        return errors
    }
}
