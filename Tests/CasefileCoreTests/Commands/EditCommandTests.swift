@testable import CasefileCore
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

/// A translation is edited below its original, which is shown and never applied.
@Suite struct EditTranslationTests {
    func notebook(_ editor: ScriptedEditor) throws -> (Notebook, BufferOutput) {
        let (notebook, output) = try EditCommandTests().notebook(editor)
        let report = notebook.runScript("translate extremkz-2014-02-04 en \"#Esimov's lunch\"", name: "setup")
        try #require(report.errors.isEmpty, "\(report.errors)")
        output.reset()
        return (notebook, output)
    }

    static let shownOriginal = """
        #=== original extremkz-2014-02-04 (post, ru, aitelenov, 2014-02-04): read-only, changes here are not saved ===
        # Завтра у #Есимов‘а
        #=== end of the original: edit the translation below ===

        """

    @Test func theTextIsEditedBelowTheOriginalAndAHashtagFirstLineIsKept() throws {
        let editor = ScriptedEditor([{ $0.replacingOccurrences(of: "#Esimov's lunch", with: "#Esimov's lunch, tomorrow") }])
        let (notebook, output) = try notebook(editor)
        #expect(notebook.runScript("edit extremkz-2014-02-04.en text", name: "shell").errors.isEmpty)
        #expect(editor.shown == [Self.shownOriginal + "#Esimov's lunch\n"])
        #expect(notebook.caseFile["extremkz-2014-02-04.en"]?.text == "#Esimov's lunch, tomorrow")
        #expect(notebook.caseFile["extremkz-2014-02-04"]?.text == "Завтра у #Есимов‘а")
        #expect(!output.diagnostics.contains("read-only"))
    }

    @Test func aChangeToTheOriginalIsNotAppliedAndSaysSo() throws {
        let editor = ScriptedEditor([
            { $0.replacingOccurrences(of: "# Завтра у", with: "# Сегодня у").replacingOccurrences(of: "lunch", with: "dinner") },
            { $0.replacingOccurrences(of: "Завтра", with: "Вчера").replacingOccurrences(of: "Status: draft", with: "Status: reviewed") },
        ])
        let (notebook, output) = try notebook(editor)
        #expect(notebook.runScript("edit extremkz-2014-02-04.en text", name: "shell").errors.isEmpty)
        #expect(notebook.caseFile["extremkz-2014-02-04.en"]?.text == "#Esimov's dinner")
        #expect(notebook.caseFile["extremkz-2014-02-04"]?.text == "Завтра у #Есимов‘а")
        #expect(output.diagnostics.contains("warning: the original extremkz-2014-02-04 is shown read-only: what you changed in it was not applied (edit extremkz-2014-02-04 to change it)"))
        // The whole entry, too: the block comes before the record and is never parsed.
        output.reset()
        #expect(notebook.runScript("edit extremkz-2014-02-04.en", name: "shell").errors.isEmpty)
        #expect(editor.shown.last?.contains("delete everything to cancel.\n# One field a line as Name: value; continue a value on lines starting with \"+ \".\n"
                                            + Self.shownOriginal + "%rec: Translation\n") == true, "\(editor.shown.last ?? "")")
        #expect(notebook.caseFile["extremkz-2014-02-04.en"]?["Status"] == "reviewed")
        #expect(notebook.caseFile["extremkz-2014-02-04"]?.text == "Завтра у #Есимов‘а")
        #expect(output.diagnostics.contains("was not applied"))
    }

    @Test func deletingTheBlockOrItsEndLineLosesNothing() throws {
        let editor = ScriptedEditor([
            { _ in "#Esimov's breakfast\n" },
            { $0.replacingOccurrences(of: EditCommand.originalEnd + "\n", with: "").replacingOccurrences(of: "breakfast", with: "brunch") },
        ])
        let (notebook, _) = try notebook(editor)
        #expect(notebook.runScript("edit extremkz-2014-02-04.en text", name: "shell").errors.isEmpty)
        #expect(notebook.caseFile["extremkz-2014-02-04.en"]?.text == "#Esimov's breakfast")
        #expect(notebook.runScript("edit extremkz-2014-02-04.en text", name: "shell").errors.isEmpty)
        #expect(notebook.caseFile["extremkz-2014-02-04.en"]?.text == "#Esimov's brunch")
    }
}

extension EditTranslationTests {
    @Test func aRejectedDraftComesBackBelowTheOriginal() throws {
        let editor = ScriptedEditor([
            { $0.replacingOccurrences(of: "Status: draft", with: "Status: nonsense") },
            { $0.replacingOccurrences(of: "Status: nonsense", with: "Status: final") },
        ])
        let (notebook, _) = try notebook(editor)
        #expect(notebook.runScript("edit extremkz-2014-02-04.en", name: "shell").errors.first?.contains("nonsense") == true)
        #expect(notebook.runScript("edit extremkz-2014-02-04.en", name: "shell").errors.isEmpty)
        #expect(editor.shown.last?.contains(Self.shownOriginal + "%rec: Translation\n") == true)
        #expect(editor.shown.last?.contains("Status: nonsense") == true)
        #expect(notebook.caseFile["extremkz-2014-02-04.en"]?["Status"] == "final")
    }
}
