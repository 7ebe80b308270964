import CasefileCore
import Foundation
import Testing

/// Text built to attack a terminal: clear-screen and cursor-home, an OSC 52 clipboard
/// write, a right-to-left override, a C1 CSI (one byte in some terminals), DEL.
enum HostileText {
    static let clearScreen = "\u{1b}[2J\u{1b}[H"
    static let clipboard = "\u{1b}]52;c;ZXZpbA==\u{07}"
    static let bidi = "\u{202e}gnp.exe"
    static let payload = "x" + clearScreen + clipboard + bidi + "\u{9b}31m" + "\u{7f}"
    /// How `payload` looks once made visible.
    static let shown = "x^[[2J^[[H^[]52;c;ZXZpbA==^G<U+202E>gnp.exe<U+9B>31m^?"

    /// A case with the payload in every kind of field: header, Ids, names, handles, aliases,
    /// tags, unknown fields, dates and languages (which fail validation), URLs, texts over
    /// several lines, link relations and notes, note authors, session messages and commands.
    static let caseText = """
        # casefile format 1
        %rec: Casefile

        Format: 1
        Title: Title \(payload)
        Revision: 1

        %rec: Person
        %key: Id
        %mandatory: Name

        Id: mallory
        Name: Mallory \(payload)
        Handle: @mal\(payload)
        Alias: alias \(payload)
        Tag: tag\(payload)
        Custom: custom \(payload)

        Id: mal\(payload)
        Name: Evil Id

        %rec: Post
        %key: Id
        %mandatory: Author Text
        %type: Author rec Person

        Id: mallory-2014-02-04
        Author: mallory
        Date: 2014-02-04\(payload)
        Lang: ru\(payload)
        Url: https://x/\(payload)
        Text: post \(payload)
        + second \(payload)

        %rec: Link
        %mandatory: From Rel To

        From: mallory
        Rel: knows\(payload)
        To: mallory-2014-02-04
        Note: link note \(payload)

        %rec: Note
        %mandatory: On Text

        On: mallory
        At: 2025-11-25T12:00:00Z
        By: by \(payload)
        Text: note \(payload)

        %rec: Session
        %key: Revision
        %mandatory: Revision

        Revision: 1
        Saved: 2025-11-25T12:00:00Z
        By: by \(payload)
        Message: message \(payload)
        Summary: +1 person
        Command: add person "Mallory \(payload)"

        """

    /// The characters that must never reach a terminal from a case or script: C0 controls
    /// but newline and tab, DEL, C1 controls, and the bidirectional controls.
    static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Records an issue for each dangerous character in `text`, naming where it came from.
    static func expectSafe(_ text: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = text.unicodeScalars.filter(isDangerous)
        #expect(found.isEmpty, "\(context) let \(found.count) control characters through, first U+\(String(found.first?.value ?? 0, radix: 16, uppercase: true)): \(text.debugDescription.prefix(300))", sourceLocation: sourceLocation)
    }
}
