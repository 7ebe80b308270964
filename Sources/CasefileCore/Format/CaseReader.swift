/// Reads a case file (a GNU recutils recfile) into a `CaseFile`.
public enum CaseReader {
    /// Loads `path`. Throws `LoadError` listing every problem when the file cannot be
    /// read faithfully; integrity problems (`validate`) come back as diagnostics.
    /// With `validate`, evidence files missing from the store beside `path` are reported too.
    public static func load(path: String, displayName: String? = nil, validate: Bool = false) throws -> LoadResult {
        let name = displayName ?? path
        if SafeOpen.handedDescriptor(path) != nil {
            // `check /dev/stdin`, `search <(…)`: a stream, read whole (never written back).
            let input: CaseInput
            do { input = try CaseInput(path: path) } catch {
                let named = error.naming(name)
                throw LoadError([Diagnostic(file: name, line: 0, column: 0, message: named.description)],
                                cannotRead: named)
            }
            return try input.withBytes { bytes in try read(bytes: bytes, file: name, validate: validate) }
        }
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch {
            let named = error.naming(name)
            throw LoadError([Diagnostic(file: name, line: 0, column: 0, message: named.description)],
                            cannotRead: named)
        }
        // The values stay in the mapping (each keeps it alive) when it is guarded.
        return try read(bytes: file.bytes, file: name, validate: validate, releaseBehind: true,
                        evidenceStore: validate ? EvidenceStore(casePath: path) : nil, directory: folder(of: path),
                        source: file.isGuarded ? file : nil)
    }

    /// The folder holding `path` (external descriptors are found beside the file).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Reads a case from text (tests, `edit`, replay of older revisions).
    public static func read(text: String, file: String = "<text>", validate: Bool = false) throws -> LoadResult {
        var text = text
        return try text.withUTF8 { try read(bytes: $0, file: file, validate: validate) }
    }

    /// Reads a case from bytes held in an array.
    public static func read(bytes: [UInt8], file: String = "<bytes>", validate: Bool = false) throws -> LoadResult {
        try bytes.withUnsafeBufferPointer { try read(bytes: $0, file: file, validate: validate) }
    }

    /// Reads a case from bytes.
    public static func read(bytes: UnsafeBufferPointer<UInt8>, file: String, validate: Bool) throws -> LoadResult {
        try read(bytes: bytes, file: file, validate: validate, releaseBehind: false)
    }

    /// Reads a case from bytes; with `releaseBehind` (bytes mapped from a file), the pages
    /// already read are handed back to the system as the scan goes, so the mapped file and
    /// the model it becomes are not both resident at the peak.
    static func read(bytes whole: UnsafeBufferPointer<UInt8>, file: String, validate: Bool,
                     releaseBehind: Bool, evidenceStore: EvidenceStore? = nil, directory: String? = nil,
                     source: MappedFile? = nil) throws -> LoadResult {
        // Hashed first, while the pages are resident.
        let hash = ContentHash.of(whole)
        // A UTF-8 byte-order mark is skipped (recutils refuses it; fmt drops it).
        let hasMark = whole.count >= 3 && whole[0] == 0xEF && whole[1] == 0xBB && whole[2] == 0xBF
        let bytes = hasMark ? UnsafeBufferPointer(rebasing: whole[3...]) : whole
        var builder = CaseBuilder(file: file, bytes: bytes)
        builder.locations.file = file
        builder.caseFile.loadedByteCount = bytes.count
        var scanner = RecordScanner(bytes: bytes, file: file)
        scanner.releaseBehind = releaseBehind
        scanner.mappedSource = source
        scanner.sourceShift = hasMark ? 3 : 0
        scanner.scan { record in builder.add(&record) }
        builder.finish(trailingComments: scanner.trailingComments)
        var problems = (scanner.diagnostics + builder.diagnostics)
        problems.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        if problems.count > RecordScanner.maxDiagnostics || scanner.dropped > 0 {
            let shown = problems.prefix(RecordScanner.maxDiagnostics)
            problems = Array(shown)
            problems.append(Diagnostic(file: file, line: shown.last?.line ?? 1, column: 1, severity: .note,
                                       message: "stopped after \(RecordScanner.maxDiagnostics) problems",
                                       hint: "fix these and run check again"))
        }
        var lines = LineTable(bytes: bytes)
        if !problems.isEmpty { throw LoadError(lines.quoting(problems, in: file)) }
        var warnings: [Diagnostic] = []
        if validate {
            // casefile's own checks and the rules the file declares read the model and
            // write nothing shared, so they run at the same time (each with its own line
            // table, built only when it has something to report); the own checks, split in
            // parts themselves, stay on this thread so that their parts get every core.
            let (own, declared) = Parallel.beside({ [lines] in
                var lines = lines
                var found = CaseValidator.validate(builder.caseFile, locations: builder.locations) { offset, field in
                    lines.locate(offset: offset, field: field)
                }
                if let store = evidenceStore {
                    found += CaseValidator.evidenceFileProblems(builder.caseFile, store: store, locations: builder.locations) {
                        offset, field in lines.locate(offset: offset, field: field)
                    }
                }
                return found
            }, { [lines] in
                var lines = lines
                return DeclaredRules.check(builder.caseFile, locations: builder.locations, directory: directory) {
                    offset, field in lines.locate(offset: offset, field: field)
                }
            })
            warnings = own + declared
            warnings += FileFormNotes.notes(file: file, byteOrderMark: hasMark, crlf: scanner.crlf)
            warnings.sort { ($0.line, $0.column) < ($1.line, $1.column) }
            warnings = lines.quoting(warnings, in: file)
        }
        var result = LoadResult(caseFile: builder.caseFile, diagnostics: warnings, contentHash: hash)
        result.mapping = source
        // A save may copy records from the mapping (after comparing each with its entry);
        // offsets are of the bytes after a byte-order mark, which a save drops: none then.
        if source != nil && !hasMark {
            result.records = WrittenRecords(loadedIds: builder.locations.entryIds, offsets: builder.locations.entryOffsets)
        }
        return result
    }
}

/// A loaded case and what was found wrong with its content.
public struct LoadResult: Sendable {
    /// The case.
    public var caseFile: CaseFile
    /// Integrity problems (references, dates, languages), when validation was asked for.
    public var diagnostics: [Diagnostic]
    /// A hash of the bytes read, to notice later edits made on disk.
    public var contentHash: UInt64
    /// The mapped file the case's values are read from, when they are kept there.
    var mapping: MappedFile?
    /// Where the entries' records are in `mapping`, for a save that copies them.
    var records: WrittenRecords?

    /// Whether the file the values are read from is still as it was read (see
    /// `MappedFile.isIntact`); true when no value is kept in a mapping.
    public var sourceIsIntact: Bool { mapping?.isIntact ?? true }
}
