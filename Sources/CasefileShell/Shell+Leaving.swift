import CasefileCore
import Foundation
import LineEditor

extension Shell {
    /// The keys that answer the question, and what each does.
    enum LeavingAnswer {
        case save, discard, cancel

        /// The word the key stands for.
        var word: String {
            switch self {
            case .save: return "save"
            case .discard: return "discard"
            case .cancel: return "cancel"
            }
        }
    }

    /// How long after an answer's key another may follow and show that a word was being
    /// typed (`diff`, `save`) rather than a key pressed: a command is then not taken for
    /// an answer (the `d` of `diff` discarding the work), it goes back to the prompt.
    static let typingWindow = 250

    /// On Ctrl-D with unsaved changes: save, discard or cancel, one key without Enter.
    /// Any other key is a reminder; a letter starts a command, which goes back to the
    /// prompt with what was typed, so nothing typed here is lost. True to leave.
    func confirmLeaving() -> Bool {
        guard notebook.hasUnsavedChanges else { return true }
        let count = notebook.unsavedChanges.count
        output.diagnostic("\(Plural.count(count, "unsaved change")) in \(Terminal.visible(notebook.displayName, keepNewlines: false)).")
        let question = "[s]ave, [d]iscard, or [c]ancel? "
        while true {
            output.flush()
            let key = reader.readKey(prompt: question)
            guard case .key(let character) = key else {
                if key == .endOfInput {
                    output.diagnostic("")
                    return true  // the terminal is gone: the journal keeps the work
                }
                output.diagnostic("")
                remind()
                continue
            }
            let answer: LeavingAnswer?
            switch character {
            case "s", "S": answer = .save
            case "d", "D": answer = .discard
            case "c", "C", "\u{1b}", "\u{03}": answer = .cancel
            default: answer = nil
            }
            if let answer {
                guard character.isLetter else { return carryOut(answer) }
                // A letter followed at once by others is a word being typed: the answer's
                // own word (`save⏎`) answers; any other (`diff`) is a command.
                var typed = String(character)
                var entered = false
                while let next = reader.nextKey(waitingUpTo: Self.typingWindow), case .key(let more) = next {
                    if more == "\r" || more == "\n" {
                        entered = true
                        break
                    }
                    typed.append(more)
                }
                if answer.word.hasPrefix(typed.lowercased()) { return carryOut(answer) }
                return backToPrompt(with: typed, entered: entered)
            }
            if character.isLetter || character.isNumber || character.isPunctuation || character.isSymbol {
                return backToPrompt(with: String(character))
            }
            output.diagnostic(character == "\u{04}" ? "^D" : "")
            remind()
        }
    }

    private func remind() {
        output.diagnostic("(press s to save and leave, d to leave without saving, c to go back to the case)")
    }

    /// What was typed goes back to the prompt, as a command: run when Enter ended it.
    private func backToPrompt(with typed: String, entered: Bool = false) -> Bool {
        output.diagnostic(Terminal.visible(typed, keepNewlines: false))
        output.diagnostic("(not an answer: back to the case, nothing saved or discarded; Ctrl-D asks again)")
        reader.unread(typed + (entered ? "\n" : ""))
        return false
    }

    private func carryOut(_ answer: LeavingAnswer) -> Bool {
        switch answer {
        case .save:
            output.diagnostic(answer.word)
            askForName(before: "save")
            for error in notebook.runInteractive("save") { showError(error) }
            output.flush()
            return !notebook.hasUnsavedChanges
        case .discard:
            output.diagnostic("discard")
            notebook.discardJournal()
            return true
        case .cancel:
            output.diagnostic("cancel")
            return false
        }
    }
}
