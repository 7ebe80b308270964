@testable import CasefileCore
import CasefileTestSupport
import Testing

/// `show` of a pair: the translator and the status are the last things cut from the
/// heading, and long texts line up paragraph by paragraph and sentence by sentence.
@Suite("show: side by side")
struct CardSideBySideTests {
    static let original = """
        Первый абзац о встрече. Блогеры пришли к акиму! Что дальше?

        Второй абзац, совсем короткий.

        Третий абзац: его перевод длиннее, чем оригинал, и переносится на несколько строк в узкой колонке.
        """
    static let translation = """
        The first paragraph, about the meeting. The bloggers came to the mayor! What next?

        The second paragraph, quite short, but in English it runs on and wraps onto more lines than the Russian does.

        The third paragraph.
        """

    static func card(width: Int) throws -> [String] {
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "tester", fixedTime: 0))
        notebook.journaling = false
        let report = notebook.runScript("""
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 lang=ru <<END
            \(original)
            END
            translate extremkz-2014-02-04 en by="Aigerim Nurlanovna Seitkali-Abenova" status=reviewed <<END
            \(translation)
            END
            """, name: "setup")
        try #require(report.errors.isEmpty, "\(report.errors)")
        let id = "extremkz-2014-02-04.en"
        let entry = try #require(notebook.caseFile[id])
        return Card(entry: entry, caseFile: notebook.caseFile, references: notebook.referencesTo(id), width: width).lines()
    }

    /// The row (index into the side-by-side block) where each column's line starting
    /// with `prefix` is.
    static func row(_ lines: [String], left prefix: String) -> Int? {
        lines.firstIndex { $0.dropFirst(2).hasPrefix(prefix) }
    }

    static func row(_ lines: [String], right prefix: String) -> Int? {
        lines.firstIndex { line in line.range(of: " │ ").map { line[$0.upperBound...].hasPrefix(prefix) } ?? false }
    }

    @Test("headings keep translator and status; every line fits; paragraphs and sentences line up", arguments: [80, 100, 120])
    func layout(width: Int) throws {
        let lines = try Self.card(width: width)
        #expect(lines.allSatisfy { TextWidth.of($0) <= width }, "\(lines.filter { TextWidth.of($0) > width })")
        let heading = try #require(lines.first { $0.contains("ru · original") })
        #expect(heading.hasSuffix(", reviewed)"), "\(heading)")
        // The Id ("this translation") goes first, then the end of the name; the status stays.
        let expected = [80: "en · (Aigerim Nurlanovna S…, reviewed)", 100: "en · (Aigerim Nurlanovna Seitkali-Ab…, reviewed)",
                        120: "en · (Aigerim Nurlanovna Seitkali-Abenova, reviewed)"][width] ?? ""
        #expect(heading.hasSuffix(" │ " + expected), "\(heading)")
        // Sentence by sentence in the first paragraph (three on each side) …
        for (russian, english) in [("Первый", "The first"), ("Блогеры", "The bloggers"), ("Что дальше", "What next")] {
            let left = try #require(Self.row(lines, left: russian), "\(russian) at \(width)")
            #expect(left == Self.row(lines, right: english), "\(russian) / \(english) at \(width):\n\(lines.joined(separator: "\n"))")
        }
        // … and paragraph by paragraph after it, whatever each side's length.
        for (russian, english) in [("Второй", "The second"), ("Третий", "The third")] {
            let left = try #require(Self.row(lines, left: russian), "\(russian) at \(width)")
            #expect(left == Self.row(lines, right: english), "\(russian) / \(english) at \(width):\n\(lines.joined(separator: "\n"))")
            #expect(lines[left - 1].trimmingCharacters(in: .whitespaces) == "│", "a blank row before each paragraph")
        }
    }

    @Test("the heading gives up the Id, then the translator's name, and keeps the status longest")
    func headingPriority() {
        let heading = Card.Heading(lang: "en", role: "extremkz-2014-02-04.en", by: "Global Voices", status: "final")
        #expect(Card.fit(heading, width: 60) == "en · extremkz-2014-02-04.en · (Global Voices, final)")
        #expect(Card.fit(heading, width: 37) == "en · extrem… · (Global Voices, final)")
        #expect(Card.fit(heading, width: 28) == "en · (Global Voices, final)")
        #expect(Card.fit(heading, width: 20) == "en · (Globa…, final)")
        #expect(Card.fit(heading, width: 12).hasPrefix("(Glo"))
        #expect(Card.fit(Card.Heading(lang: "ru", role: "original"), width: 37) == "ru · original")
    }

    @Test("texts with different paragraph counts are not forced together; same line counts line up")
    func alignment() {
        #expect(Card.aligned("a\n\nb", "x").count == 1)
        #expect(Card.aligned("one\ntwo", "eins\nzwei").map(\.left) == ["one", "two"])
        #expect(Card.sentences("Он сказал: «Нет!» Потом ушёл… Конец.") == ["Он сказал: «Нет!»", "Потом ушёл…", "Конец."])
        #expect(Card.paragraphs("a\n\n\nb\n  \nc") == ["a", "b", "c"])
    }
}
