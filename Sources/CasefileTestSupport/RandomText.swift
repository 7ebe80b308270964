/// Random text of the kinds that break recfile writers: Cyrillic and Kazakh words, emoji,
/// quotes, lines that begin with `+` or `#`, leading and trailing spaces and tabs, empty
/// lines, lines ending in backslashes, and now and then a very long value.
public enum RandomText {
    /// Words a case about Kazakh bloggers holds, in Russian, Kazakh and English.
    public static let words = [
        "Завтра", "у", "Есимова", "на", "ланче", "Алматы", "аким", "блогер", "задержали", "твиттер",
        "Қазақстан", "әкім", "ғаламтор", "құқық", "жаңалық", "өмір", "ұлт", "үкімет", "һәм", "іс", "Әділет",
        "Tomorrow", "at", "lunch", "mayor", "detained", "bloggers", "police", "court", "the", "of",
        "#KAZ", "#Алматы", "#ЕсимовЖГИ", "@extremkz", "😀", "🇰🇿", "👍🏽", "👩‍💻",
        "«кавычки»", "\"quoted\"", "'single'", "‘apostrophe’", "“curly”", "—", "…", "100%", "a:b", "x=y",
    ]

    /// Whole lines chosen for being awkward to store.
    public static let awkwardLines = [
        "", "+", "+ begins with plus", "++", "+\ttab after plus", "  two leading spaces", " one leading space",
        "trailing spaces   ", "\tleading tab", "trailing tab\t", "ends with a backslash\\", "\\", "\\\\",
        "two backslashes\\\\", "# looks like a comment", "%rec: Fake", "Name: looks like a field", "   ",
        "\t", "mid\\dle", "a\rb", "ends with a carriage return\r",
    ]

    /// A single line of one to `maxWords` words.
    public static func line(_ rng: inout SeededGenerator, maxWords: Int = 8) -> String {
        (0..<rng.int(1...maxWords)).map { _ in rng.pick(words) }.joined(separator: " ")
    }

    /// A value: usually a line, sometimes several lines with awkward ones among them,
    /// sometimes empty, rarely very long.
    public static func value(_ rng: inout SeededGenerator, long: Bool = true) -> String {
        let roll = rng.int(0...99)
        switch roll {
        case 0..<4:
            return ""
        case 4..<45:
            return line(&rng)
        case 45..<60:
            return rng.pick(awkwardLines)
        case 60..<97:
            return (0..<rng.int(2...6)).map { _ in rng.chance(0.4) ? rng.pick(awkwardLines) : line(&rng) }
                .joined(separator: "\n")
        default:
            guard long else { return line(&rng, maxWords: 40) }
            // Very long: a few thousand words, one line or paragraphs.
            let count = rng.int(500...4000)
            var text = ""
            for index in 0..<count {
                if index > 0 { text += rng.chance(0.02) ? "\n" : " " }
                text += rng.pick(words)
            }
            return text
        }
    }

    /// A single-line value without awkward ends (titles, names).
    public static func name(_ rng: inout SeededGenerator) -> String {
        line(&rng, maxWords: 4)
    }

    /// The text of a comment line (without `#`): anything but a newline.
    public static func comment(_ rng: inout SeededGenerator) -> String {
        switch rng.int(0...5) {
        case 0: return ""
        case 1: return " " + line(&rng)
        case 2: return "  indented: " + line(&rng, maxWords: 3)
        case 3: return line(&rng, maxWords: 3) + "\\"
        case 4: return "Field: not a field"
        default: return " TODO " + line(&rng, maxWords: 3) + "   "
        }
    }

    /// A valid ISO date (`YYYY-MM-DD`).
    public static func date(_ rng: inout SeededGenerator) -> String {
        let year = rng.int(2005...2026)
        let month = rng.int(1...12)
        let days = month == 2 ? (year % 4 == 0 ? 29 : 28) : ([4, 6, 9, 11].contains(month) ? 30 : 31)
        return "\(year)-\(pad(month))-\(pad(rng.int(1...days)))"
    }

    /// A valid ISO date-time in UTC.
    public static func dateTime(_ rng: inout SeededGenerator) -> String {
        "\(date(&rng))T\(pad(rng.int(0...23))):\(pad(rng.int(0...59))):\(pad(rng.int(0...59)))Z"
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
