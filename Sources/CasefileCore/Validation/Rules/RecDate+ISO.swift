/// The ISO 8601 forms almost every date in a case file takes (`2024-05-01`,
/// `2024-05-01T12:00`, `2024-05-01T12:00:05.5Z`, `2024-05-01 12:00+02:00`), read from the
/// UTF-8 bytes without the word splitting and lower-casing the general grammar needs.
///
/// `check` reads every `date`-typed value and both sides of every `<<` in a `%constraint`,
/// once per record: on a million records the general path was most of the time spent on
/// declared rules. Anything outside these forms returns nil and takes the general path,
/// so the fast path only decides what the general one would decide the same way.
extension RecDate {
    /// Seconds since 1970 of an ISO date or date-time, or nil when `text` is not in one of
    /// the forms above (not necessarily not a date).
    static func isoSeconds(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { isoSeconds(bytes: $0) }
    }

    private static func isoSeconds(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var reader = ISOBytes(bytes: bytes)
        guard let year = reader.digits(exactly: 4), reader.skip(UInt8(ascii: "-")),
              let month = reader.digits(exactly: 2), reader.skip(UInt8(ascii: "-")),
              let day = reader.digits(exactly: 2),
              (1...12).contains(month), day >= 1, day <= ISODate.daysIn(month: month, year: year)
        else { return nil }
        let midnight = Double(days(year: year, month: month, day: day)) * 86_400
        if reader.atEnd { return midnight }
        guard let separator = reader.next(), separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
                || separator == UInt8(ascii: " "),
              let hour = reader.digits(exactly: 2), reader.skip(UInt8(ascii: ":")),
              let minute = reader.digits(exactly: 2), hour <= 23, minute <= 59 else { return nil }
        var second = 0.0
        if reader.skip(UInt8(ascii: ":")) {
            let start = reader.position
            guard let whole = reader.digits(exactly: 2) else { return nil }
            second = Double(whole)
            if reader.skip(UInt8(ascii: ".")) {
                // Parsed as the general path parses it, so that both give the same Double.
                guard reader.skipDigits(), let exact = Double(String(decoding: UnsafeBufferPointer(
                    rebasing: bytes[start..<reader.position]), as: UTF8.self)) else { return nil }
                second = exact
            }
            guard second < 61 else { return nil }
        }
        var zone = 0.0
        if let mark = reader.peek() {
            if mark == UInt8(ascii: "Z") || mark == UInt8(ascii: "z") {
                _ = reader.next()
            } else if mark == UInt8(ascii: "+") || mark == UInt8(ascii: "-") {
                _ = reader.next()
                guard let hours = reader.digits(exactly: 2) else { return nil }
                _ = reader.skip(UInt8(ascii: ":"))
                let minutes = reader.atEnd ? 0 : reader.digits(exactly: 2)
                guard let minutes else { return nil }
                zone = (mark == UInt8(ascii: "-") ? -1 : 1) * Double(hours * 3_600 + minutes * 60)
            } else {
                return nil
            }
        }
        guard reader.atEnd else { return nil }
        return midnight + Double(hour * 3_600 + minute * 60) + second - zone
    }
}

/// A cursor over the bytes of one ISO date.
private struct ISOBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var atEnd: Bool { position == bytes.count }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Exactly `count` ASCII digits as a number.
    mutating func digits(exactly count: Int) -> Int? {
        guard bytes.count - position >= count else { return nil }
        var value = 0
        for _ in 0..<count {
            let digit = Int(bytes[position]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
            position += 1
        }
        return value
    }

    /// Skips one or more ASCII digits; false when there is none.
    mutating func skipDigits() -> Bool {
        let start = position
        while let byte = peek(), (48...57).contains(byte) { position += 1 }
        return position > start
    }
}
