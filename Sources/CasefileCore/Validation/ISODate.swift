/// ISO 8601 dates as case files store them: `2014`, `2014-02`, `2014-02-04`, or a
/// date-time `2014-02-04T13:05:00Z` (seconds and zone optional, offsets allowed).
public enum ISODate {
    /// `isValid` of UTF-8 bytes: the common shapes checked on them, with no string made.
    static func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let plain = plainDate(bytes: bytes) { return plain }
        if let plain = plainDateTime(bytes: bytes) { return plain }
        return isValid(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether `text` is a valid ISO date or date-time (with real month lengths).
    public static func isValid(_ text: String) -> Bool {
        // The common case, YYYY-MM-DD, checked on the bytes without splitting.
        if let plain = plainDate(text) { return plain }
        // And `YYYY-MM-DDTHH:MM:SSZ`, which every import writes for every post.
        if let plain = plainDateTime(text) { return plain }
        // No form has a space: `4 February 2014` is turned away before any splitting.
        if text.utf8.contains(0x20) { return false }
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let datePart = parts.first, isValidDate(datePart) else { return false }
        if parts.count == 2 { return datePart.count == 10 && isValidTime(parts[1]) }
        return true
    }

    static func isValidDate(_ text: Substring) -> Bool {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(pieces.count), pieces[0].count == 4, let year = number(pieces[0]) else { return false }
        if pieces.count >= 2 {
            guard pieces[1].count == 2, let month = number(pieces[1]), (1...12).contains(month) else { return false }
            if pieces.count == 3 {
                guard pieces[2].count == 2, let day = number(pieces[2]) else { return false }
                return day >= 1 && day <= daysIn(month: month, year: year)
            }
        }
        return year >= 0
    }

    static func isValidTime(_ text: Substring) -> Bool {
        var clock = text
        if clock.hasSuffix("Z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = clock[clock.index(after: sign)...].split(separator: ":")
            guard (1...2).contains(offset.count), offset.allSatisfy({ $0.count == 2 && number($0) != nil }) else { return false }
            clock = clock[..<sign]
        }
        let pieces = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(pieces.count) else { return false }
        let limits = [23, 59, 60]
        for (index, piece) in pieces.enumerated() {
            let whole = piece.split(separator: ".", maxSplits: 1).first ?? piece
            guard whole.count == 2, let value = number(whole), value <= limits[index] else { return false }
        }
        return true
    }

    /// Whether a 10-byte `YYYY-MM-DD` is a real date; nil when `text` has another shape.
    static func plainDate(_ text: String) -> Bool? { plainDate(bytes: text.utf8) }

    /// `plainDate` of UTF-8 bytes.
    static func plainDate<Bytes: Collection<UInt8>>(bytes: Bytes) -> Bool? {
        guard bytes.count == 10 else { return nil }
        var year = 0
        var month = 0
        var day = 0
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            if index < 4 { year = year * 10 + digit } else if index < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
        }
        return (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Whether a 20-byte `YYYY-MM-DDTHH:MM:SSZ` is a real moment; nil for other shapes.
    static func plainDateTime(_ text: String) -> Bool? { plainDateTime(bytes: Array(text.utf8)[...]) }

    /// `plainDateTime` of UTF-8 bytes.
    static func plainDateTime<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes) -> Bool? where Bytes.Index == Int {
        let start = bytes.startIndex
        guard bytes.count == 20, bytes[start + 10] == UInt8(ascii: "T"), bytes[start + 13] == UInt8(ascii: ":"),
              bytes[start + 16] == UInt8(ascii: ":"), bytes[start + 19] == UInt8(ascii: "Z") else { return nil }
        func two(_ at: Int) -> Int? {
            let high = bytes[start + at], low = bytes[start + at + 1]
            guard high >= 0x30 && high <= 0x39 && low >= 0x30 && low <= 0x39 else { return nil }
            return Int(high - 0x30) * 10 + Int(low - 0x30)
        }
        guard let date = plainDate(bytes: bytes.prefix(10)),
              let hour = two(11), let minute = two(14), let second = two(17) else { return nil }
        return date && hour <= 23 && minute <= 59 && second <= 60
    }

    /// The number of days in `month` of `year` (Gregorian).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
