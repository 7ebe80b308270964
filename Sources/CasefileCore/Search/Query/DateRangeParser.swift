/// Reads `date:` values: `2014-02-04`, `2014-02`, `2014`, `FROM..TO` with either side open.
enum DateRangeParser {
    /// The range `value` spells; `column` is where the value starts in the query.
    static func parse(_ value: String, column: Int) throws(QueryError) -> DateRange {
        guard let dots = value.range(of: "..") else {
            let (from, to) = try bounds(value, column: column)
            return DateRange(from: from, to: to)
        }
        let left = String(value[..<dots.lowerBound])
        let right = String(value[dots.upperBound...])
        if left.isEmpty && right.isEmpty {
            throw QueryError("a date range needs at least one end", column: column, length: 2,
                             hint: "write date:2014-02-01..2014-02-10, date:2014-02-01.. or date:..2014-02-10")
        }
        let rightColumn = column + left.count + 2
        let from = left.isEmpty ? Int32(0) : try bounds(left, column: column).0
        let to = right.isEmpty ? Int32.max : try bounds(right, column: rightColumn).1
        if from > to {
            throw QueryError("the date range ends before it starts", column: column, length: value.count,
                             hint: "put the earlier date first: date:\(right)..\(left)")
        }
        return DateRange(from: from, to: to)
    }

    /// The first and last `yyyymmdd` a date, month or year covers.
    static func bounds(_ text: String, column: Int) throws(QueryError) -> (Int32, Int32) {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func fail(_ message: String) -> QueryError {
            QueryError(message, column: column, length: text.count,
                       hint: "dates are YYYY-MM-DD, YYYY-MM or YYYY, for example 2014-02-04")
        }
        guard (1...3).contains(pieces.count), pieces[0].count == 4, let year = Int32(pieces[0]),
              pieces.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else {
            throw fail("'\(text)' is not a date")
        }
        if pieces.count == 1 { return (year * 10000, year * 10000 + 9999) }
        guard pieces[1].count == 2, let month = Int32(pieces[1]), (1...12).contains(month) else {
            throw fail("'\(text)' has no month \(pieces[1])")
        }
        let base = year * 10000 + month * 100
        if pieces.count == 2 { return (base, base + 99) }
        let days = Int32(ISODate.daysIn(month: Int(month), year: Int(year)))
        guard pieces[2].count == 2, let day = Int32(pieces[2]), day >= 1, day <= days else {
            throw fail("'\(text)' has no day \(pieces[2]) (that month has \(days))")
        }
        return (base + day, base + day)
    }
}
