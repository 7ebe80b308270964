import CasefileCore

/// The case the fault tests kill processes on: `entries` people, posts and quotes (with
/// Cyrillic text, some multi-line), plus links between them; deterministic, valid, and
/// small per entry so that a save is quick even in a debug build.
public enum FaultCase {
    /// The clock every fault-test notebook uses (2025-11-25T12:00:00Z).
    public static let settings = Settings(userName: "fault", fixedTime: 1_764_072_000)

    /// A person's Id: `p000042`.
    public static func personId(_ index: Int) -> String { "p" + padded(index) }

    /// How many people a case of `entries` entries has.
    public static func people(_ entries: Int) -> Int { max(1, entries / 2) }

    /// The case, at revision 1.
    public static func make(entries: Int) -> CaseFile {
        var caseFile = CaseFile(title: "Fault trials")
        caseFile.header.set("Revision", "1")
        caseFile.header.set("Saved", settings.now())
        let people = people(entries)
        let posts = max(0, (entries - people) * 4 / 5)
        let quotes = max(0, entries - people - posts)
        for index in 0..<people {
            var fields = [Field("Name", "Person \(index)"), Field("Handle", "@h\(index)")]
            if index % 5 == 0 { fields.append(Field("Alias", "Персона \(index)")) }
            caseFile.put(Entry(kind: .person, id: personId(index), fields: fields))
        }
        for index in 0..<posts {
            let text = index % 7 == 0 ? "Завтра у Есимова \(index)\nвторая строка" : "Завтра у Есимова на ланче \(index)"
            caseFile.put(Entry(kind: .post, id: "q" + padded(index), fields: [
                Field("Author", personId(index % people)), Field("Date", "2014-02-04"), Field("Lang", "ru"),
                Field("Text", text),
            ]))
        }
        for index in 0..<quotes {
            caseFile.put(Entry(kind: .quote, id: "s" + padded(index), fields: [
                Field("Speaker", personId((index * 3) % people)), Field("Lang", "en"), Field("Text", "Quoted \(index)"),
            ]))
        }
        for index in stride(from: 0, to: people - 1, by: 10) {
            caseFile.put(Link(LinkKey(from: personId(index), rel: "detained-with", to: personId(index + 1))))
        }
        return caseFile
    }

    private static func padded(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

/// The commands a fault-test process runs, in order: for each revision from 2 up, a
/// fixed set of changes (add, here-document, tag, undo, link, annotate), then a save.
/// A journal's steps are compared, in order, with the commands a process reported running.
public enum FaultSchedule {
    /// Commands per revision.
    public static let perRevision = 7

    /// The revision command `index` belongs to (its save makes that revision).
    public static func revision(of index: Int) -> Int { 2 + index / perRevision }

    /// The first command of `revision`.
    public static func firstIndex(of revision: Int) -> Int { (revision - 2) * perRevision }

    /// Whether command `index` is the last before its revision's save.
    public static func endsRevision(_ index: Int) -> Bool { index % perRevision == perRevision - 1 }

    /// Command `index`, in the command language, for a case of `entries` entries.
    public static func command(_ index: Int, entries: Int) -> String {
        let revision = revision(of: index)
        let target = FaultCase.personId((revision * 7919) % FaultCase.people(entries))
        switch index % perRevision {
        case 0: return "add person \"Fault Person \(revision)\" id=fault-\(revision) handle=@fault\(revision) alias=\"Ошибка \(revision)\""
        case 1: return "add post @fault\(revision) 2014-02-04 lang=ru id=fault-post-\(revision) <<END\nЗавтра \(revision)\n+ вторая строка \\\nEND"
        case 2: return "tag \(target) fault-\(revision)"
        case 3: return "tag \(target) oops-\(revision)"
        case 4: return "undo"
        case 5: return "link fault-\(revision) detained-with \(target) note=\"fault \(revision)\""
        default: return "annotate fault-post-\(revision) \"fault note \(revision)\""
        }
    }
}

extension FaultSchedule {
    /// A fingerprint of what the schedule changes in `notebook`: the entries, links and
    /// notes it touches in revisions 2 to `lastRevision`, the counts of entries, links and
    /// notes, and the session log. Two notebooks at the same point of the schedule (one
    /// that ran it, one that recovered a journal of it) have the same fingerprint.
    public static func fingerprint(_ notebook: Notebook, entries: Int, lastRevision: Int) -> String {
        let caseFile = notebook.caseFile
        var text = "\(caseFile.entries.count) \(caseFile.links.count) \(caseFile.notes.count)\n"
        for revision in 2...max(2, lastRevision) {
            let target = FaultCase.personId((revision * 7919) % FaultCase.people(entries))
            for id in ["fault-\(revision)", "fault-post-\(revision)", target] {
                text += "\(id): \(caseFile[id].map { String(describing: $0) } ?? "none")\n"
            }
        }
        for link in caseFile.links.values.filter({ $0.key.from.hasPrefix("fault-") }).sorted(by: { $0.key < $1.key }) {
            text += "\(link)\n"
        }
        for note in caseFile.notes.values.filter({ $0.key.on.hasPrefix("fault-post-") }).sorted(by: { $0.key < $1.key }) {
            text += "\(note)\n"
        }
        text += notebook.sessionLog.joined(separator: "\n")
        var bytes = Array(text.utf8)
        return String(bytes.withUnsafeMutableBufferPointer { ContentHash.of(UnsafeBufferPointer($0)) }, radix: 16)
    }
}
