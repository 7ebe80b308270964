import CasefileCore
import Testing

@Suite("Byte order and keys")
struct ByteOrderTests {
    @Test("strings order by their UTF-8 bytes, not by locale")
    func order() {
        #expect(ByteOrder.less("B", "a"))  // upper case first, as bytes
        #expect(ByteOrder.less("a", "ab"))
        #expect(ByteOrder.less("z", "а"))  // Latin before Cyrillic
        #expect(ByteOrder.less("е", "ё"))  // U+0435 before U+0451
        #expect(!ByteOrder.less("x", "x"))
    }

    @Test("ascending checks")
    func ascending() {
        #expect(ByteOrder.isStrictlyAscending([]))
        #expect(ByteOrder.isStrictlyAscending(["a"]))
        #expect(ByteOrder.isStrictlyAscending(["a", "ab", "b", "есимов"]))
        #expect(!ByteOrder.isStrictlyAscending(["a", "a"]))
        #expect(!ByteOrder.isStrictlyAscending(["b", "a"]))
        #expect(!ByteOrder.isStrictlyAscending(["есимов", "z"]))
    }

    @Test("link and note keys compare by bytes: differently normalised texts are different notes")
    func keys() {
        let composed = NoteKey(on: "p", at: "", by: "", text: "\u{00E9}")
        let decomposed = NoteKey(on: "p", at: "", by: "", text: "e\u{0301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect(LinkKey(from: "a", rel: "r", to: "b") == LinkKey(from: "a", rel: "r", to: "b"))
        #expect(LinkKey(from: "a", rel: "r", to: "b") < LinkKey(from: "a", rel: "s", to: "a"))
    }

    @Test("kinds hash and order by their place in the file")
    func kinds() {
        #expect(Kind.allCases.map(\.ordinal) == Array(0..<Kind.allCases.count))
        #expect(Kind.person < Kind.session)
        #expect(Set(Kind.allCases).count == Kind.allCases.count)
    }
}
