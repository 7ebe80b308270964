#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Turns an `attach` into an Evidence record: what is known of the file, from the file
/// itself or (replaying a session) from the options of the logged line.
enum EvidenceAttachment {
    /// What the record says about one file.
    struct Facts {
        var hash: String
        var size: UInt64
        var type: String
        var name: String
        var linkedPath: String?
        var captured: String
        var capturedFrom: String
        var pages: [String] = []
        var wacz: String?
    }

    /// Hashes (and, unless `--link`, stores) `file` and records it on `entry`.
    static func attach(_ file: Word, call: Invocation, to entry: Entry, on notebook: Notebook) throws(CommandError) {
        let link = call.has("--link")
        let ingested: IngestedFile
        do {
            if link {
                ingested = try EvidenceStore.hashInPlace(file.text)
            } else {
                guard let store = notebook.evidenceStore else {
                    throw CommandError("this case has never been saved, so it has no evidence store yet", at: file,
                                       hint: "save it first (save FILE.rec); the store is made beside it")
                }
                ingested = try store.ingest(file.text)
            }
        } catch let error as EvidenceError {
            throw CommandError(error.description, at: file, hint: error.hint)
        } catch {
            throw CommandError("\(error)", at: file)
        }
        let name = file.text.split(separator: "/").last.map(String.init) ?? file.text
        let storedPath = link ? absolute(file.text) : notebook.evidenceStore?.path(of: ingested.hash) ?? file.text
        let wacz = ingested.head.starts(with: [0x50, 0x4B]) ? WACZReader.read(path: storedPath) : nil
        var facts = Facts(hash: ingested.hash, size: ingested.size, type: MediaType.sniff(ingested.head, isWACZ: wacz != nil),
                          name: name, linkedPath: link ? storedPath : nil,
                          captured: call.option("captured") ?? Settings.iso(ingested.modificationTime),
                          capturedFrom: call.option("captured") == nil ? "file-mtime" : "given")
        if let wacz {
            facts.pages = wacz.pages.map { "\($0.timestamp) \($0.url)" }
            facts.wacz = wacz.fieldValue
        }
        if let duplicate = notebook.evidence(on: entry.id).first(where: { $0.sha256 == facts.hash }) {
            notebook.confirm("\(name) is already attached to \(entry.id) as \(duplicate.id) (same SHA-256)")
            return
        }
        try record(facts, call: call, to: entry, on: notebook)
        if let expected = MediaType.expected(forName: name), expected != facts.type {
            notebook.remark("note: \(name) holds \(facts.type) data, not \(expected) as its name says; recorded as \(facts.type)")
        }
        if let wacz, !wacz.isIntact {
            // Said even in a quiet replay: the archive was damaged before it reached casefile.
            notebook.output.diagnostic(Terminal.visible("warning: \(name) is a WACZ whose own hashes do not match: "
                                                        + wacz.problems.joined(separator: "; ")))
        }
    }

    /// Records a file the store already holds (`sha256=`): the facts come from the options,
    /// else from the stored copy.
    static func attachRecorded(_ hashWord: Word, call: Invocation, to entry: Entry, on notebook: Notebook) throws(CommandError) {
        let hash = hashWord.text.lowercased()
        guard EvidenceStore.isHash(hash) else {
            throw CommandError("'\(hashWord.text)' is not a SHA-256", at: hashWord, hint: "give the 64 hex digits")
        }
        let linkedPath = call.option("path")
        var size = call.option("size").flatMap { UInt64($0) }
        var type = call.option("type")
        if size == nil || type == nil {
            guard let place = linkedPath ?? notebook.evidenceStore?.path(of: hash),
                  let found = try? EvidenceStore.hashInPlace(place) else {
                throw CommandError("the evidence store holds no file \(hash)", at: hashWord,
                                   hint: "attach the file itself: attach \(entry.id) FILE")
            }
            guard found.hash == hash else {
                throw CommandError("the stored file \(hash) no longer has that hash", at: hashWord, hint: "run verify")
            }
            size = size ?? found.size
            type = type ?? MediaType.sniff(found.head, isWACZ: WACZReader.isWACZ(path: place))
        }
        let facts = Facts(hash: hash, size: size ?? 0, type: type ?? "application/octet-stream",
                          name: call.option("name") ?? hash, linkedPath: linkedPath,
                          captured: call.option("captured") ?? "", capturedFrom: call.option("captured-from") ?? "given",
                          pages: call.optionValues("page"), wacz: call.option("wacz"))
        try record(facts, call: call, to: entry, on: notebook)
    }

