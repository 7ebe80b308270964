/// A record's fields grouped by the known field they belong to, in one pass: fields are
/// kept in canonical order (known fields in schema order, then the rest), so each known
/// field's values are one run. Exports of a million entries read fields this way rather
/// than looking each name up.
struct FieldRuns {
    /// For each of `names`, the range of `fields` holding its values.
    let runs: [Range<Int>]
    /// Where the fields no name claimed begin (unknown fields, or a known field out of order).
    let rest: Int

    /// Groups `fields` by `names` (a schema's fields in order, without `Id`).
    /// - Complexity: O(fields + names).
    init(_ fields: [Field], names: [String]) {
        var runs: [Range<Int>] = []
        runs.reserveCapacity(names.count)
        var index = 0
        for name in names {
            let start = index
            while index < fields.count && fields[index].name == name { index += 1 }
            runs.append(start..<index)
        }
        self.runs = runs
        rest = index
    }

    /// Where the fields no name of `names` claims begin, as `rest` says, with no runs kept.
    /// - Complexity: O(fields + names).
    static func restStart(of fields: [Field], names: [String]) -> Int {
        var index = 0
        for name in names {
            while index < fields.count && fields[index].name == name { index += 1 }
        }
        return index
    }
}
