@testable import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// The twarc reader cuts large files into pieces read on several threads: whatever the
/// cut, the batch must be the one a single pass makes, line numbers and order included.
@Suite("twarc read in pieces")
struct TwarcPiecesTests {
    static func read(_ text: [UInt8], parts: Int) -> ImportBatch {
        var batch = ImportBatch(file: "t.jsonl", format: .twarc, sha256: "", title: "t")
        text.withUnsafeBufferPointer { TwarcReader.read($0, into: &batch, parts: parts) }
        return batch
    }

    static func expectSame(_ a: ImportBatch, _ b: ImportBatch, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.posts == b.posts, "\(what): posts", sourceLocation: sourceLocation)
        #expect(a.people == b.people, "\(what): people", sourceLocation: sourceLocation)
        #expect(a.problems == b.problems, "\(what): problems", sourceLocation: sourceLocation)
        #expect(a.skipped == b.skipped, "\(what): skipped", sourceLocation: sourceLocation)
        #expect(a.tool == b.tool && a.retrieved == b.retrieved, "\(what): tool and retrieval day", sourceLocation: sourceLocation)
    }

    /// The lines of `text` and their numbers, as a plain split names them.
    static func plainLines(_ text: [UInt8]) -> [(Int, [UInt8])] {
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if text.last == 0x0A || text.isEmpty { lines.removeLast() }
        return lines.enumerated().map { ($0.offset + 1, $0.element) }
    }

    @Test("every piece starts a line and knows its number: the lines are a plain split's, for any cut")
    func piecesAreLines() {
        var random = SeededGenerator(seed: 13)
        for round in 0..<300 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<12, using: &random) {
                text += Array(repeating: UInt8(ascii: "x"), count: Int.random(in: 0..<5, using: &random))
                text.append(Int.random(in: 0..<4, using: &random) == 0 ? 0x0D : 0x0A)
                if Int.random(in: 0..<3, using: &random) == 0 { text.append(0x0A) }
            }
            let parts = 1 + Int.random(in: 0..<9, using: &random)
            var seen: [(Int, [UInt8])] = []
            text.withUnsafeBufferPointer { bytes in
                let pieces = LinePieces(bytes, parts: parts)
                #expect(pieces.count <= parts)
                for index in 0..<pieces.count { pieces.forEachLine(of: index) { seen.append(($1, Array($0))) } }
            }
            let plain = Self.plainLines(text)
            #expect(seen.map(\.0) == plain.map(\.0) && seen.map(\.1) == plain.map(\.1), "round \(round): \(text)")
        }
    }

    @Test("each twarc fixture reads the same in 1, 2, 3 or 7 pieces")
    func fixtures() throws {
        guard let folder = try SharedFixtures.path("fixtures/twarc") else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".jsonl") }).sorted() {
            let text = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let whole = Self.read(text, parts: 1)
            for parts in [2, 3, 7] { Self.expectSame(whole, Self.read(text, parts: parts), "\(name) in \(parts)") }
        }
    }

    @Test("random mixes of real lines, broken lines, blank lines and CR LF read the same in any number of pieces")
    func randomMixes() throws {
        guard let folder = try SharedFixtures.path("fixtures/twarc") else { return }
        var lines: [[UInt8]] = []
        for name in ["flat.jsonl", "quoted_edit.jsonl", "users.jsonl", "streaming_output_with_error.jsonl", "two_tweets.jsonl"] {
            let text = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            lines += text.split(separator: 0x0A).map(Array.init)
        }
        lines += [Array(#"{"data": [{"id": 5, "text": 12}]}"#.utf8), Array("[1,2".utf8), Array("{\"x\": 1}".utf8), Array("  ".utf8), []]
        var random = SeededGenerator(seed: 1313)
        for round in 0..<40 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<30, using: &random) {
                var line = lines[Int.random(in: 0..<lines.count, using: &random)]
                if Int.random(in: 0..<8, using: &random) == 0, !line.isEmpty { line = Array(line.prefix(Int.random(in: 0..<line.count, using: &random))) }
                text += line
                if Int.random(in: 0..<5, using: &random) == 0 { text.append(0x0D) }
                text.append(0x0A)
            }
            if Int.random(in: 0..<2, using: &random) == 0, !text.isEmpty { text.removeLast() }
            let whole = Self.read(text, parts: 1)
            for parts in [2, 5] { Self.expectSame(whole, Self.read(text, parts: parts), "round \(round) in \(parts)") }
        }
    }

    @Test("the planner's languages guessed ahead are the guesser's; posts the case has are not guessed")
    func guessesAhead() {
        let texts = ["Сегодня в Алматы задержали блогеров", "Бүгін Алматыда жиналыс болды", "the mayor had lunch with bloggers",
                     "ok", "", "line one\r\nline two of the post"]
        var posts = texts.enumerated().map { index, text in
            ImportedPost(platform: "twitter", postId: "\(index)", author: ImportedPerson(platform: "twitter"), date: nil, text: text)
        }
        posts[1].lang = "kk"
        let guesses = LanguageGuesses(posts, known: ["twitter:2": "old"])
        for (index, post) in posts.enumerated() {
            let text = ImportPlanner.storedText(of: post)
            #expect(guesses.language(of: index, text: text) == ImportLanguage.guess(text), "\(index)")
        }
    }
}

@Suite("twarc dates")
struct TwarcDateTests {
    @Test("the byte-level reading of twarc's dates gives what the general one does, on real and random dates")
    func sameAsGeneral() {
        var random = SeededGenerator(seed: 2024)
        var samples = ["2022-10-03T17:57:11.000Z", "2022-10-03T17:57:11.500Z", "2022-02-29T10:00:00.000Z", "2024-02-29T23:59:60.000Z",
                       "2022-10-03T24:00:00.000Z", "2022-10-03T17:57:11+00:00", "2022-10-03T17:57:11.000+00:00", "2022-10-03 17:57:11.000Z",
                       "2022-10-0317:57:11.0000Z", "２022-10-03T17:57:11.000Z", "2022-10-03T17:57:11.000z", "", "x"]
        let pieces = Array("0123456789-T:.Z+ 9".utf8)
        for _ in 0..<20_000 {
            var bytes = Array(random.pick(samples).utf8)
            if !bytes.isEmpty {
                for _ in 0..<random.int(1...2) { bytes[random.int(0...(bytes.count - 1))] = random.pick(pieces) }
            }
            samples.append(String(decoding: bytes, as: UTF8.self))
        }
        for text in samples { #expect(ISOTime.normalized(text) == ISOTime.generalNormalized(text), "\(text)") }
    }
}
