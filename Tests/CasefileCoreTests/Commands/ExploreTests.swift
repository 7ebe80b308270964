import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

@Suite("Explore")
struct ExploreTests {
    @Test func explore() throws {
        let input = try String(contentsOfFile: "/tmp/explore/in.txt", encoding: .utf8)
        let session = TranscriptSession()
        let out = session.replay(input)
        try out.write(toFile: "/tmp/explore/out.txt", atomically: true, encoding: .utf8)
    }
}
