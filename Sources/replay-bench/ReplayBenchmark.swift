import CasefileCore
import Foundation

/// Part 1: a generated script replayed into a new case, saved at the end.
enum ReplayBenchmark {
    static func run(commands: Int, settings: Settings, folder: String) {
        let ((text, mix), generating) = timed { ScriptGenerator.script(commands: commands) }
        print("== replay of a generated \(commands)-command script (\(text.utf8.count / 1024) KB)")
        print("   mix: " + mix.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("   generating the script: \(s(generating))")
        let (lexed, lexing) = timed { Lexer.lex(text) }
        print("   lexing alone: \(s(lexing)) (\(lexed.commands.count) commands)")

        let path = folder + "/replay.rec"
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
        print("   of the save, the change summary (unsavedSummary) takes \(s(summarising))")
        let cpuBeforeSave = cpuSeconds()
        let (_, saving) = timed {
            do { try notebook.save(message: "replay-bench") } catch { print("   ERROR saving: \(error)") }
        }
        let cpuTotal = cpuRunning + (cpuSeconds() - cpuBeforeSave)
        let (_, writing) = timed { _ = CaseWriter.bytes(of: notebook.caseFile) }
        print("   of the save, serialising the case alone (CaseWriter.bytes) takes \(s(writing))")
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let total = running + saving
        print("   lex + run: \(s(running)), save: \(s(saving)) (\(size / 1024) KB, \(notebook.caseFile.entries.count) entries)")
        print(String(format: "   total %.3f s: %.0f commands/s (target ≥ 100,000/s)", total, Double(report.succeeded) / total))
        print(String(format: "   CPU time: lex + run %.3f s, with save %.3f s: %.0f commands per CPU second",
                     cpuRunning, cpuTotal, Double(report.succeeded) / cpuTotal))
        breakdown(lexed.commands, settings: settings)
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
