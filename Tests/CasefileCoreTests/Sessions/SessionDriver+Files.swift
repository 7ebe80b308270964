import Foundation
@testable import CasefileCore

/// The commands that read files the driver writes beside the case: `import` of a small
/// twarc file (logged as `import twarc FILE sha256=…`, which a replay reads again) and
/// `attach` of a small evidence file (logged as a self-contained `attach … sha256=…`),
/// and `detach`. The files stay where they were written, as an imported file stays
/// where the researcher keeps it.
extension SessionDriver {
    mutating func fileCommand(all: [String]) -> String? {
        switch random.int(0...5) {
        case 0, 1:
            return "import \(random.pick(["twarc", "auto"])) \(writeTwarc())" + (random.chance(0.1) ? " --dry-run" : "")
        case 2:
            // An earlier import again: nothing new, so nothing is logged.
            guard let earlier = imported.randomElement(using: &random) else { return nil }
            return "import twarc \(earlier)"
        case 3, 4:
            let entries = all.filter { notebook.caseFile[$0]?.kind != .evidence }
            guard let entry = entries.randomElement(using: &random) else { return nil }
            var line = "attach \(entry) \(writeEvidence())"
            if random.chance(0.5) { line += " captured=2014-02-0\(random.int(1...9))T1\(random.int(0...9)):05:00Z" }
            if random.chance(0.3) { line += " url=https://twitter.com/h\(random.int(1...9))" }
            if random.chance(0.3) { line += " note=" + Quoting.word(random.pick(["full page", "a \"screenshot\"", "Есимов"])) }
            if random.chance(0.2) { line += " --link" }
            return line
        default:
            let evidence = notebook.caseFile.entries.values.filter { $0.kind == .evidence }.map(\.id).sorted()
            guard let id = evidence.randomElement(using: &random) else { return nil }
            return "detach \(id)"
        }
    }

    /// Writes a twarc file of one to three tweets from a small pool of accounts and tweet
    /// ids (so that later files overlap earlier ones) and returns its path.
    private mutating func writeTwarc() -> String {
        let accounts = [("20", "almaty_news", "Almaty News"), ("21", "prediktor", "Предиктор"), ("22", "extremkz", "Nurali A")]
        let texts = ["Завтра у #Есимов‘а на ланче", "Detained outside the lunch", "«тамed» Алматы", "mayor's lunch\u{2028}again"]
        let lines = (0..<random.int(1...3)).map { _ -> String in
            let (id, handle, name) = random.pick(accounts)
            let tweet = 3000 + random.int(1...12)
            let text = random.pick(texts)
            let escaped = text.replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            return #"{"id":"\#(tweet)","text":"\#(escaped)","created_at":"2014-02-0\#(random.int(1...9))T10:00:00.000Z","#
                + #""author_id":"\#(id)","author":{"id":"\#(id)","username":"\#(handle)","name":"\#(name)"},"lang":"ru"}"#
        }
        let file = path + ".\(clock).jsonl"
        try? (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        imported.append(file)
        return file
    }

    /// Writes a small capture (a PNG or an HTML page, a few random bytes each) and returns its path.
    private mutating func writeEvidence() -> String {
        let png = random.chance(0.5)
        var bytes: [UInt8] = png ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : Array("<html><body>".utf8)
        bytes += (0..<random.int(1...64)).map { _ in UInt8(random.int(0...255)) }
        let file = path + ".\(clock)-\(random.int(1...999)).\(png ? "png" : "html")"
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }
}
