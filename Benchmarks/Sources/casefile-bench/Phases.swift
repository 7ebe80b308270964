import BenchSupport
import CasefileCore
#if canImport(Glibc)
import Glibc
#endif

/// The measured phases, each run in a child process of the benchmark. They print one line
/// of `key=value` pairs and leave without tearing the model down (as casefile does).
enum Phases {
    /// Loads `path` and reports the time and the number of entries.
    static func load(_ path: String) -> Never {
        let start = ChildProcess.now()
        do {
            let result = try CaseReader.load(path: path)
            let seconds = ChildProcess.now() - start
            print("seconds=\(seconds) entries=\(result.caseFile.count) posts=\(result.caseFile.count(of: .post))")
            fflush(nil)
            withExtendedLifetime(result) { exit(0) }
        } catch {
            print("error=\(error)")
            exit(1)
        }
    }

    /// Loads `path` (not timed), then times saving it to `output` as casefile saves
    /// (`CaseFile.write(to:)`: streamed canonical text, atomic replace, fsyncs), and says
    /// whether the saved bytes equal the (canonical) input.
    static func save(_ path: String, to output: String) -> Never {
        do {
            let result = try CaseReader.load(path: path)
            let start = ChildProcess.now()
            try result.caseFile.write(to: output)
            let saved = ChildProcess.now()
            let identical = FileCompare.same(path, output)
            print("seconds=\(saved - start) identical=\(identical)")
            fflush(nil)
            withExtendedLifetime(result) { exit(0) }
        } catch {
            print("error=\(error)")
            exit(1)
        }
    }

    /// Generates the synthetic case of `total` entries into `path`.
    static func generate(total: Int, path: String) -> Never {
        let caseFile = SyntheticCase.make(entries: total)
        do {
            try caseFile.write(to: path)
            print("entries=\(caseFile.count)")
            fflush(nil)
            withExtendedLifetime(caseFile) { exit(0) }
        } catch {
            print("error=\(error)")
            exit(1)
        }
    }

    /// The value of `key` in a `key=value …` line.
    static func value(_ key: String, in line: String) -> String? {
        for pair in line.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == key { return String(parts[1]) }
        }
        return nil
    }
}
