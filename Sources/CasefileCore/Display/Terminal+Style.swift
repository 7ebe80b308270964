extension Terminal {
    /// What a piece of output is, for a colour terminal to show it by: the one table from
    /// roles to escape codes (callers decide whether colour is on: a terminal, no NO_COLOR).
    public enum Style: Sendable {
        /// Something added (a diff's `+` records and fields).
        case added
        /// Something removed.
        case removed
        /// Something changed.
        case changed
        /// A record renamed, a session heading.
        case renamed
        /// A matched word.
        case highlight
        /// Words removed inside a changed line.
        case removedWords
        /// Words added inside a changed line.
        case addedWords

        var code: String {
            switch self {
            case .added, .addedWords: return "32"
            case .removed, .removedWords: return "31"
            case .changed: return "33"
            case .renamed: return "36"
            case .highlight: return "1;33"
            }
        }
    }

    /// `text` in `style`, for a colour terminal.
    public static func styled(_ text: String, _ style: Style) -> String {
        "\u{1B}[\(style.code)m" + text + "\u{1B}[0m"
    }
}
