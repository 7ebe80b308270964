#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What `check` says about evidence: its fields are well formed, and each file is where
/// the record says (present, a regular file). Hashes are `verify`'s job: re-reading
/// gigabytes is not something `check` does silently.
extension CaseValidator {
    /// The problems of an Evidence record's own fields.
    static func problemsOf(evidence entry: Entry) -> [Problem] {
        var problems: [Problem] = []
        if let hash = entry["Sha256"], !EvidenceStore.isHash(hash) {
            problems.append(Problem(field: "Sha256", message: "Sha256 '\(hash)' is not a SHA-256",
                                    hint: "a SHA-256 is 64 lower-case hex digits, as sha256sum prints it"))
        }
        if let size = entry["Size"], UInt64(size) == nil {
            problems.append(Problem(field: "Size", message: "Size '\(size)' is not a number of bytes", hint: "write the size in bytes"))
        }
        if let stored = entry["Stored"], stored != "copy" && stored != "link" {
            problems.append(Problem(field: "Stored", message: "Stored '\(stored)' is not copy or link",
                                    hint: "copy: in the evidence store; link: at Path"))
        }
        if entry["Stored"] == "link" && entry["Path"] == nil {
            problems.append(Problem(field: "Stored", message: "evidence '\(entry.id)' is linked but has no Path",
                                    hint: "add Path: with the file's absolute path"))
        }
        return problems
    }

    /// Evidence whose file is not where its record says (missing, or not a regular file).
    /// - Complexity: one `lstat` per evidence record.
    static func evidenceFileProblems(_ caseFile: CaseFile, store: EvidenceStore, locations: RecordLocations,
                                     locate: (Int, String?) -> (line: Int, column: Int)) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let ids = locations.entryIds[Kind.evidence.ordinal]
        for (id, offset) in zip(ids, locations.entryOffsets[Kind.evidence.ordinal]) {
            guard let record = caseFile[id].flatMap(EvidenceRecord.init), EvidenceStore.isHash(record.sha256) else { continue }
            let path = record.location(in: store)
            var info = stat()
            let message: String
            if lstat(path, &info) != 0 {
                message = "evidence '\(id)' (\(record.name ?? record.sha256)) is missing: no file at \(path)"
            } else if (info.st_mode & S_IFMT) != S_IFREG {
                message = "evidence '\(id)' (\(record.name ?? record.sha256)) is not a regular file at \(path)"
            } else if let size = record.size, UInt64(info.st_size) != size {
                message = "evidence '\(id)' (\(record.name ?? record.sha256)) has \(info.st_size) bytes at \(path), not \(size)"
            } else {
                continue
            }
            let (line, column) = locate(offset, record.linkedPath == nil ? "Sha256" : "Path")
            problems.append(Diagnostic(file: locations.file, line: line, column: column, message: message,
                                       hint: "restore the file from a bundle or backup, or detach \(id); casefile verify re-hashes evidence"))
        }
        return problems
    }
}
