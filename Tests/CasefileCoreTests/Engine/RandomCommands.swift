import CasefileCore
import CasefileTestSupport

/// Random command lines over the real commands, chosen from the case as it stands, so
/// that most of them succeed and some fail (unknown Ids, referenced entries, …).
struct RandomCommands {
    var random: TranscriptRandom
    private var counter = 0

    init(seed: UInt64) { random = TranscriptRandom(seed: seed) }

    private mutating func ids(_ caseFile: CaseFile, _ kinds: [Kind]) -> [String] {
        kinds.flatMap { caseFile.orderedIds(of: $0) }
    }

    private mutating func pick(_ caseFile: CaseFile, _ kinds: [Kind]) -> String {
        random.pick(ids(caseFile, kinds)) ?? "missing"
    }

    private mutating func text() -> String { Quoting.word(random.text()) }

    private mutating func date() -> String {
        let day = random.int(1...28)
        return random.pick(["2014-02-\(day < 10 ? "0" : "")\(day)", "\"\(day) February 2014\"", "\"February \(day), 2014\""]) ?? ""
    }

    /// The next command line for `caseFile`.
    mutating func next(for caseFile: CaseFile) -> String {
        counter += 1
        let all: [Kind] = [.person, .post, .quote, .translation, .source]
        let people = ids(caseFile, [.person])
        let someone = random.pick(people) ?? "nobody"
        let author: String = {
            if random.chance(0.3), let entry = caseFile[someone], let handle = entry.handles.first { return handle }
            return someone
        }()
        switch random.int(0...19) {
        case 0, 1:
            let name = random.pick(["Nurali Aitelenov", "Ахметжан Есимов", "Rinat Kibraev", "Қайрат Нұрғали", "Ali G"]) ?? "X"
            var line = "add person \(Quoting.word(name))"
            if random.chance(0.5) { line += " handle=@h\(random.int(1...9))" }
            if random.chance(0.3) { line += " alias=\(text())" }
            if random.chance(0.3) { line += " tag=t\(random.int(1...3))" }
            return line
        case 2, 3:
            var line = "add post \(author) \(date()) \(text())"
            if random.chance(0.5) { line += " lang=" + (random.pick(["ru", "kk", "en"]) ?? "ru") }
            return line
        case 4:
            var line = "add quote \(author) \(text())"
            if random.chance(0.5) { line += " from=\(pick(caseFile, [.post]))" }
            return line
        case 5:
            return "add source \(text()) published=\(date())"
        case 6:
            let lang = random.pick(["en", "de", "fr", "kk"]) ?? "en"
            return "translate \(pick(caseFile, [.post, .quote])) \(lang) \(text())" + (random.chance(0.3) ? " status=final" : "")
        case 7, 8:
            let rel = random.pick(Relation.words + ["knows"]) ?? "mentions"
            return "link \(pick(caseFile, all)) \(rel) \(pick(caseFile, all))" + (random.chance(0.3) ? " note=\(text())" : "")
        case 9:
            guard let key = random.pick(caseFile.orderedLinks()) else { return "unlink a mentions b" }
            return "unlink \(key.from) \(key.rel) \(key.to)"
        case 10:
            return "annotate \(pick(caseFile, all)) \(text())" + (random.chance(0.3) ? " by=\(text())" : "")
        case 11:
            let id = pick(caseFile, all)
            let assignment = random.pick(["url=https://x.org/\(counter)", "custom=\(text())", "date=\(date())",
                                          "role=\(text())", "lang=ru", "status=reviewed", "platform=twitter"]) ?? ""
            return "set \(id) \(assignment)"
        case 12:
            return "unset \(pick(caseFile, all)) " + (random.pick(["url", "custom", "role", "lang", "platform", "tag"]) ?? "url")
        case 13:
            return "tag \(pick(caseFile, all)) t\(random.int(1...3))"
        case 14:
            let id = pick(caseFile, all)
            let tag = caseFile[id]?.tags.first ?? "t1"
            return "untag \(id) \(tag)"
        case 15:
            return "rename \(pick(caseFile, all)) r\(counter)"
        case 16:
            return "rm \(pick(caseFile, all)) --cascade"
        case 17:
            let kind = random.pick(all) ?? .person
            return "merge \(pick(caseFile, [kind])) \(pick(caseFile, [kind]))"
        case 18:
            return "pair \(pick(caseFile, [.translation])) \(pick(caseFile, [.post, .quote]))"
        default:
            return "unpair \(pick(caseFile, [.translation]))"
        }
    }
}
