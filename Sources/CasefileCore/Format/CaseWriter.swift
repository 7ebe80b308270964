/// Writes a case in its one canonical form: record types in a fixed order, records by
/// Id (links by From/Rel/To, notes by On/At, sessions by Revision), fields in the
/// order of their kind's schema. Writing the same case twice gives the same bytes.
public enum CaseWriter {
    /// The first line of every case file.
    public static let banner = " casefile format \(CaseHeader.currentFormat)"

    /// The canonical text of `caseFile`, as UTF-8 bytes.
    public static func bytes(of caseFile: CaseFile) -> [UInt8] {
        var out = ByteOutput(capacity: caseFile.loadedByteCount.map { $0 + $0 / 16 } ?? caseFile.count * 256 + 4096)
        write(caseFile, to: &out)
        return out.bytes
    }

    /// The canonical text of `caseFile`.
    public static func text(of caseFile: CaseFile) -> String {
        String(decoding: bytes(of: caseFile), as: UTF8.self)
    }

    /// Writes `caseFile` in chunks of about a megabyte to `sink`, which returns false to stop
    /// (a write failed). Saving a large case this way never holds the whole text in memory.
    static func write(_ caseFile: CaseFile, chunksTo sink: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var out = ByteOutput(capacity: ByteOutput.chunk + 64 * 1024, sink: sink)
        write(caseFile, to: &out)
        out.flush()
        return !out.failed
    }

    /// The canonical text of `caseFile` and where each entry's record went, copying the
    /// records of entries unchanged since `reuse`'s file was written from that file's
    /// bytes instead of writing them again: the same bytes as `bytes(of:)`.
    static func bytes(of caseFile: CaseFile, reusing reuse: RecordReuse?) -> (bytes: [UInt8], records: WrittenRecords) {
        var out = ByteOutput(capacity: caseFile.loadedByteCount.map { $0 + $0 / 16 } ?? caseFile.count * 256 + 4096)
        var records: WrittenRecords? = WrittenRecords()
        var reuse = reuse
        write(caseFile, to: &out, records: &records, reuse: &reuse)
        return (out.bytes, records ?? WrittenRecords())
    }

    /// Writes `caseFile` in chunks to `sink` as `write(_:chunksTo:)` does, copying the
    /// records of unchanged entries from `reuse`; returns where each entry's record went,
    /// or nil when the sink stopped.
    static func write(_ caseFile: CaseFile, reusing reuse: RecordReuse?,
                      chunksTo sink: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) -> WrittenRecords? {
        var out = ByteOutput(capacity: ByteOutput.chunk + 64 * 1024, sink: sink)
        var records: WrittenRecords? = WrittenRecords()
        var reuse = reuse
        write(caseFile, to: &out, records: &records, reuse: &reuse)
        out.flush()
        return out.failed ? nil : records
    }

    static func write(_ caseFile: CaseFile, to out: inout ByteOutput) {
        var records: WrittenRecords?
        var reuse: RecordReuse?
        write(caseFile, to: &out, records: &records, reuse: &reuse)
    }

