/// Receives the tokens of a document, value by value.
protocol DocumentVisitor {
    /// A new field value starts (`field` is "Note" for a note's text).
    mutating func begin(value: String, field: String, weight: UInt8)
    /// The tokens of the current value are known (before `visit` is called for each).
    mutating func prepare(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token])
    /// One token of the current value; `bytes` are the value's UTF-8 bytes.
    mutating func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, weight: UInt8)
}

extension DocumentVisitor {
    mutating func begin(value: String, field: String, weight: UInt8) {}
    mutating func prepare(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) {}
}

/// What of an entry is searchable, and how much each field counts.
///
/// One document per entry: its fields and the notes on it, so that a query's words may
/// be found in the entry and in a note about it. Names, aliases, handles and titles
/// weigh three times a text's words; tags twice. Translators (`By`) are only for `by:`,
/// tags are words and also whole values for `tag:`. Ids, dates, URLs are not searched
/// as words (dates have `date:`; Ids are derived from the searchable fields anyway).
/// The index, the brute-force scan and the snippets all walk documents through here,
/// so they cannot disagree about what a document contains.
enum SearchDocument {
    /// How a field's value is tokenised.
    enum Mode: Sendable {
        case text, handle, tag, by
    }

    /// A searchable field: its weight (BM25 term-frequency units) and mode.
    struct Part: Sendable {
        let weight: UInt8
        let mode: Mode
    }

    /// The weight of a name, alias, handle or title.
    static let nameWeight: UInt8 = 6
    /// The weight of a word of text (or of a note).
    static let textWeight: UInt8 = 2

    /// How field `name` of an entry of `kind` is searched, or nil when it is not.
    /// (A switch, not a dictionary: this runs for every field of a million entries.)
    @inline(__always)
    static func part(_ name: String, of kind: Kind) -> Part? {
        let field = SearchField(name)
        if field == .tag { return Part(weight: 4, mode: .tag) }
        switch kind {
        case .person:
            switch field {
            case .name, .alias: return Part(weight: nameWeight, mode: .text)
            case .handle: return Part(weight: nameWeight, mode: .handle)
            case .role: return Part(weight: 3, mode: .text)
            default: return nil
            }
        case .source:
            return field == .title ? Part(weight: nameWeight, mode: .text) : nil
        case .translation:
            if field == .by { return Part(weight: textWeight, mode: .by) }
            return field == .text ? Part(weight: textWeight, mode: .text) : nil
        default:
            return field == .text ? Part(weight: textWeight, mode: .text) : nil
        }
    }

    /// Word positions between two values, so that a phrase never spans them.
    static let valueGap: Int32 = 2

    /// Walks `entry` and then `notes` (already in canonical order); returns the document
    /// length: the number of word tokens.
    @discardableResult
    static func walk<V: DocumentVisitor>(_ entry: Entry, notes: [Note], tokens: inout [Token], visitor: inout V) -> Int {
        var position: Int32 = 0
        var length = 0
        for field in entry.fields {
            guard let part = part(field.name, of: entry.kind) else { continue }
            length += walkValue(field.value, field: field.name, part: part, position: &position,
                                tokens: &tokens, visitor: &visitor)
        }
        let notePart = Part(weight: textWeight, mode: .text)
        for note in notes {
            length += walkValue(note.key.text, field: "Note", part: notePart, position: &position,
                                tokens: &tokens, visitor: &visitor)
        }
        return length
    }

    private static func walkValue<V: DocumentVisitor>(_ value: String, field: String, part: Part, position: inout Int32,
                                                      tokens: inout [Token], visitor: inout V) -> Int {
        var text = value
        if part.mode == .handle && !text.hasPrefix("@") { text = "@" + text }
        visitor.begin(value: text, field: field, weight: part.weight)
        var length = 0
        text.withUTF8 { bytes in
            tokens.removeAll(keepingCapacity: true)
            let first = position
            Tokenizer.tokenize(bytes, position: &position, into: &tokens)
            visitor.prepare(bytes, tokens)
            if part.mode == .tag {
                visitor.visit(bytes, Token(start: 0, end: Int32(bytes.count), position: first, namespace: .tag),
                              weight: part.weight)
            }
            for var token in tokens {
                if part.mode == .by {
                    guard token.namespace == .word else { continue }
                    token.namespace = .by
                } else if token.namespace == .word {
                    length += 1
                }
                visitor.visit(bytes, token, weight: part.weight)
            }
        }
        position += valueGap
        return length
    }
}
