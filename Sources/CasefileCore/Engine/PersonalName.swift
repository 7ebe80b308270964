/// Whether a person's Name reads as a personal name (`Nurali Aitelenov`, `Ахметжан
/// Есимов`) or as an account's or organisation's (`Телеканал ДОЖДЬ`, `Исторические Фото`,
/// `Vlast.kz`): an account added with a handle is better named by the handle (`tvrain`)
/// than by a word of its title (`dozhd`, `foto`).
enum PersonalName {
    /// Words that name what an account is rather than who.
    static let accountWords: Set<String> = [
        "телеканал", "канал", "тв", "радио", "газета", "журнал", "новости", "новостей", "медиа", "агентство", "фото",
        "официальный", "официальная", "пресс-служба", "пресс", "инфо", "блог", "клуб", "фонд", "партия", "движение",
        "союз", "министерство", "мвд", "акимат", "әкімдігі", "университет", "группа", "центр", "проект", "история",
        "исторические", "исторический", "жаңалықтары", "арнасы", "телеарна", "газеті", "тележурнал", "редакция",
        "tv", "channel", "radio", "news", "media", "agency", "photo", "photos", "official", "press", "info", "blog",
        "club", "foundation", "party", "movement", "union", "ministry", "university", "group", "center", "centre",
        "project", "daily", "times", "post", "today", "live", "online", "history", "historical", "world", "network",
        "magazine", "journal", "report", "watch", "initiative", "institute", "service", "bureau", "office", "fund",
        "rights", "human", "free", "freedom", "kazakhstan", "россия", "україна", "қазақстан",
    ]

    /// Lower-case words that belong inside personal names.
    static let particles: Set<String> = ["de", "da", "van", "von", "der", "al", "el", "ibn", "bin", "ұлы", "қызы", "кызы", "уулу", "оглы"]

    /// Whether `name` reads as a person's name: two to four capitalised words of letters,
    /// none in capitals throughout, none naming a kind of account.
    static func looksPersonal(_ name: String) -> Bool {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard (2...4).contains(words.count) else { return false }
        for word in words {
            let lowered = word.lowercased()
            if accountWords.contains(lowered) { return false }
            if particles.contains(lowered) { continue }
            guard word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }),
                  let first = word.first, first.isUppercase else { return false }
            let letters = word.filter(\.isLetter)
            if letters.count >= 2 && letters.allSatisfy(\.isUppercase) { return false }  // ДОЖДЬ, BBC
        }
        return true
    }
}
