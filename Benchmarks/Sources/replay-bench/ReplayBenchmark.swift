import BenchSupport
import CasefileCore
import Foundation

/// Part 1: a generated script replayed into a new case, saved at the end.
enum ReplayBenchmark {
    static func run(commands: Int, runs: Int, settings: Settings, folder: String) {
        let ((text, mix), generating) = timed { ScriptGenerator.script(commands: commands) }
        print("== replay of a generated \(commands)-command script (\(text.utf8.count / 1024) KB)")
        print("   mix: " + mix.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("   generating the script: \(s(generating))")
        let (lexed, lexing) = timed { Lexer.lex(text) }
        print("   lexing alone: \(s(lexing)) (\(lexed.commands.count) commands)")

        var totals: [Double] = []
        for attempt in 1...max(1, runs) {
            let rate = replay(text, settings: settings, path: folder + "/replay-\(attempt).rec", details: attempt == runs)
            totals.append(rate)
        }
        let median = Bench.median(totals)
        print(String(format: "   median of %d runs: %.3f s, %.0f commands/s (target ≥ 300,000/s)", totals.count, median,
                     Double(lexed.commands.count) / median))
        sqliteAnchor(rows: commands, folder: folder, runs: runs)
        breakdown(lexed.commands, settings: settings)
    }

    /// The anchor: sqlite3 loading a dump of `rows` inserts (a table like the posts) into a
    /// new database file, median of `runs`.
    static func sqliteAnchor(rows: Int, folder: String, runs: Int) {
        var dump = "BEGIN;\nCREATE TABLE post(id TEXT PRIMARY KEY, author TEXT, date TEXT, lang TEXT, text TEXT);\n"
        var random = SeededRandom(seed: 9)
        for index in 0..<rows {
            dump += "INSERT INTO post VALUES('post\(index)','p\(random.below(10_000))','2014-02-1\(index % 10)','ru','"
                + Texts.sentence(&random, words: 10).replacingOccurrences(of: "'", with: "''") + "');\n"
        }
        dump += "COMMIT;\n"
        let dumpPath = folder + "/dump.sql"
        guard FileManager.default.createFile(atPath: dumpPath, contents: Data(dump.utf8)) else {
            print("   anchor: cannot write \(dumpPath)")
            return
        }
        var times: [Double] = []
        for attempt in 0..<max(1, runs) {
            let database = folder + "/anchor-\(attempt).db"
            guard let time = Bench.anchor("sqlite3 '\(database)' < '\(dumpPath)'") else {
                print("   anchor: sqlite3 not installed")
                return
            }
            times.append(time)
        }
        print(String(format: "   anchor: sqlite3 loads a dump of %d inserts in %.3f s (median of %d): %.0f rows/s",
                     rows, Bench.median(times), times.count, Double(rows) / Bench.median(times)))
    }

    /// One replay with its save; returns the seconds of lex + run + save.
    static func replay(_ text: String, settings: Settings, path: String, details: Bool) -> Double {
        let notebook = Notebook(output: NullOutput(), settings: settings)
        notebook.showsConfirmations = false
        notebook.journaling = false  // as `casefile run` does
        do { try notebook.open(path: path) } catch {
            print("replay-bench: cannot open \(path): \(error)")
            exit(1)
        }
        let cpuBefore = cpuSeconds()
        let (report, running) = timed { notebook.runScript(text, name: "generated.cf") }
        let cpuRunning = cpuSeconds() - cpuBefore
        if let error = report.errors.first { print("   ERROR: \(error)") }
        let (_, summarising) = timed { _ = notebook.unsavedSummary.text }
        let cpuBeforeSave = cpuSeconds()
        let (_, saving) = timed {
            do { try notebook.save(message: "replay-bench") } catch { print("   ERROR saving: \(error)") }
        }
        let cpuTotal = cpuRunning + (cpuSeconds() - cpuBeforeSave)
        let (_, writing) = timed { _ = CaseWriter.bytes(of: notebook.caseFile) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let total = running + saving
        guard details else { return total }
        print("   of the save, the change summary (unsavedSummary) takes \(s(summarising))")
        print("   of the save, serialising the case alone (CaseWriter.bytes) takes \(s(writing))")
        print("   last run: lex + run: \(s(running)), save: \(s(saving)) (\(size / 1024) KB, \(notebook.caseFile.entries.count) entries)")
        print(String(format: "   last run: total %.3f s: %.0f commands/s", total, Double(report.succeeded) / total))
        print(String(format: "   last run: CPU time: lex + run %.3f s, with save %.3f s: %.0f commands per CPU second",
                     cpuRunning, cpuTotal, Double(report.succeeded) / cpuTotal))
        return total
    }

    /// Runs the same commands again in a fresh notebook, timing each kind of command.
    static func breakdown(_ lines: [CasefileCore.ScriptCommand], settings: Settings) {
        let notebook = Notebook(output: NullOutput(), settings: settings)
        notebook.showsConfirmations = false
        var times: [(String, Int, Double)] = []
        var index = 0
        while index < lines.count {
            let name = lines[index].words.prefix(2).map(\.text).joined(separator: " ")
            var end = index
            while end < lines.count, lines[end].words.prefix(2).map(\.text).joined(separator: " ") == name
                    || (name.hasPrefix("add") == false && lines[end].words.first?.text == lines[index].words.first?.text) {
                end += 1
            }
            let before = cpuSeconds()
            for line in lines[index..<end] { try? notebook.execute(line) }
            let label = lines[index].words.first?.text == "add" ? name : String(lines[index].words.first?.text ?? "")
            times.append((label, end - index, cpuSeconds() - before))
            index = end
        }
        print("   CPU per command by kind (execute only, no lexing): " + times.map { name, count, seconds in
            String(format: "%@ %.2f µs", name, seconds / Double(count) * 1e6)
        }.joined(separator: ", "))
    }
}
