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

    /// Copies `path` to `copy` and opens it in a notebook (not timed), then times what a
    /// user waits for after one change: `tag` of one person and `save` (the first save
    /// after the open, which copies from the file read), then a second `tag` and `save`
    /// (which copies from the file the first one wrote). Says whether the file saved is
    /// what the writer writes for the case.
    static func editAndSave(_ path: String, copy: String) -> Never {
        guard Bench.anchor("cp '\(path)' '\(copy)'") != nil else {
            print("error=copy")
            exit(1)
        }
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "bench"))
        do { try notebook.open(path: copy) } catch {
            print("error=open")
            exit(1)
        }
        var times: [Double] = []
        for round in 1...2 {
            _ = notebook.runScript("tag person1 bench\(round)", name: "bench")
            let start = ChildProcess.now()
            let report = notebook.runScript("save -m 'round \(round)'", name: "bench")
            times.append(ChildProcess.now() - start)
            guard report.errors.isEmpty else {
                print("error=save")
                exit(1)
            }
        }
        let identical = notebook.caseFile.isWrittenCanonically(at: copy)
        print("first=\(times[0]) second=\(times[1]) identical=\(identical)")
        fflush(nil)
        withExtendedLifetime(notebook) { exit(0) }
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
