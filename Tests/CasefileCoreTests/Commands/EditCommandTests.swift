import CasefileCore
import Foundation
import Testing

/// `edit` through a stand-in editor: what the user "types" replaces the text.
final class ScriptedEditor: TextEditing {
    var shown: [String] = []
    var replies: [(String) -> String]

    init(_ replies: [(String) -> String]) { self.replies = replies }

    func edit(_ text: String, suffix: String) -> Result<String, EditingError> {
        shown.append(text)
        guard !replies.isEmpty else { return .failure(EditingError("the editor exited with status 1; nothing changed")) }
        return .success(replies.removeFirst()(text))
    }
}

@Suite struct EditCommandTests {
    func notebook(_ editor: ScriptedEditor) throws -> (Notebook, BufferOutput) {
        let output = BufferOutput()
        let notebook = Notebook(output: output, settings: Settings(userName: "t", fixedTime: 0))
        notebook.journaling = false
        notebook.editor = editor
        let report = notebook.runScript("""
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 lang=ru "Завтра у #Есимов‘а"
            """, name: "setup")
        try #require(report.errors.isEmpty, "\(report.errors)")
        return (notebook, output)
    }

    @Test func editsOneFieldAsOneUndoableChange() throws {
        let editor = ScriptedEditor([{ _ in "Завтра у #Есимов‘а на ланче…\nвторая строка\n" }])
        let (notebook, _) = try notebook(editor)
        #expect(notebook.runScript("edit extremkz-2014-02-04 text", name: "shell").errors.isEmpty)
        #expect(editor.shown == ["Завтра у #Есимов‘а\n"])
        #expect(notebook.caseFile["extremkz-2014-02-04"]?.text == "Завтра у #Есимов‘а на ланче…\nвторая строка")
        #expect(notebook.runScript("undo", name: "shell").errors.isEmpty)
        #expect(notebook.caseFile["extremkz-2014-02-04"]?.text == "Завтра у #Есимов‘а")
    }

    @Test func editsTheWholeEntryAsRecfileText() throws {
        let editor = ScriptedEditor([{ $0.replacingOccurrences(of: "Handle: @extremkz", with: "Handle: @extremkz\nRole: blogger") }])
        let (notebook, _) = try notebook(editor)
        #expect(notebook.runScript("edit aitelenov", name: "shell").errors.isEmpty)
        #expect(editor.shown.first?.contains("%rec: Person\n\nId: aitelenov\nName: Nurali Aitelenov\n") == true)
        #expect(notebook.caseFile["aitelenov"]?["Role"] == "blogger")
    }

    @Test func anInvalidResultIsRejectedAndKeptForTheNextEdit() throws {
        let broken: (String) -> String = { $0.replacingOccurrences(of: "Author: aitelenov", with: "Author: nobody") }
        let editor = ScriptedEditor([broken, { $0.replacingOccurrences(of: "Author: nobody", with: "Author: aitelenov\nPlatform: twitter") }])
        let (notebook, _) = try notebook(editor)
        let failed = notebook.runScript("edit extremkz-2014-02-04", name: "shell")
        #expect(failed.errors.first?.contains("Author 'nobody' is not the Id of any entry") == true)
        #expect(notebook.caseFile["extremkz-2014-02-04"]?["Author"] == "aitelenov")
        // The next edit starts from what was typed, not from the entry.
        #expect(notebook.runScript("edit extremkz-2014-02-04", name: "shell").errors.isEmpty)
        #expect(editor.shown.last?.contains("Author: nobody") == true)
        #expect(notebook.caseFile["extremkz-2014-02-04"]?["Platform"] == "twitter")
    }

    @Test func changingTheIdIsRefused() throws {
        let editor = ScriptedEditor([{ $0.replacingOccurrences(of: "Id: aitelenov", with: "Id: nurali") }])
        let (notebook, _) = try notebook(editor)
        let report = notebook.runScript("edit aitelenov", name: "shell")
        #expect(report.errors.first?.contains("the Id must stay aitelenov") == true)
        #expect(notebook.caseFile["nurali"] == nil)
    }

    @Test func withoutAnEditorScriptsAreToldToUseSet() throws {
        let (notebook, _) = try notebook(ScriptedEditor([]))
        notebook.editor = nil
        let report = notebook.runScript("edit aitelenov name", name: "s.cf")
        #expect(report.errors.first?.contains("edit needs an interactive shell") == true)
    }
}
