extension CaseFile: Equatable {
    /// Two cases are equal when they hold the same content: header, entries, links, notes,
    /// sessions (by revision) and hand edits. How they came to be (loaded, or added to since)
    /// does not matter, and an empty list of descriptor extras or comments equals none.
    public static func == (lhs: CaseFile, rhs: CaseFile) -> Bool {
        lhs.header == rhs.header
            && lhs.entries == rhs.entries
            && lhs.links == rhs.links
            && lhs.notes == rhs.notes
            && lhs.sessions.sorted(by: { $0.revision < $1.revision }) == rhs.sessions.sorted(by: { $0.revision < $1.revision })
            && lhs.foreign == rhs.foreign
            && lhs.descriptorExtras.filter({ !$0.value.isEmpty }) == rhs.descriptorExtras.filter({ !$0.value.isEmpty })
            && lhs.descriptorComments.filter({ !$0.value.isEmpty }) == rhs.descriptorComments.filter({ !$0.value.isEmpty })
            && lhs.trailingComments == rhs.trailingComments && lhs.leadingComments == rhs.leadingComments
    }
}