    /// Writes `caseFile`; `records`, when given, learns where each entry's record went
    /// (offsets in the whole output, flushed parts included).
    private static func write(_ caseFile: CaseFile, to out: inout ByteOutput, records: inout WrittenRecords?,
                              reuse: inout RecordReuse?) {
        FieldEncoding.appendComment(banner, to: &out.bytes)
        for comment in caseFile.leadingComments { FieldEncoding.appendComment(comment, to: &out.bytes) }
        // Records before any descriptor (recutils' anonymous set) stay before every descriptor.
        for section in caseFile.foreign where section.isAnonymous {
            for record in section.records {
                writeFields(record.fields, comments: record.comments, to: &out.bytes)
                out.bytes.append(FieldEncoding.newline)
                out.recordWritten()
            }
        }
        FieldEncoding.append(name: "%rec", value: "Casefile", to: &out.bytes)
        // writeRecord starts with the blank line recutils needs between descriptor and header.
        writeRecord(caseFile.header.fields, comments: caseFile.header.comments, to: &out.bytes)

        for (kindNumber, kind) in Kind.identified.enumerated() {
            // The descriptor is written before the first record still present (candidates may
            // include Ids removed or moved to another kind since load), or for hand edits.
            var described = false
            if hasHandEdits(kind, caseFile) { writeDescriptor(kind, caseFile, to: &out.bytes); described = true }
            for id in caseFile.idCandidates(of: kind) {
                guard let entry = caseFile[id], entry.kind == kind else { continue }
                if !described { writeDescriptor(kind, caseFile, to: &out.bytes); described = true }
                out.bytes.append(FieldEncoding.newline)
                let start = out.position
                if let copied = reuse?.bytes(of: entry, kind: kindNumber) {
                    out.bytes.append(contentsOf: copied)
                    records?.copied += 1
                } else if RecordComment.anyAnchored(entry.comments) {
                    writeAnchored([Field("Id", entry.id)] + entry.fields, comments: entry.comments, to: &out.bytes)
                } else {
                    for comment in entry.comments { FieldEncoding.appendComment(comment, to: &out.bytes) }
                    FieldEncoding.append(name: "Id", value: entry.id, to: &out.bytes)
                    for field in entry.fields { FieldEncoding.append(field, to: &out.bytes) }
                }
                records?.append(entry.id, kind: kindNumber, range: start..<out.position)
                out.recordWritten()
            }
        }
        do {
            var described = false
            if hasHandEdits(.link, caseFile) { writeDescriptor(.link, caseFile, to: &out.bytes); described = true }
            for key in caseFile.linkCandidates() {
                guard let link = caseFile.links[key] else { continue }
                if !described { writeDescriptor(.link, caseFile, to: &out.bytes); described = true }
                out.bytes.append(FieldEncoding.newline)
                if RecordComment.anyAnchored(link.comments) {
                    let keyFields = [Field("From", key.from), Field("Rel", key.rel), Field("To", key.to)]
                    writeAnchored(keyFields + link.fields, comments: link.comments, to: &out.bytes)
                } else {
                    for comment in link.comments { FieldEncoding.appendComment(comment, to: &out.bytes) }
                    FieldEncoding.append(name: "From", value: key.from, to: &out.bytes)
                    FieldEncoding.append(name: "Rel", value: key.rel, to: &out.bytes)
                    FieldEncoding.append(name: "To", value: key.to, to: &out.bytes)
                    for field in link.fields { FieldEncoding.append(field, to: &out.bytes) }
                }
                out.recordWritten()
            }
        }
        do {
            var described = false
            if hasHandEdits(.note, caseFile) { writeDescriptor(.note, caseFile, to: &out.bytes); described = true }
            for key in caseFile.noteCandidates() {
                guard let note = caseFile.notes[key] else { continue }
                if !described { writeDescriptor(.note, caseFile, to: &out.bytes); described = true }
                out.bytes.append(FieldEncoding.newline)
                if RecordComment.anyAnchored(note.comments) {
                    var keyFields = [Field("On", key.on)]
                    if !key.at.isEmpty { keyFields.append(Field("At", key.at)) }
                    if !key.by.isEmpty { keyFields.append(Field("By", key.by)) }
                    keyFields.append(Field("Text", key.text))
                    writeAnchored(keyFields + note.fields, comments: note.comments, to: &out.bytes)
                } else {
                    for comment in note.comments { FieldEncoding.appendComment(comment, to: &out.bytes) }
                    FieldEncoding.append(name: "On", value: key.on, to: &out.bytes)
                    if !key.at.isEmpty { FieldEncoding.append(name: "At", value: key.at, to: &out.bytes) }
                    if !key.by.isEmpty { FieldEncoding.append(name: "By", value: key.by, to: &out.bytes) }
                    FieldEncoding.append(name: "Text", value: key.text, to: &out.bytes)
                    for field in note.fields { FieldEncoding.append(field, to: &out.bytes) }
                }
                out.recordWritten()
            }
        }
        if !caseFile.sessions.isEmpty || hasHandEdits(.session, caseFile) {
            writeDescriptor(.session, caseFile, to: &out.bytes)
            for session in caseFile.sessions.sorted(by: { $0.revision < $1.revision }) {
                // Revision is not prepended to the fields (a copy of them): a session of a long
                // replay has a field per command.
                writeRecord(session.fields, comments: session.comments, leading: Field("Revision", String(session.revision)),
                            to: &out.bytes)
                out.recordWritten()
            }
        }
        for section in caseFile.foreign where !section.isAnonymous {
            out.bytes.append(FieldEncoding.newline)
            writeFields(section.descriptor, comments: section.comments, to: &out.bytes)
            for record in section.records {
                out.bytes.append(FieldEncoding.newline)
                writeFields(record.fields, comments: record.comments, to: &out.bytes)
                out.recordWritten()
            }
        }
        if !caseFile.trailingComments.isEmpty {
            out.bytes.append(FieldEncoding.newline)
            for comment in caseFile.trailingComments { FieldEncoding.appendComment(comment, to: &out.bytes) }
        }
    }

