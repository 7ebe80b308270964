import CasefileCore
import Testing

/// `Schema.run(of:in:)` finds a known field's values by binary search: it must give the
/// same place a scan of the canonically ordered fields gives, empty runs and ends included.
@Suite struct SchemaRunTests {
    @Test func runMatchesAScanOfTheFields() {
        let schema = Schema.of(.post)
        let shapes: [[Field]] = [
            [],
            [Field("Author", "p"), Field("Text", "x")],
            [Field("Author", "p"), Field("Tag", "a"), Field("Tag", "b"), Field("Text", "x"), Field("Extra", "1")],
            [Field("Tag", "a")],
            [Field("Author", "p"), Field("Date", "2014-02-04")] + (0..<37).map { Field("Tag", "t\($0)") } + [Field("Extra", "1")],
        ]
        for shape in shapes {
            let fields = Entry(kind: .post, id: "big", fields: shape).fields
            for name in ["Author", "Date", "Tag", "Text"] {
                let first = fields.firstIndex { schema.rank(of: $0.name) >= schema.rank(of: name) } ?? fields.count
                let end = fields.firstIndex { schema.rank(of: $0.name) > schema.rank(of: name) } ?? fields.count
                #expect(schema.run(of: name, in: fields) == first..<end, "\(name) in \(fields.map(\.name))")
                #expect(fields[first..<end].allSatisfy { $0.name == name })
            }
            #expect(schema.run(of: "Extra", in: fields) == nil)
        }
    }
}
