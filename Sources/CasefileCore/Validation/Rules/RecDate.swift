import Foundation

/// Dates as recutils reads them for the `date` type and the `<<`, `>>`, `==` operators
/// (gnulib's parse_datetime): ISO dates and date-times, `20 April 2010`, `April 20, 2010`,
/// `4/20/2010`, `20100420`, RFC 822 dates with a weekday, `@EPOCH`, and the words
/// now, today, yesterday, tomorrow, `N days ago`, `last monday`. Not the whole grammar of
/// parse_datetime: the forms people write; anything else is "not a date".
enum RecDate {
    /// Seconds since 1970 (UTC unless a zone is given) of `text`, or nil when it is not a date.
    static func seconds(_ text: String, now: @autoclosure () -> Double = Date().timeIntervalSince1970) -> Double? {
        if let iso = isoSeconds(text) { return iso }
        return generalSeconds(text, now: now())
    }

    /// Every form the type knows, by words.
    static func generalSeconds(_ text: String, now: Double) -> Double? {
        var words = tokens(text)
        if words.isEmpty { return now }
        if words.count == 1, words[0].hasPrefix("@"), let epoch = Double(words[0].dropFirst()) { return epoch }
        if let relative = relativeSeconds(words, now: now) { return relative }
        // A leading weekday ("Tue," or "Tuesday") names the date that follows.
        if let first = words.first, weekday(first) != nil, words.count > 1 { words.removeFirst() }
        var day: (year: Int, month: Int, day: Int)?
        var rest = words[...]
        if let first = rest.first, let date = numericDate(first) {
            day = date
            // `2010-04-20t12:00` carries its time: leave the word for `clock` to read.
            if !first.contains("t") { rest = rest.dropFirst() }
        } else if rest.count >= 3, let d = Int(rest[rest.startIndex]), let m = month(rest[rest.startIndex + 1]),
                  let y = year(rest[rest.startIndex + 2]) {
            day = (y, m, d)
            rest = rest.dropFirst(3)
        } else if rest.count >= 3, let m = month(rest[rest.startIndex]), let d = Int(rest[rest.startIndex + 1]),
                  let y = year(rest[rest.startIndex + 2]) {
            day = (y, m, d)
            rest = rest.dropFirst(3)
        }
        var secondsOfDay = 0.0
        var zone = 0.0
        if let first = rest.first, let time = clock(first) {
            secondsOfDay = time.seconds
            zone = time.zone ?? 0
            rest = rest.dropFirst()
            if let first = rest.first, let offset = zoneOffset(first) {
                zone = offset
                rest = rest.dropFirst()
            }
        }
        guard rest.isEmpty else { return nil }
        let date: (year: Int, month: Int, day: Int)
        if let day { date = day } else {
            // A time alone is today at that time.
            guard secondsOfDay > 0 || words.count == 1 else { return nil }
            let today = civil(fromDays: Int((now / 86_400).rounded(.down)))
            date = today
        }
        guard (1...12).contains(date.month), date.day >= 1, date.day <= ISODate.daysIn(month: date.month, year: date.year)
        else { return nil }
        return Double(days(year: date.year, month: date.month, day: date.day)) * 86_400 + secondsOfDay - zone
    }

    /// Whether `text` is a date a `date` field may hold (recutils refuses the empty value).
    static func isValid(_ text: String) -> Bool { !text.isEmpty && seconds(text) != nil }

    private static func tokens(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," })
            .map(String.init)
    }

    private static func relativeSeconds(_ words: [String], now: Double) -> Double? {
        let midnight = (now / 86_400).rounded(.down) * 86_400
        switch words {
        case ["now"]: return now
        case ["today"]: return midnight
        case ["yesterday"]: return midnight - 86_400
        case ["tomorrow"]: return midnight + 86_400
        default: break
        }
        if words.count == 3, words[2] == "ago", let count = Double(words[0]), let unit = unitSeconds(words[1]) {
            return now - count * unit
        }
        if words.count == 2, words[0] == "last" || words[0] == "next" {
            let sign = words[0] == "last" ? -1.0 : 1.0
            if let unit = unitSeconds(words[1]) { return now + sign * unit }
            if weekday(words[1]) != nil { return midnight + sign * 7 * 86_400 }
        }
        return nil
    }