    /// Whether the user added descriptor lines or comments to `kind`: then its descriptor
    /// is written even when it has no records, so the edits are not lost.
    private static func hasHandEdits(_ kind: Kind, _ caseFile: CaseFile) -> Bool {
        !(caseFile.descriptorExtras[kind] ?? []).isEmpty || !(caseFile.descriptorComments[kind] ?? []).isEmpty
    }

    private static func writeDescriptor(_ kind: Kind, _ caseFile: CaseFile, to out: inout [UInt8]) {
        out.append(FieldEncoding.newline)
        for comment in caseFile.descriptorComments[kind] ?? [] { FieldEncoding.appendComment(comment, to: &out) }
        FieldEncoding.append(name: "%rec", value: kind.recordType, to: &out)
        writeFields(Schema.of(kind).descriptor + (caseFile.descriptorExtras[kind] ?? []), comments: [], to: &out)
    }

    private static func writeRecord(_ fields: [Field], comments: [String], leading: Field? = nil, to out: inout [UInt8]) {
        out.append(FieldEncoding.newline)
        if RecordComment.anyAnchored(comments) {
            writeAnchored((leading.map { [$0] } ?? []) + fields, comments: comments, to: &out)
            return
        }
        for comment in comments { FieldEncoding.appendComment(comment, to: &out) }
        if let leading { FieldEncoding.append(name: leading.name, value: leading.value, to: &out) }
        for field in fields { FieldEncoding.append(field, to: &out) }
    }

    /// Writes a record's fields with each comment before the record or before the field
    /// it stood before when read (one whose field is gone goes after the last field).
    private static func writeAnchored(_ fields: [Field], comments: [String], to out: inout [UInt8]) {
        var anchored: [(field: Int, text: String)] = []
        for comment in comments {
            let (field, text) = RecordComment.split(comment)
            if let field { anchored.append((field, text)) } else { FieldEncoding.appendComment(text, to: &out) }
        }
        var next = 0
        for (index, field) in fields.enumerated() {
            while next < anchored.count && anchored[next].field <= index {
                FieldEncoding.appendComment(anchored[next].text, to: &out)
                next += 1
            }
            FieldEncoding.append(field, to: &out)
        }
        for comment in anchored[next...] { FieldEncoding.appendComment(comment.text, to: &out) }
    }

    /// Writes the lines of a record casefile does not model (a foreign record or
    /// descriptor): its comments, then its fields, with comments that stood between the
    /// fields (kept as `#` pseudo-fields) where they stood.
    static func writeFields(_ fields: [Field], comments: [String], to out: inout [UInt8]) {
        for comment in comments { FieldEncoding.appendComment(comment, to: &out) }
        for field in fields {
            if field.isComment {
                FieldEncoding.appendComment(field.value, to: &out)
            } else {
                FieldEncoding.append(field, to: &out)
            }
        }
    }
}

/// The writer's output: a growing buffer, or a buffer handed to a sink each megabyte.
struct ByteOutput {
    static let chunk = 1 << 20
    var bytes: [UInt8] = []
    let sink: ((UnsafeBufferPointer<UInt8>) -> Bool)?
    private(set) var failed = false
    /// How many bytes were handed to the sink so far.
    private(set) var flushed = 0

    /// The offset in the whole output of the next byte appended.
    var position: Int { flushed + bytes.count }

    init(capacity: Int, sink: ((UnsafeBufferPointer<UInt8>) -> Bool)? = nil) {
        bytes.reserveCapacity(capacity)
        self.sink = sink
    }

    /// Called after each record: hands a full chunk to the sink.
    mutating func recordWritten() {
        if sink != nil && bytes.count >= Self.chunk { flush() }
    }

    /// Hands what is buffered to the sink.
    mutating func flush() {
        guard let sink else { return }
        if !failed && !bytes.isEmpty && !bytes.withUnsafeBufferPointer(sink) { failed = true }
        flushed += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }
}
