/// The kinds of record a case file holds, in the order they are written.
public enum Kind: String, CaseIterable, Sendable, Hashable, Comparable {
    case person = "Person"
    case post = "Post"
    case quote = "Quote"
    case translation = "Translation"
    case source = "Source"
    case link = "Link"
    case note = "Note"
    case session = "Session"

    /// The record type name used in `%rec:` lines.
    public var recordType: String { rawValue }

    /// The lower-case word used for this kind in commands (`add person`, `kind:post`).
    public var word: String { rawValue.lowercased() }

    /// Whether records of this kind are named by an `Id` field.
    public var hasId: Bool {
        switch self {
        case .person, .post, .quote, .translation, .source: return true
        case .link, .note, .session: return false
        }
    }

    /// The kinds that are named by an Id, in file order.
    public static let identified: [Kind] = allCases.filter(\.hasId)

    /// Finds a kind by its command word or record type name, ignoring case.
    public init?(word: String) {
        let lowered = word.lowercased()
        guard let kind = Kind.allCases.first(where: { $0.word == lowered || $0.word + "s" == lowered }) else {
            return nil
        }
        self = kind
    }

    private var order: Int { Kind.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.order < rhs.order }
}
