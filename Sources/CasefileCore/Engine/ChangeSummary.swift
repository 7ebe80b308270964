/// `+3 post, ~1 person, >1 person, +2 link, -1 note`: what a save changed, by kind
/// (`>` counts entries renamed, and the links and notes that followed them).
public struct ChangeSummary {
    /// The summary line.
    public let text: String
    /// Whether the header (title, language) changed.
    public let headerChanged: Bool
    /// The summary as an older casefile wrote it (`CaseDiff.summaryCountingEveryRecord`).
    public let textCountingEveryRecord: String

    /// Counts `changes` (each thing's saved value against its value now).
    public init(_ changes: [Change]) {
        // Renames can only be among removed entries; without any, counting is a single
        // pass. Otherwise the record diff finds them (and the links that followed).
        let removesEntries = changes.contains { change in
            if case let .entry(old, new) = change, old != nil, new == nil { return true }
            return false
        }
        if removesEntries {
            self.init(CaseDiff(unsaved: changes))
            return
        }
        var tally = Tally()
        for change in changes {
            switch change {
            case let .entry(old, new): tally.count(new?.kind ?? old?.kind ?? .person, old != nil, new != nil, old != new)
            case let .link(old, new): tally.count(.link, old != nil, new != nil, old != new)
            case let .note(old, new): tally.count(.note, old != nil, new != nil, old != new)
            case let .header(old, new): tally.header = tally.header || old != new
            }
        }
        self.init(tally)
    }

    /// The summary of a record diff.
    init(_ diff: CaseDiff) {
        text = diff.summary
        textCountingEveryRecord = diff.summaryCountingEveryRecord
        headerChanged = diff.counts[nil] != nil
    }

    /// The summary of counted changes.
    init(_ tally: Tally) {
        var parts: [String] = []
        for kind in Kind.allCases {
            let value = tally.counts[kind.ordinal]
            if value[0] > 0 { parts.append("+\(value[0]) \(kind.word)") }
            if value[1] > 0 { parts.append("~\(value[1]) \(kind.word)") }
            if value[2] > 0 { parts.append("-\(value[2]) \(kind.word)") }
        }
        if tally.header { parts.append("~header") }
        text = parts.joined(separator: ", ")
        // Nothing follows a rename when nothing was removed: both rules count alike.
        textCountingEveryRecord = text
        headerChanged = tally.header
    }

    /// Things added, changed and removed, by kind.
    struct Tally {
        /// Per kind ordinal: added, changed, removed.
        var counts = [[Int]](repeating: [0, 0, 0], count: Kind.allCases.count)
        var header = false

        /// Counts one thing that existed at the last save (`had`) or not, exists now (`has`) or
        /// not; `differs` is only asked when it has both.
        mutating func count(_ kind: Kind, _ had: Bool, _ has: Bool, _ differs: @autoclosure () -> Bool = true) {
            if !had && has { counts[kind.ordinal][0] += 1 } else if had && has && differs() { counts[kind.ordinal][1] += 1 }
            else if had && !has { counts[kind.ordinal][2] += 1 }
        }

        /// Takes back a count made with `count` (for a thing known to differ).
        mutating func uncount(_ kind: Kind, _ had: Bool, _ has: Bool) {
            if !had && has { counts[kind.ordinal][0] -= 1 } else if had && has { counts[kind.ordinal][1] -= 1 }
            else if had && !has { counts[kind.ordinal][2] -= 1 }
        }

        /// Whether any entry (not a link or note) was removed.
        var removesEntries: Bool { Kind.identified.contains { counts[$0.ordinal][2] > 0 } }
    }
}

extension Notebook {
    /// The summary of the unsaved changes, as `ChangeSummary(unsavedChanges)` gives it, but
    /// from counts the baseline keeps as it changes: nothing to count at the save after a
    /// long replay, unless entries were removed (the record diff then finds renames).
    public var unsavedSummary: ChangeSummary {
        log.baseline.tally.removesEntries ? ChangeSummary(unsavedChanges) : ChangeSummary(log.baseline.tally)
    }
}
