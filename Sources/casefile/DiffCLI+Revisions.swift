import CasefileCore
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `casefile diff CASE@3 CASE@5`: older revisions of one file, rebuilt in memory from its
/// session log (as `casefile revision` rebuilds them), never written to a file.
extension DiffCLI {
    /// A revision of a case file that could not be rebuilt.
    struct RevisionUnavailable: Error, CustomStringConvertible {
        var argument: String
        var reason: String
        var description: String { "cannot rebuild \(argument): \(reason)" }
    }

    /// `FILE@N` read as revision N of FILE; nil for any other argument (a file that is
    /// really named `x@3` is that file).
    static func revisionReference(_ argument: String) -> (path: String, revision: Int)? {
        guard let at = argument.lastIndex(of: "@"), at != argument.startIndex else { return nil }
        let digits = argument[argument.index(after: at)...]
        guard !digits.isEmpty, digits.count < 10, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }),
              let revision = Int(digits), access(argument, F_OK) != 0 else { return nil }
        return (String(argument[..<at]), revision)
    }

    /// OLD and NEW opened; `FILE@N` arguments rebuilt, both from one replay when they
    /// name the same file.
    static func open(_ old: String, _ new: String) throws -> (CaseInput, CaseInput) {
        var rebuilt: [String: [Int: [UInt8]]] = [:]
        let references = [old, new].compactMap(revisionReference)
        for path in Set(references.map(\.path)) {
            let wanted = Set(references.filter { $0.path == path }.map(\.revision))
            rebuilt[path] = try rebuild(path, revisions: wanted)
        }
        func input(_ argument: String) throws -> CaseInput {
            guard let reference = revisionReference(argument), let bytes = rebuilt[reference.path]?[reference.revision] else {
                return try CaseInput(path: argument)
            }
            return CaseInput(name: argument, bytes: bytes)
        }
        return (try input(old), try input(new))
    }

    /// The revisions `revisions` of the case file at `path`.
    static func rebuild(_ path: String, revisions: Set<Int>) throws -> [Int: [UInt8]] {
        let file = try CaseInput(path: path)
        let (caseFile, chain) = try file.withBytes { bytes in
            let caseFile = try CaseReader.read(bytes: bytes, file: file.name, validate: false).caseFile
            return (caseFile, ChainCheck(caseFile, bytes: bytes))
        }
        do {
            return try RevisionReplay(caseFile, chain: chain).rebuild(revisions: revisions, laterEdits: true)
        } catch {
            let names = revisions.sorted().map { "\(path)@\($0)" }.joined(separator: " and ")
            throw RevisionUnavailable(argument: names, reason: error.description)
        }
    }
}
