/// The relation words casefile knows, and how each reads from the other end.
public enum Relation {
    /// Known relations and their reverse reading (`authored` / `authored-by`).
    public static let vocabulary: [(word: String, reverse: String)] = [
        ("authored", "authored-by"), ("mentions", "mentioned-by"), ("quotes", "quoted-by"),
        ("replies-to", "replied-to-by"), ("detained-with", "detained-with"), ("criticizes", "criticized-by"),
        ("supports", "supported-by"), ("same-as", "same-as"), ("member-of", "has-member"),
        ("reposts", "reposted-by"),
    ]

    /// The known relation words.
    public static var words: [String] { vocabulary.map(\.word) }

    /// How `rel` reads from its target's side (`criticizes` → `criticized-by`).
    public static func reverse(of rel: String) -> String {
        if let known = vocabulary.first(where: { $0.word == rel }) { return known.reverse }
        if let known = vocabulary.first(where: { $0.reverse == rel }) { return known.word }
        return rel + " (from)"
    }

    /// Whether a relation word is well formed: lower-case letters, digits and dashes.
    public static func isWellFormed(_ rel: String) -> Bool {
        !rel.isEmpty && rel.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
