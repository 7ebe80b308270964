/// Where a comment of a record casefile models stood: before the record, or before one of
/// its fields. A comment between fields is kept in the record's `comments` with the index
/// of the field it preceded (in the order the record is written, 0 being its first line),
/// behind a mark no comment line can hold (a U+0001 control character), so that every
/// other reader of `comments` still sees a list of strings.
public enum RecordComment {
    private static let mark: Character = "\u{1}"

    /// A comment that stood before the field at `index` of the record as written.
    public static func anchored(_ text: String, beforeField index: Int) -> String {
        "\(mark)\(index)\(mark)" + text
    }

    /// The field index a comment stood before (nil: before the record), and its text.
    public static func split(_ comment: String) -> (field: Int?, text: String) {
        guard comment.first == mark else { return (nil, comment) }
        let rest = comment.dropFirst()
        guard let end = rest.firstIndex(of: mark), let index = Int(rest[..<end]) else { return (nil, comment) }
        return (index, String(rest[rest.index(after: end)...]))
    }

    /// Whether any of `comments` stood between fields (cheap for the usual empty list).
    public static func anyAnchored(_ comments: [String]) -> Bool {
        !comments.isEmpty && comments.contains { $0.first == mark }
    }

    /// The text of a comment, without its place.
    public static func text(_ comment: String) -> String { split(comment).text }
}
