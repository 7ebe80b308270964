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
    /// The entries added, by kind ordinal, in file order (parallel to `locations.entryIds`).
    var entries: [[Entry]] = Array(repeating: [], count: Kind.allCases.count)
    private var section = Section.none
    private var sawHeader = false
    /// Whether a record or descriptor has been read (comments before the first are the file's).
    private var sawRecord = false
    private var stop = false
    var sessionRevisions: Set<Int> = []
    /// Field rules of each kind, by ordinal, as bit masks over schema ranks.
    let rules: [KindRules] = KindRules.all

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
        caseFile.header = CaseHeader(fields: [], comments: [])
        // Sizing the tables up front saves rehashing a million keys as they grow, and the
        // transient double tables. The counts are of field lines, so they are close.
        let counts = ByteCount.records(in: bytes)
        caseFile.reserveCapacity(entries: counts.entries, links: counts.links, notes: counts.notes)
        locations.reserveCapacity(entries: counts.entries, links: counts.links, notes: counts.notes)
    }

    mutating func add(_ record: inout RawRecord) {
        guard !stop, diagnostics.count < RecordScanner.maxDiagnostics else { return }
        if !record.comments.isEmpty || !sawRecord { placeComments(&record) }
        if !record.innerComments.isEmpty && !(record.isDescriptor || isForeign) {
            // Records casefile models keep a comment between fields with the field it preceded.
            record.comments += record.innerComments.map { RecordComment.anchored($0.text, beforeField: $0.beforeField) }
            record.innerComments.removeAll()
        }
        if record.isDescriptor {
            startSection(record)
            return
        }
        switch section {
        case .none:
            // Records before any descriptor form recutils' anonymous record set: kept in place.
            caseFile.foreign.append(ForeignSection(descriptor: []))
            locations.foreignFieldLines.append([])
            section = .foreign(caseFile.foreign.count - 1)
            add(&record)
        case .header:
            addHeader(record)
        case .known(let kind):
            addRecord(&record, kind: kind)
        case .foreign(let index):
            guard caseFile.foreign.indices.contains(index) else { return }  // an unnamed type, reported
            caseFile.foreign[index].records.append(ForeignRecord(fields: record.fieldsWithComments, comments: record.comments))
            locations.foreignFieldLines[index].append(record.fieldLines)
        }
    }

    mutating func finish(trailingComments: [String]) {
        caseFile.trailingComments = trailingComments
        if !sawHeader { caseFile.header = CaseHeader() }
        caseFile.adoptLoadOrder(ids: locations.entryIds, entries: entries, links: locations.linkKeys, notes: locations.noteKeys)
        // The case holds them now; a second hold here would make the first edit of each copy it.
        entries = []
    }

    private mutating func startSection(_ record: RawRecord) {
        let type = RecordType.name(of: record.fields[0].value)
        locations.descriptors.append(DescriptorPlace(type: type, fields: record.fields, fieldLines: record.fieldLines))
        if type.isEmpty {
            error(record.line, "a record type ('%rec:') without a name", column: 1,
                  hint: "write '%rec: Person' (or another type name)")
            section = .foreign(-1)
            return
        }
        if let problem = Self.recordTypeProblem(record.fields[0].value.trimmingASCIISpaces()) {
            error(record.line, problem.message, column: 1, hint: problem.hint)
            section = .foreign(-1)
            return
        }
        if type == "Casefile" {
            section = .header
            caseFile.header.comments = record.comments + record.innerComments.map(\.text)
        } else if let kind = Kind(rawValue: type) {
            section = .known(kind)
            // Only what the user added is kept: an empty list would make the writer emit a
            // descriptor for a kind that has lost all its records.
            // The lines casefile writes itself are dropped; a user's own %key or %mandatory stays.
            let schema = Schema.of(kind)
            let extras = record.fieldsWithComments.dropFirst().filter { !schema.isGeneratedDescriptorLine($0) }
            if !extras.isEmpty { caseFile.descriptorExtras[kind, default: []].append(contentsOf: extras) }
            if !record.comments.isEmpty { caseFile.descriptorComments[kind, default: []].append(contentsOf: record.comments) }
        } else if let index = caseFile.foreign.firstIndex(where: { RecordType.name(of: $0.recordType) == type }) {
            // A second descriptor of the type: its lines join the first's, so fmt merges the two.
            section = .foreign(index)
            caseFile.foreign[index].descriptor.append(contentsOf: record.fieldsWithComments.dropFirst())
            caseFile.foreign[index].comments.append(contentsOf: record.comments)
        } else {
            caseFile.foreign.append(ForeignSection(descriptor: record.fieldsWithComments, comments: record.comments))
            locations.foreignFieldLines.append([])
            section = .foreign(caseFile.foreign.count - 1)
        }
    }

    /// Whether the records being read are of a type casefile does not model.
    private var isForeign: Bool {
        if case .foreign = section { return true }
        if case .none = section { return true }
        return false
    }

    /// Drops the banner wherever it is (it is written once, first), and keeps comments at
    /// the top of the file at the top: those before the header's descriptor or before
    /// records that precede every descriptor.
    private mutating func placeComments(_ record: inout RawRecord) {
        record.comments.removeAll { $0.hasPrefix(" casefile format ") }
        guard !sawRecord else { return }
        sawRecord = true
        let first = record.fields.first
        if first?.name != "%rec" || first.map({ RecordType.name(of: $0.value) }) == "Casefile" {
            caseFile.leadingComments = record.comments
            record.comments = []
        }
    }

    private mutating func addHeader(_ record: RawRecord) {
        if sawHeader {
            error(record.line, "a second Casefile record", hint: "a case file has one header; merge the two")
            return
        }
        sawHeader = true
        locations.header = record.offset
        let comments = caseFile.header.comments + record.comments
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

    func firstLineOf(id: String, kind: Kind) -> Int {
        guard let index = locations.entryIds[kind.ordinal].firstIndex(of: id) else { return 0 }
        let offset = locations.entryOffsets[kind.ordinal][index]
        var lines = LineTable(bytes: bytes)
        return lines.locate(offset: offset, field: nil).line
    }

    mutating func error(_ line: Int, _ message: String, column: Int = 1, hint: String? = nil) {
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
