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

/// Room for what a script adds, by table.
struct Room: Equatable {
    var entries = 0
    var links = 0
    var notes = 0
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
        let outerRoom = scriptRoom
        scriptRoom = room(for: lexed.commands) ?? outerRoom
        defer { scriptRoom = outerRoom }
        if let room = scriptRoom, room != outerRoom { makeRoom(room) }
        var lines: SourceLines?
        func render(_ error: CommandError) -> String {
            if lines == nil { lines = SourceLines(text) }
            return ErrorRenderer.render(error, file: name, lines: lines ?? SourceLines(text))
        }
        for line in lexed.commands {
            // Ctrl-C stops a script between two commands, as an error there would.
            if isInterrupted() {
                report.errors.append(render(CommandError("interrupted (Ctrl-C) before this command", at: line.words.first)))
                return report
            }
            if options.echo { say("> " + line.source) }
            do {
                try execute(line)
                report.succeeded += 1
            } catch {
                report.errors.append(render(error))
                if !options.keepGoing { return report }
            }
            if wantsToQuit {
                report.quit = true
                return report
            }
        }
        for error in lexed.errors {
            report.errors.append(render(CommandError(error)))
        }
        return report
    }

    /// What a long script's commands add (entries, links, notes): the case's tables and the
    /// baseline are sized for it before it runs, so they are not grown step by step (each
    /// growth hashes every key again). Commands that fail or add nothing leave room unused,
    /// at most one slot per command. Nil for a short script.
    func room(for commands: [ScriptCommand]) -> Room? {
        guard commands.count >= 1000 else { return nil }
        var counts = [Int](repeating: 0, count: Kind.allCases.count)
        // A script repeats a few commands many times: each name is resolved once.
        var byName: [String: Kind?] = [:]
        var byTwoWords: [String: [String: Kind?]] = [:]
        for line in commands {
            guard let first = line.words.first?.text else { continue }
            let second = line.words.count > 1 ? line.words[1].text : ""
            var adds: Kind?? = byName[first] ?? byTwoWords[first]?[second]
            if adds == nil, let resolved = try? registry.resolve(line) {
                adds = .some(resolved.command.adds)
                if resolved.nameCount == 1 { byName[first] = adds } else { byTwoWords[first, default: [:]][second] = adds }
            }
            if let kind = adds ?? nil { counts[kind.ordinal] += 1 }
        }
        let room = Room(entries: Kind.identified.reduce(0) { $0 + counts[$1.ordinal] },
                        links: counts[Kind.link.ordinal], notes: counts[Kind.note.ordinal])
        return room.entries + room.links + room.notes > 0 ? room : nil
    }

    /// Makes `room` in the case's tables and the baseline (again after a `new` or `open`
    /// in the script replaced the case).
    func makeRoom(_ room: Room) {
        caseFile.reserveCapacity(entries: caseFile.entries.count + room.entries, links: caseFile.links.count + room.links,
                                 notes: caseFile.notes.count + room.notes)
        log.baseline.reserveCapacity(entries: room.entries, links: room.links, notes: room.notes)
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

extension Notebook {
    /// Replays one `Command` value of a saved session (one command; a here-document makes
    /// it span lines) as the session that wrote it ran it, so a replay of every session's
    /// commands from an empty case rebuilds the case.
    public func replayLogged(_ entry: String) throws(CommandError) {
        let lexed = Lexer.lex(entry)
        if let error = lexed.errors.first { throw CommandError(error) }
        for line in lexed.commands { try execute(line) }
    }
}