    private static func unitSeconds(_ word: String) -> Double? {
        let unit = word.hasSuffix("s") ? String(word.dropLast()) : word
        switch unit {
        case "second", "sec": return 1
        case "minute", "min": return 60
        case "hour": return 3_600
        case "day": return 86_400
        case "week", "fortnight": return unit == "week" ? 604_800 : 1_209_600
        case "month": return 2_592_000
        case "year": return 31_536_000
        default: return nil
        }
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let fullMonths = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]
    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    private static func month(_ word: String) -> Int? {
        let trimmed = word.hasSuffix(".") ? String(word.dropLast()) : word
        if let index = fullMonths.firstIndex(of: trimmed) { return index + 1 }
        if trimmed == "sept" { return 9 }
        if let index = monthNames.firstIndex(of: trimmed) { return index + 1 }
        return nil
    }

    private static func weekday(_ word: String) -> Int? {
        if let index = weekdays.firstIndex(of: word) { return index }
        return weekdays.firstIndex { $0.prefix(3) == word }
    }

    private static func year(_ word: String) -> Int? {
        guard let value = Int(word), value >= 0 else { return nil }
        return word.count <= 2 ? (value < 69 ? 2000 + value : 1900 + value) : value
    }

    /// `2010-04-20` (with an optional `T…` time part left for `clock`), `20100420`, `4/20/2010`.
    private static func numericDate(_ word: String) -> (year: Int, month: Int, day: Int)? {
        let datePart = word.split(separator: "t", maxSplits: 1).first.map(String.init) ?? word
        let dashes = datePart.split(separator: "-", omittingEmptySubsequences: false)
        if dashes.count == 3, dashes[0].count >= 4, let y = Int(dashes[0]), let m = Int(dashes[1]), let d = Int(dashes[2]),
           dashes[1].count <= 2, dashes[2].count <= 2 {
            return (y, m, d)
        }
        let slashes = datePart.split(separator: "/", omittingEmptySubsequences: false)
        if slashes.count == 3, let m = Int(slashes[0]), let d = Int(slashes[1]), let y = year(String(slashes[2])) {
            return (y, m, d)
        }
        if slashes.count == 2, let m = Int(slashes[0]), let d = Int(slashes[1]) {
            return (2000, m, d)
        }
        if datePart.count == 8, datePart.allSatisfy(\.isASCIIDigitCharacter), let number = Int(datePart) {
            return (number / 10_000, number / 100 % 100, number % 100)
        }
        return nil
    }

    /// `12:00`, `12:00:05.5`, `T12:00Z`, `12:00+02:00` (seconds of the day and an optional zone).
    private static func clock(_ word: String) -> (seconds: Double, zone: Double?)? {
        var text = Substring(word)
        if let t = text.firstIndex(of: "t") {
            guard numericDate(String(text[..<t])) != nil || t == text.startIndex else { return nil }
            text = text[text.index(after: t)...]
        } else if numericDate(word) != nil {
            return nil
        }
        var zone: Double?
        if text.hasSuffix("z") {
            zone = 0
            text = text.dropLast()
        } else if let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }), sign != text.startIndex {
            guard let offset = zoneOffset(String(text[sign...])) else { return nil }
            zone = offset
            text = text[..<sign]
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0.0
        if parts.count == 3 {
            guard let value = Double(parts[2]), value >= 0, value < 61 else { return nil }
            second = value
        }
        return (Double(hour * 3_600 + minute * 60) + second, zone)
    }

    private static func zoneOffset(_ word: String) -> Double? {
        if word == "utc" || word == "gmt" || word == "z" { return 0 }
        guard let sign = word.first, sign == "+" || sign == "-" else { return nil }
        let digits = word.dropFirst().filter { $0 != ":" }
        guard digits.count == 4 || digits.count == 2, digits.allSatisfy(\.isASCIIDigitCharacter),
              let value = Int(digits) else { return nil }
        let hours = digits.count == 4 ? value / 100 : value
        let minutes = digits.count == 4 ? value % 100 : 0
        return (sign == "-" ? -1 : 1) * Double(hours * 3_600 + minutes * 60)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Character {
    /// Whether this is one of 0-9.
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
