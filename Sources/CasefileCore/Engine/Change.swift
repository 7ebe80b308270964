/// One reversible change to a case. A command is a list of these; undo applies their
/// inverses in reverse order, so undo costs what the command cost, not the case's size.
public enum Change: Sendable {
    /// An entry added (old nil), replaced, or removed (new nil).
    case entry(old: Entry?, new: Entry?)
    /// A link added, replaced or removed.
    case link(old: Link?, new: Link?)
    /// A note added, replaced or removed.
    case note(old: Note?, new: Note?)
    /// The header changed (title, working language).
    case header(old: CaseHeader, new: CaseHeader)

    /// Whether applying it changes nothing.
    public var isNoOp: Bool {
        switch self {
        case let .entry(old, new): return old == new
        case let .link(old, new): return old == new
        case let .note(old, new): return old == new
        case let .header(old, new): return old == new
        }
    }

    /// The change that undoes this one.
    public var inverse: Change {
        switch self {
        case let .entry(old, new): return .entry(old: new, new: old)
        case let .link(old, new): return .link(old: new, new: old)
        case let .note(old, new): return .note(old: new, new: old)
        case let .header(old, new): return .header(old: new, new: old)
        }
    }
}

/// The changes one command made, with the command line that made them.
struct Transaction {
    var changes: [StoredChange] = []
    /// The command lines to record in the session log (a script's commands, or one).
    var log: [String] = []
    /// A serial number, to tell transactions apart in the session log.
    var serial = 0
    /// Whether its command lines are in the current session log.
    var loggedInSession = true
}

/// Receives every change applied to a case (indexes keep themselves current this way).
public protocol CaseObserver: AnyObject {
    /// Called after `change` has been applied to `caseFile`.
    func caseDidChange(_ change: Change, in caseFile: CaseFile)
    /// Called after the whole case was replaced (`open`, `new`).
    func caseWasReplaced(_ caseFile: CaseFile)
}

extension CaseObserver {
    /// Observers that keep no state about the whole case need do nothing here.
    public func caseWasReplaced(_ caseFile: CaseFile) {}
}
