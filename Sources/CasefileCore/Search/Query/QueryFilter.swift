/// A field filter of a query. Filters select; they never add to a hit's score.
enum QueryFilter: Sendable, CustomStringConvertible {
    /// `kind:post`.
    case kind(Kind)
    /// `lang:ru`: the tag or a more specific one (`ru-Latn`), lower-cased.
    case lang(String)
    /// `author:@extremkz` or `author:aitelenov`: posts by, quotes spoken by, and
    /// translations of posts or quotes by that person.
    case author(String)
    /// `tag:detained`: a `Tag:` value, whole, case ignored.
    case tag(String)
    /// `by:"Global Voices"`: a translation's `By`, as words (folded like any word).
    case by(String)
    /// `date:FROM..TO`.
    case date(DateRange)
    /// `status:draft`: a translation whose `Status` is that word (draft, reviewed, final).
    case status(String)
    /// `has:translation`: a post or quote with at least one translation.
    case hasTranslation
    /// `missing:translation`: a post or quote not in the case's working language, with
    /// no translation into it.
    case missingTranslation

    /// The filter names the parser accepts.
    static let names = ["kind", "lang", "author", "tag", "by", "date", "status", "has", "missing"]

    var description: String {
        switch self {
        case .kind(let kind): return "kind:\(kind.word)"
        case .lang(let lang): return "lang:\(lang)"
        case .author(let author): return "author:\(author)"
        case .tag(let tag): return "tag:\(tag)"
        case .by(let by): return "by:\(by)"
        case .date(let range): return "date:\(range)"
        case .status(let status): return "status:\(status)"
        case .hasTranslation: return "has:translation"
        case .missingTranslation: return "missing:translation"
        }
    }
}

/// An inclusive range of dates as `yyyymmdd` numbers; a month or year bound covers all of
/// it, an open side is unbounded. A date known only to the month (`2014-02`) is
/// `20140200`: inside `date:2014-02`, outside `date:2014-02-01..`.
struct DateRange: Sendable, Equatable, CustomStringConvertible {
    /// The first day included.
    var from: Int32
    /// The last day included.
    var to: Int32

    /// Whether `day` (as from `DateRange.day(of:)`) falls in the range.
    func contains(_ day: Int32) -> Bool { day > 0 && day >= from && day <= to }

    var description: String { "\(from)..\(to)" }

    /// A date value of an entry (`2014-02-04`, `2014-02`, `2014`, a date-time) as
    /// `yyyymmdd`, unknown parts 0; 0 when it is not a date.
    static func day(of text: String) -> Int32 {
        // Bytes in place: this runs for every dated entry of a case being indexed.
        var text = text
        return text.withUTF8 { utf8 in
            func digits(_ range: Range<Int>) -> Int32? {
                guard range.upperBound <= utf8.count else { return nil }
                var value: Int32 = 0
                for index in range {
                    let byte = utf8[index]
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value * 10 + Int32(byte - 0x30)
                }
                return value
            }
            guard let year = digits(0..<4) else { return 0 }
            var result = year * 10000
            if utf8.count >= 7, utf8[4] == 0x2D, let month = digits(5..<7) {
                result += month * 100
                if utf8.count >= 10, utf8[7] == 0x2D, let day = digits(8..<10) { result += day }
            }
            return result
        }
    }
}
