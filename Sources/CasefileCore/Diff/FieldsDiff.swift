/// How one field of a record changed.
public enum FieldEdit: Equatable, Sendable {
    /// The field is the same on both sides.
    case same(Field)
    /// The field was taken out.
    case removed(Field)
    /// The field was put in.
    case added(Field)
    /// The field's value changed in place. `lines` is the line-by-line script when
    /// either value spans several lines (a post's text), nil for one-line values.
    case changed(name: String, old: String, new: String, lines: [Edit<String>]?)

    /// The field's name.
    public var name: String {
        switch self {
        case .same(let field), .removed(let field), .added(let field): return field.name
        case .changed(let name, _, _, _): return name
        }
    }
}

/// Why a diff could not be applied: the case it was applied to is not the one it was
/// computed from.
public struct DiffApplyError: Error, Sendable, CustomStringConvertible {
    /// What did not match.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// The field-by-field difference between two records: an edit script over their
/// fields in order, where a removed and an added field of the same name become one
/// `changed` field, and multi-line values are diffed by lines.
public struct FieldsDiff: Equatable, Sendable {
    /// Every field, same or not, in order.
    public var edits: [FieldEdit]

    /// Compares two field lists.
    public init(old: [Field], new: [Field]) {
        var edits: [FieldEdit] = []
        var removed: [Field] = []
        var added: [Field] = []
        func flush() {
            edits += Self.pair(removed: removed, added: added)
            removed.removeAll()
            added.removeAll()
        }
        for edit in EditScript.diff(old, new) {
            switch edit {
            case .same(let field):
                flush()
                edits.append(.same(field))
            case .removed(let field): removed.append(field)
            case .added(let field): added.append(field)
            }
        }
        flush()
        self.edits = edits
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { !edits.contains { if case .same = $0 { return false } else { return true } } }

    /// The edits other than `same`.
    public var changes: [FieldEdit] { edits.filter { if case .same = $0 { return false } else { return true } } }

    /// Turns a run of removed and added fields into edits, pairing fields of the same name
    /// in order (so `Date: 2014-02-04` then `Date: 2014-02-05` reads as one change).
    /// Removed fields keep their old order and added ones their new order, which is
    /// what `apply` relies on.
    static func pair(removed: [Field], added: [Field]) -> [FieldEdit] {
        var edits: [FieldEdit] = []
        var next = 0
        for field in added {
            if let match = removed[next...].firstIndex(where: { $0.name == field.name }) {
                for skipped in removed[next..<match] { edits.append(.removed(skipped)) }
                let old = removed[match].value
                let multiLine = old.contains("\n") || field.value.contains("\n")
                let lines = multiLine ? EditScript.diff(Self.lines(old), Self.lines(field.value)) : nil
                edits.append(.changed(name: field.name, old: old, new: field.value, lines: lines))
                next = match + 1
            } else {
                edits.append(.added(field))
            }
        }
        for skipped in removed[next...] { edits.append(.removed(skipped)) }
        return edits
    }

    /// The lines of a value (a final empty line kept, so joining gives the value back).
    static func lines(_ value: String) -> [String] {
        value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Applies the edits to `fields`, checking that they are the fields it was computed from.
    public func apply(to fields: [Field], in record: String) throws(DiffApplyError) -> [Field] {
        var result: [Field] = []
        var cursor = 0
        func take(_ expected: Field) throws(DiffApplyError) {
            guard cursor < fields.count, fields[cursor] == expected else {
                throw DiffApplyError("\(record): expected \(expected.name): \(expected.value.debugDescription) at field \(cursor + 1)")
            }
            cursor += 1
        }
        for edit in edits {
            switch edit {
            case .same(let field):
                try take(field)
                result.append(field)
            case .removed(let field):
                try take(field)
            case .added(let field):
                result.append(field)
            case let .changed(name, old, new, lines):
                try take(Field(name, old))
                if let lines {
                    guard EditScript.oldSide(lines) == Self.lines(old) else {
                        throw DiffApplyError("\(record): the line changes of \(name) do not fit its old value")
                    }
                    result.append(Field(name, EditScript.newSide(lines).joined(separator: "\n")))
                } else {
                    result.append(Field(name, new))
                }
            }
        }
        guard cursor == fields.count else {
            throw DiffApplyError("\(record): \(fields.count - cursor) field(s) left over after the changes")
        }
        return result
    }
}
