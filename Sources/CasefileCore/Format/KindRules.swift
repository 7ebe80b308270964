/// A kind's schema as bit masks over field ranks, so that checking a record's fields
/// (mandatory, not repeated, Ids not empty, already in canonical order) is one pass of
/// integer operations instead of set lookups per field. A class: the loader takes one
/// per record, and copying a struct of arrays and sets costs retains.
final class KindRules: Sendable {
    let kind: Kind
    let schema: Schema
    /// Ranks of the fields every record must have.
    let mandatory: UInt64
    /// Ranks of the known fields that may not appear twice.
    let single: UInt64
    /// Ranks of `Id` and the reference fields, which may not be empty.
    let identifying: UInt64
    /// Ranks of the fields naming another entry.
    let references: UInt64
    /// Ranks of the fields holding a date.
    let dates: UInt64
    /// The rules of every kind, by ordinal.
    static let all: [KindRules] = Kind.allCases.map(KindRules.init)

    init(_ kind: Kind) {
        self.kind = kind
        schema = Schema.of(kind)
        var mandatory: UInt64 = 0
        var single: UInt64 = 0
        var identifying: UInt64 = 0
        var references: UInt64 = 0
        var dates: UInt64 = 0
        for (rank, name) in schema.fields.enumerated() {
            if schema.references.contains(name) { references |= 1 << UInt64(rank) }
            if schema.dates.contains(name) { dates |= 1 << UInt64(rank) }
            let bit: UInt64 = 1 << UInt64(rank)
            if schema.mandatory.contains(name) { mandatory |= bit }
            if !schema.repeatable.contains(name) { single |= bit }
            if name == "Id" || schema.references.contains(name) { identifying |= bit }
        }
        self.mandatory = mandatory
        self.single = single
        self.identifying = identifying
        self.references = references
        self.dates = dates
    }

    /// Whether the field of rank `rank` is in `mask`.
    @inline(__always)
    func has(_ mask: UInt64, _ rank: Int) -> Bool { rank < 64 && mask & (1 << UInt64(rank)) != 0 }

    /// The rank of `name` in the schema (unknown fields rank after all known ones).
    func rank(of name: String) -> Int {
        var index = 0
        for field in schema.fields {
            if field == name { return index }
            index += 1
        }
        return index
    }
}
