/// Lays a `CaseDiff` out for reading on a terminal: one heading per record
/// (`+` added, `-` removed, `~` changed, `>` renamed), then its fields; a changed
/// multi-line value is shown line by line. Colour is the caller's decision (a
/// terminal, and no NO_COLOR); every value is made safe with `Terminal.visible`.
public struct DiffRenderer {
    /// Whether to use ANSI colour.
    public var colour: Bool
    /// How many unchanged lines to show around a changed line of a long text.
    public var context = 2

    /// Creates a renderer.
    public init(colour: Bool = false) { self.colour = colour }

    /// The diff's lines (empty when the cases are the same).
    public func lines(_ diff: CaseDiff) -> [String] {
        var out: [String] = []
        let ripples = Ripples(diff)
        var shown: Set<String> = []
        for change in diff.changes {
            guard change.follows, let group = ripples.group(of: change), group.count > 1 || change.subject.kind?.hasId == true else {
                out += lines(change)
                continue
            }
            // A reference carried along by a rename or a merge: one line for all of them.
            if shown.insert(group.key).inserted { out.append(paint(ripples.line(group, visible: visible), .changed)) }
        }
        if let layout = diff.layout {
            for description in layout.descriptions {
                out.append(paint("~ " + description, .changed))
                // Comments at the top and the end belong to no record: shown line by line
                // under their heading, as a record's comments are.
                if description == LayoutChange.topComments {
                    out += commentLines(EditScript.diff(layout.leadingComments.old, layout.leadingComments.new))
                } else if description == LayoutChange.endComments {
                    out += commentLines(EditScript.diff(layout.trailingComments.old, layout.trailingComments.new))
                }
            }
        }
        return out
    }

    /// The added and removed lines of a comment script.
    private func commentLines(_ script: [Edit<String>]) -> [String] {
        script.compactMap { comment in
            switch comment {
            case .same: return nil
            case .removed(let text): return paint("  - #" + visible(text), .removed)
            case .added(let text): return paint("  + #" + visible(text), .added)
            }
        }
    }

    /// The lines of one record's change.
    public func lines(_ change: RecordChange) -> [String] {
        var out = [paint(heading(change), change.action)]
        if change.action == .renamed { return out }
        out += commentLines(change.comments)
        // A new session's commands are counted (log -v lists them); a past one changed
        // outside casefile shows each command line that changed.
        let sessionCommands = change.subject.kind == .session && change.action != .changed
        var commandCounts = (removed: 0, added: 0)
        for edit in change.fields.edits {
            // A save's hashes are for tools (revision --check), not for reading.
            if sessionCommands, edit.name == SessionChain.hashField || edit.name == SessionChain.previousField { continue }
            if sessionCommands, edit.name == "Command" {
                switch edit {
                case .removed: commandCounts.removed += 1
                case .added: commandCounts.added += 1
                case .changed: commandCounts.removed += 1; commandCounts.added += 1
                case .same: break
                }
                continue
            }
            switch edit {
            case .same:
                continue
            case .removed(let field):
                out += fieldLines(field, sign: change.action == .removed ? " " : "-", action: .removed)
            case .added(let field):
                out += fieldLines(field, sign: change.action == .added ? " " : "+", action: .added)
            case let .changed(name, old, new, lines):
                if let lines {
                    out.append("    \(name):")
                    out += textLines(lines)
                } else if Self.showsWords(name, old, new), let words = WordDiff.inline(old, new, colour: colour) {
                    out.append("    \(name): " + words)
                } else {
                    out.append("    \(name): " + paint(visible(old), .removed) + " → " + paint(visible(new), .added))
                }
            }
        }
        if commandCounts.added > 0 { out.append("    \(commandCounts.added) command line\(commandCounts.added == 1 ? "" : "s") (casefile log -v)") }
        if commandCounts.removed > 0, change.action != .removed {
            out.append(paint("  - \(commandCounts.removed) command line\(commandCounts.removed == 1 ? "" : "s")", .removed))
        }
        return out
    }

    /// Counts per kind and action, and a total line.
    public func stat(_ diff: CaseDiff) -> [String] {
        let counts = diff.workCounts
        var out: [String] = []
        let actions = RecordChange.Action.allCases
        out.append(TextWidth.pad("", to: 12) + actions.map { TextWidth.pad($0.rawValue, to: 9) }.joined())
        var totals: [RecordChange.Action: Int] = [:]
        for kind in [nil] + Kind.allCases.map(Optional.some) {
            guard let byAction = counts[kind] else { continue }
            var row = TextWidth.pad(kind?.word ?? "header", to: 12)
            for action in actions {
                let count = byAction[action] ?? 0
                totals[action, default: 0] += count
                let cell = String(count)
                row += String(repeating: " ", count: max(0, 7 - cell.count)) + cell + "  "
            }
            out.append(row)
        }
        if let layout = diff.layout { out.append("layout: " + layout.descriptions.joined(separator: "; ")) }
        let total = actions.compactMap { action -> String? in
            guard let count = totals[action], count > 0 else { return nil }
            return "\(count) \(action.rawValue)"
        }
        out.append(total.isEmpty ? "no record changed" : total.joined(separator: ", "))
        if diff.followingCount > 0 { out.append("\(Plural.count(diff.followingCount, "record")) only follow\(diff.followingCount == 1 ? "s" : "") a rename or a merge") }
        // Cells are padded to line up; a line does not end in that padding.
        return out.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
    }

