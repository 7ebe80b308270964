/// Receives the tokens of a document, value by value.
protocol DocumentVisitor {
    /// A new field value starts (`field` is "Note" for a note's text).
    mutating func begin(value: String, field: String, weight: UInt8)
    /// One token of the current value; `bytes` are the value's UTF-8 bytes.
    mutating func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, weight: UInt8)
}

extension DocumentVisitor {
    mutating func begin(value: String, field: String, weight: UInt8) {}
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

    /// The searchable fields of `kind`, by field name.
    static func parts(of kind: Kind) -> [String: Part] {
        switch kind {
        case .person: return personParts
        case .source: return sourceParts
        case .translation: return translationParts
        default: return textParts
        }
    }

    private static let tagPart = Part(weight: 4, mode: .tag)
    private static let personParts: [String: Part] = [
        "Name": Part(weight: nameWeight, mode: .text), "Alias": Part(weight: nameWeight, mode: .text),
        "Handle": Part(weight: nameWeight, mode: .handle), "Role": Part(weight: 3, mode: .text), "Tag": tagPart,
    ]
    private static let sourceParts: [String: Part] = ["Title": Part(weight: nameWeight, mode: .text), "Tag": tagPart]
    private static let textParts: [String: Part] = ["Text": Part(weight: textWeight, mode: .text), "Tag": tagPart]
    private static let translationParts: [String: Part] = [
        "Text": Part(weight: textWeight, mode: .text), "Tag": tagPart, "By": Part(weight: textWeight, mode: .by),
    ]

    /// Word positions between two values, so that a phrase never spans them.
    static let valueGap: Int32 = 2

    /// Walks `entry` and then `notes` (already in canonical order); returns the document
    /// length: the number of word tokens.
    @discardableResult
    static func walk<V: DocumentVisitor>(_ entry: Entry, notes: [Note], tokens: inout [Token], visitor: inout V) -> Int {
        let parts = parts(of: entry.kind)
        var position: Int32 = 0
        var length = 0
        for field in entry.fields {
            guard let part = parts[field.name] else { continue }
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
