/// Dates as sources write them, stored as ISO 8601: `2014-02-04`, `4 February 2014`,
/// `February 4, 2014`, `4 Feb 2014`, `2014-02`, `2014`; day first with dots or slashes
/// (`25.03.2014`, `25/03/2014`, as Russian and Kazakh sources write them); month names in
/// Russian, Ukrainian, Belarusian and Kazakh (`25 марта 2014`, `25 наурыз 2014`); and a
/// time after any of them (`22:37`, `10:30 PM`, `22:37 UTC`, `22:37 +06:00`), which is kept.
enum DateParser {
    /// A date read, or why it could not be.
    enum Reading: Equatable, Error {
        /// The ISO form.
        case date(String)
        /// What is wrong with it, and what to write instead.
        case problem(String, hint: String)
    }

    /// The ISO form of `text`, or nil.
    static func iso(_ text: String) -> String? {
        if case .date(let iso) = read(text) { return iso }
        return nil
    }

    /// The hint for a date that cannot be read at all.
    static let formsHint = "write 2014-03-25, 25 March 2014, March 25, 2014, 25.03.2014 or 25 марта 2014, with a time such as 22:37 or 10:30 PM if known"

    /// Reads `text` as a date, perhaps with a time.
    static func read(_ text: String) -> Reading {
        if let first = text.utf8.first, first >= 0x30, first <= 0x39, ISODate.isValid(text) { return .date(text) }
        let trimmed = text.trimmingCharacters(in: " \t")
        // Untrimmed, it was checked above (an ISO date starts with a digit).
        if trimmed.utf8.count != text.utf8.count, ISODate.isValid(trimmed) { return .date(trimmed) }
        if let problem = isoProblem(trimmed) { return problem }
        var words = trimmed.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return .problem("an empty date", hint: formsHint) }
        let time: DateTime.Clock?
        switch DateTime.clock(taking: &words) {
        case .none: time = nil
        case .some(.success(let clock)): time = clock
        case .some(.failure(let problem)): return problem
        }
        let day: Reading
        if words.count == 1, let numeric = numericDate(words[0]) {
            day = numeric
        } else if words.count == 1, !words[0].contains("T"), ISODate.isValid(words[0]) {
            day = .date(words[0])
        } else {
            day = wordDate(words)
        }
        guard case .date(let iso) = day else { return day }
        guard let time else { return .date(iso) }
        guard iso.utf8.count == 10 else {
            return .problem("a time needs a whole date", hint: "give the day too, as in 2014-02-04 22:37")
        }
        return .date(iso + "T" + time.iso)
    }

    /// For a well-formed but impossible ISO date (`2014-02-30`), why it is impossible.
    static func isoProblem(_ text: String) -> Reading? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 7, bytes[4] == 0x2D, bytes.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let datePart = text.prefix(10)
        let pieces = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count >= 2, let year = Int(pieces[0]), pieces[1].count == 2, let month = Int(pieces[1]) else { return nil }
        if !(1...12).contains(month) {
            return .problem("\(text): there is no month \(month)", hint: "months run from 01 to 12: YYYY-MM-DD")
        }
        if pieces.count == 3, pieces[2].count == 2, let day = Int(pieces[2]) {
            return dayProblem(text, day: day, month: month, year: year)
        }
        return nil
    }

    /// Why `day` is not a day of `month` in `year`, or nil when it is.
    static func dayProblem(_ text: String, day: Int, month: Int, year: Int) -> Reading? {
        guard (1...12).contains(month) else {
            return .problem("\(text): there is no month \(month)", hint: "months run from 1 to 12")
        }
        let days = ISODate.daysIn(month: month, year: year)
        if (1...days).contains(day) { return nil }
        return .problem("\(text): \(monthNames[month - 1].capitalized) \(year) has \(days) days",
                        hint: day == 0 ? "days start at 1" : "check the day and the month")
    }

    /// `25.03.2014`, `25/03/2014`, `25-03-2014`: day first; refused when the month-first
    /// reading is a date too (and another one), since US sources write it that way.
    static func numericDate(_ word: String) -> Reading? {
        guard let separator = word.first(where: { $0 == "." || $0 == "/" || $0 == "-" }) else { return nil }
        let parts = word.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count <= 2, parts[1].count <= 2, let first = Int(parts[0]), let second = Int(parts[1]),
              let year = Int(parts[2]) else { return nil }
        guard parts[2].count == 4 else {
            return .problem("\(word): the year needs four digits", hint: "write \(parts[0]).\(parts[1]).20\(parts[2]) (or 19\(parts[2])), or an ISO date")
        }
        if let problem = dayProblem(word, day: first, month: second, year: year) {
            // 03/25/2014 can only be month first: say so rather than refuse it as day first.
            if dayProblem(word, day: second, month: first, year: year) == nil, (13...31).contains(second) {
                return .problem("\(word) reads as \(monthNames[first - 1].capitalized) \(second), \(year) only if the month comes first",
                                hint: "write \(isoDay(year, first, second)) if that is meant (dates here are day first: 25.03.2014)")
            }
            return problem
        }
        if first != second, first <= 12, dayProblem(word, day: second, month: first, year: year) == nil {
            return .problem("\(word) is either \(first) \(monthNames[second - 1].capitalized) \(year) or \(second) \(monthNames[first - 1].capitalized) \(year)",
                            hint: "write \(isoDay(year, second, first)) or \(isoDay(year, first, second))")
        }
        return .date(isoDay(year, second, first))
    }

    /// `4 February 2014`, `February 4, 2014`, `25 марта 2014 г.`, `2014 жылғы 25 наурыз`.
    static func wordDate(_ words: [String]) -> Reading {
        var day: Int?
        var month: Int?
        var year: Int?
        var unread: String?
        for word in words where !DateWords.filler.contains(word.lowercased()) {
            if word.allSatisfy(\.isASCIIDigit), let number = Int(word) {
                if word.count == 4 && year == nil { year = number } else if day == nil && word.count <= 2 { day = number } else { unread = unread ?? word }
            } else if month == nil, let index = DateWords.month(word) {
                month = index
            } else {
                unread = unread ?? word
            }
        }
        if let unread {
            if words.count == 1 { return .problem("'\(unread)' is not a date I can read", hint: formsHint) }
            return .problem("'\(unread)' is not part of a date I can read", hint: formsHint)
        }
        guard let day, let month, let year else { return .problem("a date needs a day, a month and a year", hint: formsHint) }
        let text = words.joined(separator: " ")
        if let problem = dayProblem(text, day: day, month: month, year: year) { return problem }
        return .date(isoDay(year, month, day))
    }

    static func isoDay(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// English month names, for messages and for reading.
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
