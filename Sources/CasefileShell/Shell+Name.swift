import CasefileCore
import Foundation
import LineEditor

extension Shell {
    /// Before the first save of a session in which nothing gave the user a name (no
    /// config, no CASEFILE_USER or USER, no entry in the password database), asks once for
    /// the name to write as `By`, and offers to keep it in the config file.
    func askForName(before text: String) {
        guard !notebook.settings.hasName, !askedForName, saves(text) else { return }
        askedForName = true
        output.diagnostic("Who is saving? No name is configured, and neither CASEFILE_USER, USER nor the system's "
                          + "user database gives one; the save records it as By.")
        guard case .line(let typed) = reader.readAnswer(prompt: Prompt("Your name (Enter for 'unknown'): ")) else { return }
        let name = typed.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            output.diagnostic("(saving as 'unknown'; set name = … in \(configPath ?? "the config file") to be asked no more)")
            return
        }
        notebook.settings.userName = name
        notebook.settings.hasName = true
        guard let configPath else { return }
        let shownPath = Terminal.visible(configPath, keepNewlines: false)
        let answer = reader.readKey(prompt: "Write name = \(Terminal.visible(name, keepNewlines: false)) to \(shownPath) for next time? [y/n] ")
        guard case .key(let key) = answer, key == "y" || key == "Y" else {
            output.diagnostic("no")
            return
        }
        output.diagnostic("yes")
        do {
            try ShellConfig.append(key: "name", value: name, to: configPath)
            output.diagnostic("wrote name = \(Terminal.visible(name, keepNewlines: false)) to \(shownPath)")
        } catch {
            output.diagnostic("note: \(Terminal.visible(error.description)); this session saves as \(Terminal.visible(name, keepNewlines: false))")
        }
    }

    /// Whether the commands of `text` include a save.
    private func saves(_ text: String) -> Bool {
        Lexer.lex(text).commands.contains { line in
            (try? notebook.registry.resolve(line))?.command.name == "save"
        }
    }
}
