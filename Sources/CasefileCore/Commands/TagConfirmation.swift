/// What `tag` and `untag` say after a change: the whole list while it is short, and past
/// that only what the command did and how many there are, so that the ten-thousandth tag
/// of a person costs as little to confirm as the first.
enum TagConfirmation {
    /// Up to this many tags are listed in full.
    static let listedInFull = 12
    /// Up to this many changed tags are named in a long list's confirmation.
    static let namedChanges = 5

    /// The confirmation for `entry` after `added` were added and `removed` taken away.
    /// - Complexity: O(log(fields of the entry)) to count the tags, no text built from all of them.
    static func message(for entry: Entry, added: [String] = [], removed: [String] = []) -> String {
        let count = entry.schema.run(of: "Tag", in: entry.fields)?.count
            ?? entry.fields.reduce(0) { $0 + ($1.name == "Tag" ? 1 : 0) }
        if count == 0 { return "\(entry.id) tags: none" }
        if count <= listedInFull { return "\(entry.id) tags: " + entry.tags.joined(separator: ", ") }
        var said: [String] = []
        if !added.isEmpty { said.append("added " + named(added)) }
        if !removed.isEmpty { said.append("removed " + named(removed)) }
        return "\(entry.id): " + said.joined(separator: ", ") + " (\(count) tags)"
    }

    private static func named(_ tags: [String]) -> String {
        if tags.count <= namedChanges { return tags.joined(separator: ", ") }
        return tags.prefix(namedChanges).joined(separator: ", ") + " and \(tags.count - namedChanges) more"
    }
}
