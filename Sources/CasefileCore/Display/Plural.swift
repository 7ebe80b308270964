/// Counts in messages: `1 change`, `3 changes`, `1 entry`, `2 entries`, `1 person`,
/// `5 people`. Every count a user reads goes through here, so none says `1 references`.
public enum Plural {
    /// `count` followed by `singular`, or by its plural when `count` is not 1. The plural
    /// is `plural` when given, else the regular English one (`entry` → `entries`,
    /// `match` → `matches`, `person` → `people`).
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? of(singular))
    }

    /// `count` entries of `kind`: `1 post`, `3 people`.
    public static func count(_ count: Int, _ kind: Kind) -> String {
        Self.count(count, kind.word)
    }

    /// The regular English plural of a noun (or of the last word of a phrase).
    public static func of(_ singular: String) -> String {
        if singular == "person" || singular.hasSuffix(" person") { return singular.dropLast(6) + "people" }
        if singular.hasSuffix("y"), let before = singular.dropLast().last, !"aeiou".contains(before) {
            return singular.dropLast() + "ies"
        }
        if singular.hasSuffix("s") || singular.hasSuffix("x") || singular.hasSuffix("ch") || singular.hasSuffix("sh") {
            return singular + "es"
        }
        return singular + "s"
    }
}
