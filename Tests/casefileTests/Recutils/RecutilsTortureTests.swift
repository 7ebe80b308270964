import CasefileTestSupport
import Foundation
import Testing

/// GNU recutils' own test inputs (193 files, GPL-3.0-or-later, read where they lie in
/// `../shared/peer/recutils-torture/`, never copied into this repository) with the verdict
/// `recfix --check` gives each: `casefile check` must give the same verdict, and `fmt` must
/// keep what recutils reads from every file it accepts.
@Suite("recutils torture inputs")
struct RecutilsTortureTests {
    /// Files where casefile deliberately differs from recfix (the README's "The case file"
    /// lists each difference). None at present: a dangling `rec` reference, which recfix
    /// does not notice, is a warning, so the verdict stays recfix's.
    static let deliberateDifferences: [String: String] = [:]

    static func verdicts() throws -> (folder: String, verdicts: [(file: String, accepted: Bool)])? {
        guard let folder = try SharedFixtures.path("peer/recutils-torture"),
              let table = try SharedFixtures.path("peer/recutils-torture.verdicts.tsv") else { return nil }
        let text = try String(contentsOfFile: table, encoding: .utf8)
        var verdicts: [(String, Bool)] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            guard columns.count == 2 else { continue }
            verdicts.append((String(columns[0]), columns[1] == "0"))
        }
        return (folder, verdicts)
    }

    @Test("casefile check gives recfix's verdict on every recutils test input")
    func verdictsMatch() throws {
        guard let (folder, verdicts) = try Self.verdicts() else { return }
        #expect(verdicts.count == 193)
        var mismatches: [String] = []
        for (file, accepted) in verdicts where Self.deliberateDifferences[file] == nil {
            let run = try CasefileBinary.run(["check", file], directory: folder)
            #expect(run.status == 0 || run.status == 1, "\(file): exit \(run.status)\n\(run.stderr)")
            if (run.status == 0) != accepted {
                mismatches.append("\(file): recfix \(accepted ? "accepts" : "refuses"), casefile exit \(run.status)\n\(run.stderr)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(verdicts.count) differ:\n\(mismatches.joined(separator: "\n"))")
    }

    @Test("fmt keeps every value recsel prints and every descriptor recinf prints, for each accepted input")
    func formatKeepsWhatRecutilsReads() throws {
        guard let (folder, verdicts) = try Self.verdicts() else { return }
        guard try ExternalReader.require(Recutils.isAvailable && Self.recinf != nil, "recutils (recsel, recinf)") else { return }
        let work = try TemporaryFolder()
        // The inputs are copied into a temporary folder for fmt to rewrite (never into the repository).
        for (file, _) in verdicts {
            try FileManager.default.copyItem(atPath: folder + "/" + file, toPath: work.file(file))
        }
        var losses: [String] = []
        for (file, accepted) in verdicts where accepted {
            let path = work.file(file)
            let types = try Self.types(in: path)
            let before = try types.map { try Self.records(of: $0, in: path) }
            let descriptorsBefore = try Self.descriptors(in: path)
            let run = try CasefileBinary.run(["fmt", file], directory: work.path)
            guard run.status == 0 else {
                losses.append("\(file): fmt failed\n\(run.stderr)")
                continue
            }
            let after = try types.map { try Self.records(of: $0, in: path) }
            if before != after { losses.append("\(file): recsel reads other records after fmt") }
            let descriptorsAfter = try Self.descriptors(in: path)
            for descriptor in descriptorsBefore where !descriptorsAfter.contains(descriptor) {
                losses.append("\(file): descriptor lost or changed by fmt:\n\(descriptor)")
            }
            let again = try CasefileBinary.run(["fmt", "--check", file], directory: work.path)
            if again.status != 0 { losses.append("\(file): a second fmt would change the file again") }
        }
        #expect(losses.isEmpty, "\(losses.joined(separator: "\n"))")
    }

    static let recinf = ProcessRunner.which("recinf")

    /// The record types recinf names (the anonymous set as "").
    static func types(in path: String) throws -> [String] {
        let run = try ProcessRunner.run(recinf ?? "recinf", [path])
        return run.stdout.split(separator: "\n").map { line in
            let words = line.split(separator: " ")
            return words.count > 1 ? String(words[1]) : ""
        }
    }

    /// What recsel prints for `type`; for the anonymous set (""), what it prints for the
    /// part of the file before the first descriptor (recsel needs -t once a file has
    /// several types, and the anonymous set has no name to give it).
    static func records(of type: String, in path: String) throws -> String {
        guard type.isEmpty else { return try ProcessRunner.run(Recutils.recsel ?? "recsel", ["-t", type, path]).stdout }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var prefix: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("%rec:") { break }
            prefix.append(line)
        }
        let part = try TemporaryFolder()
        let partPath = try part.write("anonymous.rec", prefix.joined(separator: "\n") + "\n")
        return try ProcessRunner.run(Recutils.recsel ?? "recsel", [partPath]).stdout
    }

    /// The descriptors recinf -d prints, one string each.
    static func descriptors(in path: String) throws -> [String] {
        let run = try ProcessRunner.run(recinf ?? "recinf", ["-d", path])
        return run.stdout.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.isEmpty && !$0.hasPrefix("%rec: Casefile") }
    }
}
