/// The time of day written beside a date: `22:37`, `22:37:05`, `10:30 PM`, `10:30pm`,
/// with an optional zone (`Z`, `UTC`, `GMT`, `+06:00`, `+0600`, `+06`, `UTC+6`).
enum DateTime {
    /// A time of day in ISO form, with its zone if one was written.
    struct Clock: Equatable {
        /// `22:37`, `22:37:05`, `22:37Z` or `22:37+06:00`.
        var iso: String
    }

    /// Takes the time from the end of `words` (or from the start: `22:37, 25 марта 2014`).
    /// Nil when there is none; a failure when there is one that cannot be right.
    static func clock(taking words: inout [String]) -> Result<Clock, DateParser.Reading>? {
        var trailing = words
        if let found = takeTrailing(&trailing) {
            words = trailing
            return found
        }
        guard let first = words.first, first.contains(":") else { return nil }
        var rest = Array(words.dropFirst())
        var clockWords = [first]
        while let next = rest.first, meridiem(next) != nil || zone(next) != nil {
            clockWords.append(next)
            rest.removeFirst()
        }
        guard let found = takeTrailing(&clockWords), clockWords.isEmpty else { return nil }
        words = rest
        return found
    }

    private static func takeTrailing(_ words: inout [String]) -> Result<Clock, DateParser.Reading>? {
        var zoneText: String?
        var isPM: Bool?
        var remaining = words
        if let last = remaining.last, let found = zone(last) {
            zoneText = found
            remaining.removeLast()
        }
        if let last = remaining.last, let found = meridiem(last) {
            isPM = found
            remaining.removeLast()
        }
        guard var last = remaining.last, last.contains(":") else {
            if zoneText != nil || isPM != nil, remaining.count < words.count {
                return .failure(.problem("'\(words.last ?? "")' needs a time before it", hint: "write the time as 22:37 or 10:30 PM"))
            }
            return nil
        }
        remaining.removeLast()
        // Joined forms: 10:30pm, 22:37Z, 22:37+06:00.
        for suffix in ["am", "pm", "a.m.", "p.m."] where isPM == nil && last.lowercased().hasSuffix(suffix) {
            isPM = suffix.hasPrefix("p")
            last = String(last.dropLast(suffix.count))
        }
        if zoneText == nil, let sign = last.firstIndex(where: { $0 == "+" || $0 == "-" }), let found = zone(String(last[sign...])) {
            zoneText = found
            last = String(last[..<sign])
        } else if zoneText == nil, last.hasSuffix("Z") {
            zoneText = "Z"
            last = String(last.dropLast())
        }
        let pieces = last.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(pieces[0]), let minute = Int(pieces[1]), pieces.dropFirst().allSatisfy({ $0.count == 2 }) else {
            return .failure(.problem("'\(last)' is not a time I can read", hint: "write the time as 22:37, 22:37:05 or 10:30 PM"))
        }
        let second = pieces.count == 3 ? Int(pieces[2]) : nil
        var hour24 = hour
        if let isPM {
            guard (1...12).contains(hour) else {
                return .failure(.problem("\(last) \(isPM ? "PM" : "AM"): with AM or PM the hour runs from 1 to 12", hint: "write \(last) without \(isPM ? "PM" : "AM")"))
            }
            hour24 = hour % 12 + (isPM ? 12 : 0)
        }
        guard hour24 <= 23, minute <= 59, (second ?? 0) <= 60 else {
            return .failure(.problem("\(last): there is no such time of day", hint: "hours run from 00 to 23, minutes from 00 to 59"))
        }
        words = remaining
        var iso = two(hour24) + ":" + two(minute)
        if let second { iso += ":" + two(second) }
        return .success(Clock(iso: iso + (zoneText ?? "")))
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Whether `word` is AM or PM (true for PM).
    static func meridiem(_ word: String) -> Bool? {
        switch word.lowercased() {
        case "am", "a.m.": return false
        case "pm", "p.m.": return true
        default: return nil
        }
    }

    /// The ISO zone of `word` (`Z`, `+06:00`), or nil when it is not a zone.
    static func zone(_ word: String) -> String? {
        let upper = word.uppercased()
        if ["Z", "UTC", "GMT"].contains(upper) { return "Z" }
        var rest = Substring(upper)
        for prefix in ["UTC", "GMT"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let digits = rest.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), rest.dropFirst().filter({ $0 == ":" }).count <= 1 else { return nil }
        let hours: Int?
        let minutes: Int?
        switch digits.count {
        case 1, 2: (hours, minutes) = (Int(digits), 0)
        case 4: (hours, minutes) = (Int(digits.prefix(2)), Int(digits.suffix(2)))
        default: return nil
        }
        guard let hours, let minutes, hours <= 14, minutes <= 59 else { return nil }
        if hours == 0 && minutes == 0 { return "Z" }
        return String(sign) + two(hours) + ":" + two(minutes)
    }
}
