import LineEditor

/// Completes the word before the cursor from a fixed list. When nothing starts with the
/// typed prefix, a Cyrillic prefix is tried in Latin letters (`Айт` → `aitelenov`), as
/// casefile's Ids are.
final class DemoCompleter: Completer {
    let words = [
        "help", "show", "search", "aitelenov", "esimov", "extremkz-2014-02-04",
        "Есимов", "Есенов", "Қазақстан",
    ]

    func complete(line: String, cursor: Int) -> Completion {
        let before = Array(line.prefix(cursor))
        var start = before.count
        while start > 0, !before[start - 1].isWhitespace { start -= 1 }
        let typed = String(before[start...]).lowercased()
        let latin = Self.latin(typed)
        var matches = words.filter { $0.lowercased().hasPrefix(typed) }
        if matches.isEmpty, latin != typed {
            matches = words.filter { $0.lowercased().hasPrefix(latin) }
        }
        return Completion(start: start, candidates: matches.map { Completion.Candidate($0) })
    }

    private static let letters: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ы": "y", "э": "e",
    ]

    private static func latin(_ text: String) -> String {
        text.map { letters[$0] ?? String($0) }.joined()
    }
}
