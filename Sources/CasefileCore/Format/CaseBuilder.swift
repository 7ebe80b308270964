/// Gives meaning to scanned records: which type they belong to, what the header says,
/// and whether each record has what its kind requires.
struct CaseBuilder {
    enum Section {
        case none, header, known(Kind), foreign(Int)
    }

    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    var caseFile = CaseFile()
    var diagnostics: [Diagnostic] = []
    var locations = RecordLocations()
    private var section = Section.none
    private var sawHeader = false
    private var stop = false
    private var entryIds: [Kind: [String]] = [:]
    private var linkKeys: [LinkKey] = []
    private var noteKeys: [NoteKey] = []
    private var sessionRevisions: Set<Int> = []

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
        caseFile.header = CaseHeader(fields: [], comments: [])
    }

    mutating func add(_ record: inout RawRecord) {
        guard !stop, diagnostics.count < RecordScanner.maxDiagnostics else { return }
        if record.isDescriptor {
            startSection(record)
            return
        }
        switch section {
        case .none:
            error(record.line, "a field before any record type",
                  hint: "start the file with a record type ('%rec: Person'), then a blank line, then the records")
        case .header:
            addHeader(record)
        case .known(let kind):
            addRecord(record, kind: kind)
        case .foreign(let index):
            guard caseFile.foreign.indices.contains(index) else { return }  // an unnamed type, reported
            caseFile.foreign[index].records.append(ForeignRecord(fields: record.fields, comments: record.comments))
        }
    }

    mutating func finish(trailingComments: [String]) {
        caseFile.trailingComments = trailingComments
        if !sawHeader { caseFile.header = CaseHeader() }
        caseFile.adoptLoadOrder(ids: entryIds, links: linkKeys, notes: noteKeys)
    }

    private mutating func startSection(_ record: RawRecord) {
        let type = record.fields[0].value.trimmingASCIISpaces()
        if type.isEmpty {
            error(record.line, "a record type ('%rec:') without a name", column: 1,
                  hint: "write '%rec: Person' (or another type name)")
            section = .foreign(-1)
            return
        }
        if type == "Casefile" {
            section = .header
            caseFile.header.comments = record.comments
        } else if let kind = Kind(rawValue: type) {
            section = .known(kind)
            // Only what the user added is kept: an empty list would make the writer emit a
            // descriptor for a kind that has lost all its records.
            let extras = record.fields.filter { !CaseReader.generatedDescriptorFields.contains($0.name) }
            if !extras.isEmpty { caseFile.descriptorExtras[kind, default: []].append(contentsOf: extras) }
            if !record.comments.isEmpty { caseFile.descriptorComments[kind, default: []].append(contentsOf: record.comments) }
        } else if let index = caseFile.foreign.firstIndex(where: { $0.recordType == type }) {
            section = .foreign(index)
        } else {
            caseFile.foreign.append(ForeignSection(descriptor: record.fields, comments: record.comments))
            section = .foreign(caseFile.foreign.count - 1)
        }
    }

    private mutating func addHeader(_ record: RawRecord) {
        if sawHeader {
            error(record.line, "a second Casefile record", hint: "a case file has one header; merge the two")
            return
        }
        sawHeader = true
        locations.header = record.offset
        let comments = (caseFile.header.comments + record.comments).filter { !$0.hasPrefix(" casefile format") }
        caseFile.header = CaseHeader(fields: record.fields, comments: comments)
        for name in CaseHeader.knownFields {
            let lines = record.fields.indices.filter { record.fields[$0].name == name }
            if lines.count > 1 {
                error(Int(record.fieldLines[lines[1]]), "the Casefile record has '\(name)' more than once",
                      hint: "keep one '\(name)' line")
            }
        }
        // A header without Format is read as the current format, and gets one on save.
        guard let format = caseFile.header["Format"] else {
            caseFile.header.set("Format", String(CaseHeader.currentFormat))
            return
        }
        guard let number = Int(format), number >= 1 else {
            error(record.line(of: "Format"), "Format '\(format)' is not a format version",
                  column: 9, hint: "casefile writes 'Format: \(CaseHeader.currentFormat)'")
            return
        }
        if number > CaseHeader.currentFormat {
            error(record.line(of: "Format"),
                  "written by a newer casefile (format \(number)); this casefile reads format \(CaseHeader.currentFormat) and older",
                  column: 9, hint: "upgrade casefile to read it")
            stop = true
        }
        caseFile.header.set("Format", String(CaseHeader.currentFormat))
    }

    private mutating func addRecord(_ record: RawRecord, kind: Kind) {
        let schema = Schema.of(kind)
        for name in schema.mandatory where !record.damaged && !record.fields.contains(where: { $0.name == name }) {
            error(record.line, "\(kind.rawValue) record is missing its mandatory field '\(name)'",
                  hint: "add a line '\(name): …' to the record")
            return
        }
        for name in schema.fields where !schema.repeatable.contains(name) {
            if record.fields.lazy.filter({ $0.name == name }).count > 1 {
                let lines = record.fields.indices.filter { record.fields[$0].name == name }
                error(Int(record.fieldLines[lines[1]]), "\(kind.rawValue) record has '\(name)' more than once",
                      hint: "keep one '\(name)' line")
                return
            }
        }
        if let empty = record.fields.firstIndex(where: { ($0.name == "Id" || schema.references.contains($0.name)) && $0.value.isEmpty }) {
            error(Int(record.fieldLines[empty]), "'\(record.fields[empty].name)' is empty", hint: "give it an Id")
            return
        }
        switch kind {
        case .link:
            let key = LinkKey(from: record["From"], rel: record["Rel"], to: record["To"])
            let others = record.fields.filter { !["From", "Rel", "To"].contains($0.name) }
            if caseFile.put(loaded: Link(key, fields: others, comments: record.comments)) != nil {
                error(record.line, "duplicate link \(key.from) \(key.rel) \(key.to)", hint: "remove one of the two records")
            }
            linkKeys.append(key)
            locations.links.append((key, record.offset))
        case .note:
            let key = NoteKey(on: record["On"], at: record["At"], by: record["By"], text: record["Text"])
            let others = record.fields.filter { !["On", "At", "By", "Text"].contains($0.name) }
            if caseFile.put(loaded: Note(key, fields: others, comments: record.comments)) != nil {
                error(record.line, "duplicate note on \(key.on)", hint: "remove one of the two records")
            }
            noteKeys.append(key)
            locations.notes.append((key, record.offset))
        case .session:
            guard let revision = Int(record["Revision"]) else {
                error(record.line(of: "Revision"), "Revision '\(record["Revision"])' is not a number")
                return
            }
            if !sessionRevisions.insert(revision).inserted {
                error(record.line(of: "Revision"), "duplicate session revision \(revision)",
                      hint: "each save has its own revision; renumber or remove one of the two")
                return
            }
            locations.sessions.append((revision, record.offset))
            let others = record.fields.filter { $0.name != "Revision" }
            caseFile.sessions.append(Session(revision: revision, fields: others, comments: record.comments))
        default:
            let id = record["Id"]
            var fields = record.fields
            if let index = fields.firstIndex(where: { $0.name == "Id" }) { fields.remove(at: index) }
            let entry = Entry(kind: kind, id: id, fields: fields, comments: record.comments)
            if let first = caseFile.put(loaded: entry) {
                let firstLine = firstLineOf(id: id, kind: first.kind)
                error(record.line(of: "Id"), "duplicate Id '\(id)' (first used by a \(first.kind.word) at line \(firstLine))",
                      column: 5, hint: "Ids are unique across all record types; rename one of them")
                return
            }
            entryIds[kind, default: []].append(id)
            locations.entries[kind, default: []].append((id, record.offset))
        }
    }

    private func firstLineOf(id: String, kind: Kind) -> Int {
        guard let offset = locations.entries[kind]?.first(where: { $0.id == id })?.offset else { return 0 }
        var lines = LineTable(bytes: bytes)
        return lines.locate(offset: offset, field: nil).line
    }

    private mutating func error(_ line: Int, _ message: String, column: Int = 1, hint: String? = nil) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message, hint: hint))
    }
}

extension RawRecord {
    /// The first value of `name`, or "" (callers check mandatory fields first).
    subscript(name: String) -> String {
        fields.first(where: { $0.name == name })?.value ?? ""
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingASCIISpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}

extension CaseFile {
    /// Inserts a record read from a file, without marking it as added since load.
    @discardableResult
    mutating func put(loaded entry: Entry) -> Entry? {
        if let old = entries[entry.id] { return old }
        insertLoaded(entry)
        return nil
    }
}
