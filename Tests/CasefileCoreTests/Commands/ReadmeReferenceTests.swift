import CasefileCore
import Foundation
import Testing

/// The command reference in README.md, between its markers, if the README has them.
enum Readme {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md").path
    static let begin = "<!-- commands:begin -->"
    static let end = "<!-- commands:end -->"

    static var text: String? { try? String(contentsOfFile: path, encoding: .utf8) }

    static var hasMarkers: Bool { text.map { $0.contains(begin) && $0.contains(end) } ?? false }

    /// The text between the markers, without the blank lines that set it off.
    static var reference: String? {
        guard let text, let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<stop.lowerBound]).trimmingCharacters(in: .newlines)
    }
}

@Suite("README command reference")
struct ReadmeReferenceTests {
    @Test("README.md exists where the test looks for it")
    func readmeFound() {
        #expect(Readme.text != nil, "no README.md at \(Readme.path)")
    }

    @Test("the reference between the markers is HelpText.markdownReference(.standard)",
          .enabled(if: Readme.hasMarkers, "README.md has no <!-- commands:begin --> / <!-- commands:end --> markers yet"))
    func referenceMatchesRegistry() throws {
        let generated = HelpText.markdownReference(.standard).trimmingCharacters(in: .newlines)
        // `CASEFILE_UPDATE_README=1 swift test --filter ReadmeReferenceTests` rewrites the section.
        if ProcessInfo.processInfo.environment["CASEFILE_UPDATE_README"] == "1", let text = Readme.text,
           let start = text.range(of: Readme.begin), let stop = text.range(of: Readme.end, range: start.upperBound..<text.endIndex) {
            let updated = String(text[..<start.upperBound]) + "\n" + generated + "\n" + String(text[stop.lowerBound...])
            try updated.write(toFile: Readme.path, atomically: true, encoding: .utf8)
        }
        let reference = try #require(Readme.reference)
        #expect(reference == generated, """
            README.md's command reference is out of date. Replace the text between the markers with \
            HelpText.markdownReference(.standard):
            \(generated)
            """)
    }

    @Test("the generated reference names every command with its usage and summary")
    func referenceIsComplete() {
        let generated = HelpText.markdownReference(.standard)
        for command in CommandRegistry.standard.commands {
            #expect(generated.contains("- `\(command.usage)` — \(command.summary)"), "\(command.name)")
        }
        for group in CommandGroup.allCases { #expect(generated.contains("### \(group.rawValue)\n")) }
    }
}
