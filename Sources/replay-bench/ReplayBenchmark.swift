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
        do { try notebook.open(path: path) } catch { fatalError("cannot open \(path): \(error)") }
        let (report, running) = timed { notebook.runScript(text, name: "generated.cf") }
        if let error = report.errors.first { print("   ERROR: \(error)") }
        let (_, saving) = timed {
            do { try notebook.save(message: "replay-bench") } catch { print("   ERROR saving: \(error)") }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let total = running + saving
        print("   lex + run: \(s(running)), save: \(s(saving)) (\(size / 1024) KB, \(notebook.caseFile.entries.count) entries)")
        print(String(format: "   total %.3f s: %.0f commands/s (target ≥ 100,000/s)", total, Double(report.succeeded) / total))
    }
}
