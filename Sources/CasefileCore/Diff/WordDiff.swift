/// The words that changed between two versions of a line of text, marked inline:
/// `Tomorrow at [-Esimov's-]{+the mayor's+} lunch` (wdiff's and git's `--word-diff`
/// marks), or in the removed and added styles on a colour terminal. Words are runs of
/// letters and other non-space characters; the spaces between them are kept as they are.
public enum WordDiff {
    /// `text` cut into words and the runs of white space between them.
    static func tokens(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start = text.startIndex
        var inSpace: Bool?
        for index in text.indices {
            let space = text[index].isWhitespace
            if let current = inSpace, current != space {
                tokens.append(text[start..<index])
                start = index
            }
            inSpace = space
        }
        if start < text.endIndex { tokens.append(text[start...]) }
        return tokens
    }

    /// The line `old` became `new`, the changed words marked, each part made safe for a
    /// terminal; nil when the two share no word (then showing both whole reads better).
    public static func inline(_ old: String, _ new: String, colour: Bool) -> String? {
        let script = EditScript.diff(tokens(old), tokens(new))
        let shared = script.contains { edit in
            if case let .same(token) = edit { return !token.allSatisfy(\.isWhitespace) }
            return false
        }
        guard shared else { return nil }
        var out = ""
        var removed = ""
        var added = ""
        func flush() {
            // A change that only touches spaces inside a run is shown with its neighbours.
            if !removed.isEmpty { out += mark(removed, .removed, colour: colour) }
            if !added.isEmpty { out += mark(added, .added, colour: colour) }
            removed = ""
            added = ""
        }
        for edit in script {
            switch edit {
            case let .same(token):
                flush()
                out += visible(token)
            case let .removed(token): removed += token
            case let .added(token): added += token
            }
        }
        flush()
        return out
    }

    /// A removed or added run: in its style on a colour terminal, between `[-…-]` or `{+…+}` without.
    static func mark(_ text: String, _ action: RecordChange.Action, colour: Bool) -> String {
        let safe = visible(Substring(text))
        if colour { return Terminal.styled(safe, action == .removed ? .removedWords : .addedWords) }
        return action == .removed ? "[-" + safe + "-]" : "{+" + safe + "+}"
    }

    private static func visible(_ text: Substring) -> String { Terminal.visible(String(text), keepNewlines: false) }
}