    /// Puts the record and logs the line that replays it exactly.
    static func record(_ facts: Facts, call: Invocation, to entry: Entry, on notebook: Notebook) throws(CommandError) {
        let id = call.option("id") ?? notebook.nextEvidenceId(for: entry.id)
        if let word = call.options.first("id"), notebook.caseFile[id] != nil {
            throw CommandError("the Id '\(id)' is taken", at: word, hint: "choose another id=, or leave it out")
        }
        let by = call.option("by") ?? notebook.settings.userName
        let at = call.option("at") ?? notebook.settings.now()
        var fields = [Field("On", entry.id), Field("Sha256", facts.hash), Field("Size", String(facts.size)),
                      Field("Type", facts.type), Field("Name", facts.name),
                      Field("Stored", facts.linkedPath == nil ? "copy" : "link")]
        if let path = facts.linkedPath { fields.append(Field("Path", path)) }
        if !facts.captured.isEmpty {
            fields.append(Field("Captured", facts.captured))
            fields.append(Field("CapturedFrom", facts.capturedFrom))
        }
        if let url = call.option("url") { fields.append(Field("Url", url)) }
        fields += [Field("By", by), Field("Attached", at)]
        fields += facts.pages.map { Field("Page", $0) }
        if let wacz = facts.wacz { fields.append(Field("Wacz", wacz)) }
        if let note = call.option("note") { fields.append(Field("Note", note)) }
        let how = facts.linkedPath.map { "linked in place at \($0)" } ?? "copied into the store"
        fields.append(Field("Custody", CustodyEvent(at: at, by: by, event: "attached \(facts.name) (\(how))").fieldValue))
        notebook.put(Entry(kind: .evidence, id: id, fields: fields))
        notebook.logLine(loggedLine(facts, entry: entry.id, id: id, by: by, at: at, call: call))
        notebook.confirm("attached \(facts.name) to \(entry.id) as \(id) (sha256 \(facts.hash.prefix(12))…, "
                         + "\(ByteSize.text(facts.size)), \(facts.type))")
    }

    /// The self-contained `attach … sha256=…` line: replays to the same record without the file.
    static func loggedLine(_ facts: Facts, entry: String, id: String, by: String, at: String, call: Invocation) -> String {
        var words = ["attach", Quoting.word(entry), "sha256=\(facts.hash)", "size=\(facts.size)",
                     "type=\(Quoting.word(facts.type))", "name=\(Quoting.word(facts.name))"]
        if let path = facts.linkedPath { words.append("path=\(Quoting.word(path))") }
        if !facts.captured.isEmpty {
            words += ["captured=\(Quoting.word(facts.captured))", "captured-from=\(facts.capturedFrom)"]
        }
        if let url = call.option("url") { words.append("url=\(Quoting.word(url))") }
        if let note = call.option("note") { words.append("note=\(Quoting.word(note))") }
        words += ["by=\(Quoting.word(by))", "at=\(at)", "id=\(Quoting.word(id))"]
        words += facts.pages.map { "page=\(Quoting.word($0))" }
        if let wacz = facts.wacz { words.append("wacz=\(Quoting.word(wacz))") }
        return words.joined(separator: " ")
    }

    /// `path` made absolute against the working folder.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let folder = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (folder == "/" ? "" : folder) + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }
}
