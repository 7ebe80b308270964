/// Relations a case declares beyond the built-in vocabulary, kept in the header as
/// `Relation: NAME DESCRIPTION` fields (one per relation, in name order), so the file
/// carries its own vocabulary and `recfix --check` reads it as any other field.
extension CaseHeader {
    /// The header field holding a declared relation.
    public static let relationField = "Relation"

    /// The declared relations: name and description, in name order.
    public var relations: [(name: String, description: String)] {
        fields.filter { $0.name == Self.relationField }.map { field in
            let value = field.value
            guard let space = value.firstIndex(of: " ") else { return (value, "") }
            return (String(value[..<space]), String(value[value.index(after: space)...]))
        }
    }

    /// The header with `name` declared (its description replaced if it was declared before).
    public func declaring(_ name: String, description: String) -> CaseHeader {
        var copy = self
        let value = description.isEmpty ? name : name + " " + description
        let others = fields.filter { $0.name != Self.relationField || $0.value.split(separator: " ").first.map(String.init) != name }
        var declared = others.filter { $0.name == Self.relationField }
        declared.append(Field(Self.relationField, value))
        declared.sort { ByteOrder.less($0.value, $1.value) }
        copy.fields = others.filter { $0.name != Self.relationField } + declared
        copy.fields = Self.canonicalOrder(copy.fields)
        return copy
    }

    /// The header without the declaration of `name`.
    public func undeclaring(_ name: String) -> CaseHeader {
        var copy = self
        copy.fields.removeAll { $0.name == Self.relationField && $0.value.split(separator: " ").first.map(String.init) == name }
        return copy
    }
}

extension CaseFile {
    /// Every relation word a link may use without `!`: the built-in vocabulary and the
    /// case's declared relations.
    public var relationWords: [String] {
        Relation.words + header.relations.map(\.name).filter { !Relation.words.contains($0) }
    }
}
