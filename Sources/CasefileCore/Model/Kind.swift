/// The kinds of record a case file holds, in the order they are written.
public enum Kind: String, CaseIterable, Sendable, Hashable, Comparable {
    case person = "Person"
    case post = "Post"
    case quote = "Quote"
    case translation = "Translation"
    case source = "Source"
    case evidence = "Evidence"
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
        case .person, .post, .quote, .translation, .source, .evidence: return true
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

    /// The kind's position in file order (0 for person … 8 for session): a small integer
    /// for per-kind arrays and fast hashing.
    public var ordinal: Int {
        switch self {
        case .person: return 0
        case .post: return 1
        case .quote: return 2
        case .translation: return 3
        case .source: return 4
        case .evidence: return 5
        case .link: return 6
        case .note: return 7
        case .session: return 8
        }
    }

    /// Hashes the ordinal: the default for a String-backed enum hashes the raw value, which
    /// costs a string hash per lookup in the loader's hot loop.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.ordinal < rhs.ordinal }
}
