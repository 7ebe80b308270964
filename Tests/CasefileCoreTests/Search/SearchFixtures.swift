import CasefileCore

/// Small cases for search tests: Russian and Kazakh originals, English translations.
enum SearchFixtures {
    static func person(_ id: String, _ name: String, handles: [String] = [], aliases: [String] = [],
                       tags: [String] = []) -> Entry {
        var fields = [Field("Name", name)]
        fields += handles.map { Field("Handle", $0) }
        fields += aliases.map { Field("Alias", $0) }
        fields += tags.map { Field("Tag", $0) }
        return Entry(kind: .person, id: id, fields: fields)
    }

    static func post(_ id: String, author: String, date: String? = nil, lang: String, _ text: String,
                     tags: [String] = []) -> Entry {
        var fields = [Field("Author", author), Field("Lang", lang), Field("Text", text)]
        if let date { fields.append(Field("Date", date)) }
        fields += tags.map { Field("Tag", $0) }
        return Entry(kind: .post, id: id, fields: fields)
    }

    static func quote(_ id: String, speaker: String, lang: String, _ text: String) -> Entry {
        Entry(kind: .quote, id: id, fields: [Field("Speaker", speaker), Field("Lang", lang), Field("Text", text)])
    }

    static func translation(of original: String, lang: String, by: String? = nil, _ text: String) -> Entry {
        var fields = [Field("Of", original), Field("Lang", lang), Field("Text", text)]
        if let by { fields.append(Field("By", by)) }
        return Entry(kind: .translation, id: original + "." + lang, fields: fields)
    }

    static func source(_ id: String, _ title: String) -> Entry {
        Entry(kind: .source, id: id, fields: [Field("Title", title)])
    }

    static func note(on id: String, _ text: String, at: String = "2014-02-06T10:00:00Z", by: String = "") -> Note {
        Note(NoteKey(on: id, at: at, by: by, text: text))
    }

    static func caseFile(_ entries: [Entry], notes: [Note] = [], lang: String? = nil) -> CaseFile {
        var file = CaseFile(title: "Test case")
        if let lang { file.header.set("Lang", lang) }
        for entry in entries { file.put(entry) }
        for note in notes { file.put(note) }
        return file
    }

    /// The Kazakh bloggers case in miniature, from the Global Voices article.
    static let bloggers: CaseFile = caseFile([
        person("aitelenov", "Nurali Aitelenov", handles: ["@extremkz"], aliases: ["IT-len-off Нурали"], tags: ["detained"]),
        person("kibraev", "Rinat Kibraev", tags: ["detained"]),
        person("shchyolokov", "Dmitry Shchyolokov", tags: ["detained"]),
        person("esimov", "Ахметжан Есимов", aliases: ["Akhmetzhan Esimov"], tags: ["mayor"]),
        person("baitukenov", "Cinemaholic", handles: ["@baitukenov"]),
        person("evlaman", "жадность=грех", handles: ["@evlaman"]),
        post("extremkz-2014-02-04", author: "aitelenov", date: "2014-02-04", lang: "ru",
             "Завтра у #Есимов‘а на ланче… #Алматы #KAZ #аким #ЕсимовЖГИ"),
        post("extremkz-2014-02-05", author: "aitelenov", date: "2014-02-05", lang: "ru",
             "Акция против продажных блоггеров @YakovFedorov @KaDumanKz @iKairat #есимовжги #Алматы #KAZ #Есимов #аким"),
        post("baitukenov-2014-02-05", author: "baitukenov", date: "2014-02-05", lang: "ru",
             "Надеюсь, хоть кто-то из блогеров на обеде с Есимовым догадался достать портмоне, и заплатить за свой обед?"),
        post("evlaman-2014-02-05", author: "@evlaman", date: "2014-02-05", lang: "ru",
             "Если кто-то считает что возможность иметь хоть какой-то цивилиз-ный разговор и озвучить проблемы сводяться к оплате чека в ресторане анфолоу"),
        translation(of: "extremkz-2014-02-04", lang: "en", by: "Global Voices",
                    "Tomorrow at #Esimov's lunch… [Text under Esimov's photo reads, “Dear corrupt bloggers”]."),
        translation(of: "baitukenov-2014-02-05", lang: "en", by: "Global Voices",
                    "I hope at least some of the bloggers attending a lunch meeting with Esimov have taken out their wallets and paid for their food?"),
        source("global-voices", "Some Kazakh Bloggers Dine With Mayor, Some Get Jail Terms"),
        post("kz-2014-02-07", author: "kibraev", date: "2014-02-07", lang: "kk", "Қазақстан блогерлері Алматыда жиналды. Жұмабек пен Ғалым келді."),
    ], notes: [note(on: "kibraev", "Detained outside the restaurant in Almaty")])
}
