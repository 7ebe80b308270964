import Testing
@testable import LineEditor

struct UTF8ScalarsTests {
    private func decode(_ bytes: [UInt8], atEnd: Bool = false) -> (UInt32, Int)? {
        UTF8Scalars.decode(bytes[...], atEnd: atEnd).map { ($0.scalar, $0.length) }
    }

    @Test func validSequencesDecode() {
        #expect(decode([0x61])! == (0x61, 1))
        #expect(decode(Array("Е".utf8))! == (0x415, 2))
        #expect(decode(Array("Қ".utf8))! == (0x49A, 2))
        #expect(decode(Array("€".utf8))! == (0x20AC, 3))
        #expect(decode(Array("😀".utf8))! == (0x1F600, 4))
    }

    @Test func anIncompleteSequenceWaitsUnlessInputEnded() {
        #expect(decode([0xD0]) == nil)
        #expect(decode([0xF0, 0x9F, 0x98]) == nil)
        #expect(decode([0xD0], atEnd: true)! == (0xFFFD, 1))
    }

    @Test func invalidBytesBecomeReplacementAndDecodingMovesOn() {
        #expect(decode([0xFF, 0x61])! == (0xFFFD, 1))
        #expect(decode([0xC0, 0x80])! == (0xFFFD, 1))        // overlong lead byte
        #expect(decode([0xE0, 0x80, 0x80])! == (0xFFFD, 1))  // overlong three-byte form
        #expect(decode([0xED, 0xA0, 0x80])! == (0xFFFD, 1))  // a surrogate
        #expect(decode([0xD0, 0x41])! == (0xFFFD, 1))        // lead byte then ASCII
    }
}