    private func heading(_ change: RecordChange) -> String {
        let sign: String
        switch change.action {
        case .added: sign = "+"
        case .removed: sign = "-"
        case .changed: sign = "~"
        case .renamed: sign = ">"
        }
        switch change.subject {
        case .header:
            return "\(sign) header"
        case let .entry(kind, id):
            if change.action == .removed, let keep = change.renamedTo {
                return "\(sign) \(kind.word) \(visible(id)) → merged into \(visible(keep)) (its references, links and notes moved there)"
            }
            if let newId = change.renamedTo { return "\(sign) \(kind.word) \(visible(id)) → \(visible(newId)) (renamed)" }
            return "\(sign) \(kind.word) \(visible(id))"
        case let .link(key):
            var heading = "\(sign) link \(visible(key.from)) \(visible(key.rel)) \(visible(key.to))"
            if case let .link(new)? = change.movedTo {
                heading += " → \(visible(new.from)) \(visible(new.rel)) \(visible(new.to)) (follows the rename)"
            }
            return heading
        case let .note(key):
            let by = [key.at, key.by].filter { !$0.isEmpty }.joined(separator: " by ")
            var heading = "\(sign) note on \(visible(key.on))" + (by.isEmpty ? "" : ", " + visible(by))
            let text = FieldsDiff.lines(key.text)
            heading += ": " + visible(text[0]) + (text.count > 1 ? " …" : "")
            if case let .note(new)? = change.movedTo { heading += " → on \(visible(new.on)) (follows the rename)" }
            return heading
        case let .session(revision):
            if change.action == .changed { return "\(sign) revision \(revision)'s session record was modified" }
            return "\(sign) session, revision \(revision)"
        }
    }

    /// A field as `Name: value`, or `Name:` and its lines when it has several.
    private func fieldLines(_ field: Field, sign: String, action: RecordChange.Action) -> [String] {
        let lines = FieldsDiff.lines(field.value)
        let lead = "  \(sign) "
        if lines.count == 1 { return [paint(lead + field.name + ": " + visible(field.value), action)] }
        return [paint(lead + field.name + ":", action)]
            + lines.map { paint(lead + "    " + visible($0), action) }
    }

    /// A changed text, line by line, long unchanged stretches cut to `context` lines.
    private func textLines(_ script: [Edit<String>]) -> [String] {
        var keep = [Bool](repeating: false, count: script.count)
        for (index, edit) in script.enumerated() {
            if case .same = edit { continue }
            for near in max(0, index - context)...min(script.count - 1, index + context) { keep[near] = true }
        }
        let (pairs, pairedAdded) = Self.pairLines(script)
        var out: [String] = []
        var skipped = false
        for (index, edit) in script.enumerated() {
            guard keep[index] else {
                if !skipped { out.append("        …") }
                skipped = true
                continue
            }
            skipped = false
            switch edit {
            case .same(let line): out.append("        " + visible(line))
            case .removed(let line):
                if let partner = pairs[index], let words = WordDiff.inline(line, partner, colour: colour) {
                    out.append("      ~ " + words)
                } else {
                    out.append(paint("      - " + visible(line), .removed))
                }
            case .added(let line):
                if pairedAdded.contains(index) { continue }
                out.append(paint("      + " + visible(line), .added))
            }
        }
        return out
    }

    private func visible(_ text: String) -> String { Terminal.visible(text, keepNewlines: false) }

    /// Whether a changed one-line value reads better with its changed words marked than
    /// as old → new: a text, or a value of several words.
    static func showsWords(_ name: String, _ old: String, _ new: String) -> Bool {
        name == "Text" || name == "Message" || (WordDiff.tokens(old).count >= 5 && WordDiff.tokens(new).count >= 5)
    }

    /// In each run of removed lines followed by as many added ones, the added line paired
    /// with each removed one (by position in the script) when they share words, and the
    /// added lines so paired (shown with their partner, not again).
    static func pairLines(_ script: [Edit<String>]) -> (partners: [Int: String], paired: Set<Int>) {
        var partners: [Int: String] = [:]
        var paired: Set<Int> = []
        var index = 0
        while index < script.count {
            var removed: [Int] = []
            while index < script.count, case .removed = script[index] { removed.append(index); index += 1 }
            var added: [Int] = []
            while index < script.count, case .added = script[index] { added.append(index); index += 1 }
            if removed.isEmpty && added.isEmpty { index += 1; continue }
            guard removed.count == added.count else { continue }
            for (r, a) in zip(removed, added) {
                guard case let .removed(old) = script[r], case let .added(new) = script[a],
                      WordDiff.inline(old, new, colour: false) != nil else { continue }
                partners[r] = new
                paired.insert(a)
            }
        }
        return (partners, paired)
    }

    func paint(_ text: String, _ action: RecordChange.Action) -> String {
        guard colour else { return text }
        switch action {
        case .added: return Terminal.styled(text, .added)
        case .removed: return Terminal.styled(text, .removed)
        case .changed: return Terminal.styled(text, .changed)
        case .renamed: return Terminal.styled(text, .renamed)
        }
    }
}
