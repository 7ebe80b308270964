import CasefileCore
import Testing

@Suite("EntryLine")
struct EntryLineTests {
    @Test("one line per entry: kind, Id, then what matters for the kind, cut to the width")
    func lines() {
        let person = Entry(kind: .person, id: "aitelenov", fields: [Field("Name", "Nurali Aitelenov"), Field("Handle", "@extremkz"),
                                                                    Field("Tag", "detained")])
        #expect(EntryLine.render(person, width: 80) == "person       aitelenov  Nurali Aitelenov  @extremkz  [detained]")
        #expect(EntryLine.render(person, width: 80, idWidth: 12) == "person       aitelenov     Nurali Aitelenov  @extremkz  [detained]")
        let post = Entry(kind: .post, id: "p", fields: [Field("Author", "a"), Field("Date", "2014-02-04"), Field("Lang", "ru"),
                                                          Field("Text", "line one\nline two")])
        #expect(EntryLine.render(post, width: 80) == "post         p  2014-02-04  a  ru  line one line two")
        let long = EntryLine.render(post, width: 30)
        #expect(TextWidth.of(long) == 30 && long.hasSuffix("…"))
        let translation = Entry(kind: .translation, id: "p.en", fields: [Field("Of", "p"), Field("Lang", "en"),
                                                                          Field("Status", "draft"), Field("Text", "x")])
        #expect(EntryLine.render(translation, width: 80) == "translation  p.en  of p  en  draft  x")
    }

    @Test("control characters in a text never reach the terminal raw")
    func control() {
        let post = Entry(kind: .post, id: "p", fields: [Field("Author", "a"), Field("Text", "evil\u{1B}]0;title\u{7}")])
        let line = EntryLine.render(post, width: 80)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }
}
