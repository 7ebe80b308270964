extension QueryParser {
    /// The filter `word` spells (`kind:post`), nil when it is not a filter at all.
    mutating func filter(from word: String, column start: Int) throws(QueryError) -> QueryNode? {
        guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else { return nil }
        let name = String(word[..<colon])
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else { return nil }
        var value = String(word[word.index(after: colon)...])
        if value.hasPrefix("//") { return nil }  // a URL: search its words
        let lowered = name.lowercased()
        guard QueryFilter.names.contains(lowered) else {
            throw QueryError("unknown filter '\(name):'", column: start, length: name.count + 1,
                             hint: "filters are " + QueryFilter.names.map { $0 + ":" }.joined(separator: " ")
                                 + "; to search for the text, quote it: \"\(word)\"")
        }
        let valueColumn = start + name.count + 1
        if value.isEmpty, peekQuote() {
            let (quoted, _) = try readQuoted()
            value = quoted
        }
        if value.allSatisfy(\.isWhitespace) {
            throw QueryError("\(lowered): needs a value", column: start, length: name.count + 1,
                             hint: Self.example(lowered))
        }
        if lowered == "by" { try requireSearchable(value, column: valueColumn, length: value.count) }
        return .filter(try Self.filter(lowered, value: value, column: valueColumn))
    }

    static func example(_ name: String) -> String {
        switch name {
        case "kind": return "for example kind:post (person, post, quote, translation, source)"
        case "lang": return "for example lang:ru"
        case "author": return "for example author:@extremkz or author:aitelenov"
        case "tag": return "for example tag:detained"
        case "by": return "for example by:\"Global Voices\""
        case "date": return "for example date:2014-02-01..2014-02-10, date:2014-02 or date:2014-02-05.."
        case "status": return "for example status:draft (" + CaseValidator.statuses.joined(separator: ", ") + ")"
        default: return "write \(name):translation"
        }
    }

    static func filter(_ name: String, value: String, column: Int) throws(QueryError) -> QueryFilter {
        switch name {
        case "kind":
            guard let kind = Kind(word: value), kind.hasId else {
                throw QueryError("unknown kind '\(value)'", column: column, length: value.count,
                                 hint: "kinds are person, post, quote, translation, source (notes are searched with their entry)")
            }
            return .kind(kind)
        case "lang":
            guard LanguageTag.isValid(value) else {
                throw QueryError("'\(value)' is not a language tag", column: column, length: value.count,
                                 hint: "use a BCP 47 tag such as ru, kk, en or kk-Cyrl")
            }
            return .lang(value.lowercased())
        case "author":
            if value == "@" {
                throw QueryError("author: needs a handle or an Id", column: column, hint: example("author"))
            }
            return .author(value)
        case "tag": return .tag(value)
        case "by": return .by(value)
        case "date": return .date(try DateRangeParser.parse(value, column: column))
        case "status":
            let lowered = value.lowercased()
            guard CaseValidator.statuses.contains(lowered) else {
                throw QueryError("'\(value)' is not a status", column: column, length: value.count,
                                 hint: Suggestions.hint(for: lowered, in: CaseValidator.statuses)
                                     ?? "statuses are " + CaseValidator.statuses.joined(separator: ", "))
            }
            return .status(lowered)
        default:
            let lowered = value.lowercased()
            guard lowered == "translation" || lowered == "translations" else {
                throw QueryError("\(name):\(value) is not a filter", column: column, length: value.count,
                                 hint: "write has:translation or missing:translation")
            }
            return name == "has" ? .hasTranslation : .missingTranslation
        }
    }
}
