/// The field names search looks at, told apart by length and first byte before one
/// comparison with the name itself: indexing a million entries asks this of every
/// field, and a chain of unequal `String` comparisons cost more than the rest of the
/// field's work.
enum SearchField: UInt8 {
    case tag, name, alias, handle, role, title, by, text, lang, date, published, author, speaker, of, other

    /// The field called `name` (`.other` for any name search has no use for).
    @inline(__always)
    init(_ name: String) {
        let utf8 = name.utf8
        guard let first = utf8.first else {
            self = .other
            return
        }
        let candidate: SearchField
        switch (utf8.count, first) {
        case (3, UInt8(ascii: "T")): candidate = .tag
        case (4, UInt8(ascii: "N")): candidate = .name
        case (5, UInt8(ascii: "A")): candidate = .alias
        case (6, UInt8(ascii: "H")): candidate = .handle
        case (4, UInt8(ascii: "R")): candidate = .role
        case (5, UInt8(ascii: "T")): candidate = .title
        case (2, UInt8(ascii: "B")): candidate = .by
        case (4, UInt8(ascii: "T")): candidate = .text
        case (4, UInt8(ascii: "L")): candidate = .lang
        case (4, UInt8(ascii: "D")): candidate = .date
        case (9, UInt8(ascii: "P")): candidate = .published
        case (6, UInt8(ascii: "A")): candidate = .author
        case (7, UInt8(ascii: "S")): candidate = .speaker
        case (2, UInt8(ascii: "O")): candidate = .of
        default:
            self = .other
            return
        }
        self = name == candidate.fieldName ? candidate : .other
    }

    /// The field's name in a case file.
    var fieldName: String {
        switch self {
        case .tag: "Tag"
        case .name: "Name"
        case .alias: "Alias"
        case .handle: "Handle"
        case .role: "Role"
        case .title: "Title"
        case .by: "By"
        case .text: "Text"
        case .lang: "Lang"
        case .date: "Date"
        case .published: "Published"
        case .author: "Author"
        case .speaker: "Speaker"
        case .of: "Of"
        case .other: ""
        }
    }
}
