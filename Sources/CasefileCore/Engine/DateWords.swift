/// Month names as Russian, Ukrainian, Belarusian, Kazakh, Kyrgyz and English sources
/// write them in dates, and the words that stand beside a date without changing it
/// (`г.`, `года`, `жылғы`, `at`).
enum DateWords {
    /// Words ignored in a date.
    static let filler: Set<String> = ["г", "г.", "гг.", "года", "год", "рік", "року", "р.", "год.", "жыл", "жылғы", "жылы",
                                      "ж.", "ж", "on", "at", "в", "о", "у", "сағат", "саат", "the", "of"]

    /// Month words, one list per month (lower case, without a final dot).
    static let forms: [[String]] = [
        ["январь", "января", "янв", "січень", "січня", "студзень", "студзеня", "қаңтар"],
        ["февраль", "февраля", "фев", "февр", "лютий", "лютого", "люты", "лютага", "ақпан"],
        ["март", "марта", "мар", "березень", "березня", "сакавік", "сакавіка", "наурыз"],
        ["апрель", "апреля", "апр", "квітень", "квітня", "красавік", "красавіка", "сәуір"],
        ["май", "мая", "травень", "травня", "мамыр"],
        ["июнь", "июня", "июн", "червень", "червня", "чэрвень", "чэрвеня", "маусым"],
        ["июль", "июля", "июл", "липень", "липня", "ліпень", "ліпеня", "шілде"],
        ["август", "августа", "авг", "серпень", "серпня", "жнівень", "жніўня", "тамыз"],
        ["сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "верасень", "верасня", "қыркүйек"],
        ["октябрь", "октября", "окт", "жовтень", "жовтня", "кастрычнік", "кастрычніка", "қазан"],
        ["ноябрь", "ноября", "ноя", "нояб", "листопад", "листопада", "лістапад", "лістапада", "қараша"],
        ["декабрь", "декабря", "дек", "грудень", "грудня", "снежань", "снежня", "желтоқсан"],
    ]

    private static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, words) in forms.enumerated() { for word in words { table[word] = index + 1 } }
        return table
    }()

    /// Kazakh month names, which take case endings in dates (`25 наурызда`).
    private static let kazakh = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
                                 "қазан", "қараша", "желтоқсан"]

    /// The month (1–12) a word names, or nil.
    static func month(_ word: String) -> Int? {
        var lowered = word.lowercased()
        while lowered.hasSuffix(".") { lowered.removeLast() }
        guard lowered.count >= 3 else { return nil }
        if let index = table[lowered] { return index }
        if let index = kazakh.firstIndex(where: { lowered.hasPrefix($0) && lowered.count - $0.count <= 3 }) { return index + 1 }
        // English: any prefix of three letters or more ("Sept", "Feb").
        return DateParser.monthNames.firstIndex { $0.utf8.starts(with: lowered.utf8) }.map { $0 + 1 }
    }
}
