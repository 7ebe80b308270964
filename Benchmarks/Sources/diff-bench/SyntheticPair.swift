import BenchSupport
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Two canonical case files of `entries` entries that differ in `changes` of them:
/// 40% changed (a tag added, a line of text rewritten), 20% removed, 20% added,
/// 20% renamed. Written straight as text, in canonical order, so a million entries
/// take seconds and little memory.
struct SyntheticPair {
    var entries: Int
    var changes: Int

    /// What kind of difference entry `index` gets (nil: the same in both files).
    func change(at index: Int) -> Character? {
        let stride = max(1, entries / max(1, changes))
        guard index % stride == stride / 2, index / stride < changes else { return nil }
        switch (index / stride) % 5 {
        case 0, 1: return "~"
        case 2: return "-"
        case 3: return "+"
        default: return ">"
        }
    }

    /// Writes `old.rec` and `new.rec` into `folder`.
    func write(to folder: String) throws {
        let old = try Writer(path: folder + "/old.rec")
        let new = try Writer(path: folder + "/new.rec")
        let header = "# casefile format 1\n%rec: Casefile\n\nFormat: 1\nTitle: Synthetic case\nRevision: 7\nSaved: 2025-11-25T12:00:00Z\n"
        old.add(header)
        new.add(header.replacingOccurrences(of: "Revision: 7\nSaved: 2025-11-25T12:00:00Z", with: "Revision: 8\nSaved: 2025-11-26T12:00:00Z"))
        let people = entries / 4
        let posts = entries / 2
        let translations = entries - people - posts
        var index = 0
        for (kind, count) in [("Person", people), ("Post", posts), ("Translation", translations)] {
            let descriptor: String
            switch kind {
            case "Person": descriptor = "\n%rec: Person\n%key: Id\n%mandatory: Name\n"
            case "Post": descriptor = "\n%rec: Post\n%key: Id\n%mandatory: Author Text\n"
            default: descriptor = "\n%rec: Translation\n%key: Id\n%mandatory: Lang Text\n"
            }
            old.add(descriptor)
            new.add(descriptor)
            for number in 0..<count {
                let id = Self.id(kind, number)
                let record = self.record(kind, id: id, number: number)
                switch change(at: index) {
                case "~"?:
                    old.add(record)
                    new.add(kind == "Person"
                        ? record.replacingOccurrences(of: "\nRole: blogger\n", with: "\nRole: journalist\n")
                        : record.replacingOccurrences(of: "\nText: ", with: "\nTag: reviewed\nText: Правка: "))
                case "-"?:
                    old.add(record)
                case "+"?:
                    old.add(record)
                    new.add(record)
                    new.add(self.record(kind, id: id + "-a", number: number + 1))
                case ">"?:
                    old.add(record)
                    new.add(record.replacingOccurrences(of: "Id: \(id)\n", with: "Id: \(id)-r\n"))
                default:
                    old.add(record)
                    new.add(record)
                }
                index += 1
            }
        }
        let links = "\n%rec: Link\n%mandatory: From Rel To\n"
        old.add(links)
        new.add(links)
        for number in 0..<(people / 4) {
            let link = "\nFrom: \(Self.id("Person", number))\nRel: mentions\nTo: \(Self.id("Person", number + 1))\n"
            old.add(link)
            new.add(link)
        }
        try old.close()
        try new.close()
    }

    static func id(_ kind: String, _ number: Int) -> String {
        let digits = String(number)
        return kind.lowercased() + "-" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    func record(_ kind: String, id: String, number: Int) -> String {
        switch kind {
        case "Person":
            return "\nId: \(id)\nName: Блогер Номер \(number)\nHandle: @user\(number)\nRole: blogger\nTag: kz\n"
        case "Post":
            return "\nId: \(id)\nAuthor: \(Self.id("Person", number % max(1, entries / 4)))\nDate: 2014-02-0\(number % 9 + 1)\n"
                + "Platform: twitter\nLang: ru\nText: Завтра у #Есимов‘а на ланче… #Алматы #KAZ номер \(number)\n"
                + "+ вторая строка текста \(number)\n"
        default:
            return "\nId: \(id)\nOf: \(Self.id("Post", number))\nLang: en\nBy: Global Voices\nStatus: final\n"
                + "Text: Tomorrow at #Esimov's lunch… #Almaty #KAZ number \(number)\n"
        }
    }
}

/// Buffered writes to a file.
final class Writer {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let path: String

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BenchFailure("cannot create \(path)") }
        buffer.reserveCapacity(1 << 20)
    }

    func add(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let written = Glibc.write(fd, base + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        guard Glibc.close(fd) == 0 else { throw BenchFailure("cannot write \(path)") }
    }
}
