import BenchSupport
import CasefileCore

/// A generated replay script of adds, links, notes and sets, as a researcher's build
/// script would have them (some Ids given, most made from names, handles and dates).
enum ScriptGenerator {
    /// A script of `total` commands; returns the text and how many of each kind.
    static func script(commands total: Int, seed: UInt64 = 42) -> (text: String, mix: [String: Int]) {
        var random = SeededRandom(seed: seed)
        var lines: [String] = ["new \"Generated case\""]
        var mix: [String: Int] = [:]
        let people = total / 10
        let posts = total * 4 / 10
        var postIds: [String] = []
        for index in 0..<people {
            let name = random.pick(Texts.firstNames) + " " + random.pick(Texts.surnames)
            // A third have an Id given; the rest get one made from the surname.
            let id = index % 3 == 0 ? " id=p\(index)" : ""
            lines.append("add person \(Quoting.word(name))\(id) handle=@h\(index) role=blogger tag=t\(index % 7)")
        }
        mix["add person"] = people
        for index in 0..<posts {
            let day = 1 + random.int(0..<28)
            let date = index % 5 == 0 ? "\"\(day) February 2014\"" : "2014-02-\(day < 10 ? "0" : "")\(day)"
            let text = Texts.sentence(&random, words: 4 + random.int(0..<12))
            let lang = index % 4 == 0 ? "" : " lang=" + random.pick(Texts.languages)
            let id = "post\(index)"
            postIds.append(id)
            lines.append("add post @h\(random.int(0..<people)) \(date) \(Quoting.word(text)) id=\(id)\(lang)"
                + " platform=\(random.pick(Texts.platforms))")
        }
        mix["add post"] = posts
        let links = total / 4
        for _ in 0..<links {
            lines.append("link @h\(random.int(0..<people)) \(random.pick(Texts.relations)) \(random.pick(postIds))")
        }
        mix["link"] = links
        let notes = total * 15 / 100
        for _ in 0..<notes {
            lines.append("annotate \(random.pick(postIds)) \(Quoting.word(Texts.sentence(&random, words: 6)))")
        }
        mix["annotate"] = notes
        let sets = total - 1 - people - posts - links - notes
        for index in 0..<sets {
            if index % 2 == 0 {
                lines.append("set \(random.pick(postIds)) url=https://twitter.com/x/status/\(index) tag=checked")
            } else {
                lines.append("set @h\(random.int(0..<people)) role=\(Quoting.word(random.pick(Texts.words)))")
            }
        }
        mix["set"] = sets
        mix["new"] = 1
        return (lines.joined(separator: "\n") + "\n", mix)
    }
}
