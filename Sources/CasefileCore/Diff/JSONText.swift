/// A small JSON value with ordered object keys, so that output for tools is stable
/// and reads in a sensible order (`action` before `fields`).
public indirect enum JSONText: Equatable, Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONText])
    case object([(String, JSONText)])

    public static func == (a: JSONText, b: JSONText) -> Bool { a.rendered == b.rendered }

    /// The value as compact JSON text.
    public var rendered: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let text): Self.quote(text, to: &out)
        case .number(let number): out += String(number)
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                Self.quote(pair.0, to: &out)
                out += ":"
                pair.1.write(to: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
        }
        out += "\""
    }

    /// How JSON output writes `scalar` inside a string, or nil to write it as it is: `\"`,
    /// `\\`, `\n`, `\r`, `\t`, and `\uXXXX` for the other C0 controls, DEL and C1 controls,
    /// line and paragraph separators and bidirectional controls (JSON printed on a terminal
    /// must not steer it, and the escaped form decodes to the same text). The one rule for
    /// every JSON casefile writes (`diff --json`, `export json`, `export ftm`).
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let value = scalar.value
            guard value < 0x20 || (0x7F...0x9F).contains(value) || (0x2028...0x2029).contains(value)
                || value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) else { return nil }
            let hex = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// The most bytes `writeQuoted` writes for `count` bytes of text: the quotes, and six
    /// (`\u0085`) for a byte.
    static func quotedBound(_ count: Int) -> Int { 2 + 6 * count }

    /// Appends the UTF-8 `utf8` to `bytes` as a JSON string (see `writeQuoted`).
    static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: quotedBound(utf8.count)) { room in
            guard let base = room.baseAddress else { return }
            var cursor = ByteCursor(base)
            writeQuoted(utf8, to: &cursor)
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: cursor.next - base))
        }
    }

    /// Writes the UTF-8 `utf8` as a JSON string, quotes included, escaped as `escape`
    /// says, at `cursor`, which has room for `quotedBound(utf8.count)` bytes: runs of bytes
    /// that need nothing are copied as they are, and only the scalars that begin with a
    /// byte `mayNeedEscape` names are decoded and looked at.
    static func writeQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to cursor: inout ByteCursor) {
        cursor.put(0x22)
        var start = 0
        var index = 0
        while index < utf8.count {
            // Eight bytes at a time while none of them may need an escape (most text).
            if let base = utf8.baseAddress {
                while index + 8 <= utf8.count, !mayNeedEscape(word: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                guard index < utf8.count else { break }
            }
            guard mayNeedEscape(utf8[index]) else {
                index += 1
                continue
            }
            let (value, width) = UTF8Decoding.decode(utf8, at: index)
            if let scalar = Unicode.Scalar(value), let escaped = escape(scalar) {
                cursor.put(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                cursor.put(escaped)
                start = index + width
            }
            index += width
        }
        cursor.put(UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        cursor.put(0x22)
    }

    /// Whether some byte of the eight in `word` may begin a scalar `escape` rewrites:
    /// `mayNeedEscape` of each at once, by the bit tests for "some byte is zero" (of `word`
    /// with the byte looked for cancelled out) and "some byte is below 0x20", both exact as
    /// to whether there is one.
    @inline(__always)
    static func mayNeedEscape(word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        @inline(__always) func has(_ byte: UInt8) -> Bool { hasZero(word ^ (ones &* UInt64(byte))) }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || has(0x22) || has(0x5C) || has(0x7F) || has(0xC2) || has(0xD8) || has(0xE2)
    }

    /// Whether a UTF-8 byte may begin a scalar `escape` rewrites (ASCII controls, DEL, `"`,
    /// `\\`, and the lead bytes of U+0080–U+00BF, U+061C and U+2000–U+2FFF): text without
    /// such bytes is written as it is.
    static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }
}

extension CaseDiff {
    /// The diff as JSON for tools: `{"old", "new", "same", "summary", "counts", "changes", "layout"}`.
    public func json(old: String, new: String) -> JSONText {
        var totals: [RecordChange.Action: Int] = [:]
        for change in changes { totals[change.action, default: 0] += 1 }
        return .object([
            ("old", .string(old)), ("new", .string(new)), ("same", .bool(isEmpty)), ("summary", .string(summary)),
            ("counts", .object(RecordChange.Action.allCases.map { ($0.rawValue, .number(totals[$0] ?? 0)) })),
            ("changes", .array(changes.map { $0.json })),
            ("layout", .array((layout?.descriptions ?? []).map { .string($0) })),
        ])
    }
}

extension RecordChange {
    /// One change as a JSON object.
    public var json: JSONText {
        var pairs: [(String, JSONText)] = [("action", .string(action.rawValue))]
        switch subject {
        case .header:
            pairs.append(("record", .string("header")))
        case let .entry(kind, id):
            pairs += [("record", .string(kind.word)), ("id", .string(id))]
            if let renamedTo { pairs.append(("newId", .string(renamedTo))) }
        case let .link(key):
            pairs += [("record", .string("link")), ("from", .string(key.from)), ("rel", .string(key.rel)),
                      ("to", .string(key.to))]
            if case let .link(new)? = movedTo { pairs += [("newFrom", .string(new.from)), ("newTo", .string(new.to))] }
        case let .note(key):
            pairs += [("record", .string("note")), ("on", .string(key.on)), ("at", .string(key.at)),
                      ("by", .string(key.by)), ("text", .string(key.text))]
            if case let .note(new)? = movedTo { pairs.append(("newOn", .string(new.on))) }
        case let .session(revision):
            pairs += [("record", .string("session")), ("revision", .number(revision))]
        }
        let whole = action == .added || action == .removed
        let fieldItems: [JSONText] = fields.changes.map { edit in
            switch edit {
            case .same(let field):
                return .object([("name", .string(field.name)), ("value", .string(field.value))])
            case .added(let field), .removed(let field):
                if whole { return .object([("name", .string(field.name)), ("value", .string(field.value))]) }
                let verb = { if case .added = edit { return "added" } else { return "removed" } }()
                return .object([("action", .string(verb)), ("name", .string(field.name)), ("value", .string(field.value))])
            case let .changed(name, old, new, _):
                return .object([("action", .string("changed")), ("name", .string(name)), ("old", .string(old)),
                                ("new", .string(new))])
            }
        }
        if action != .renamed { pairs.append(("fields", .array(fieldItems))) }
        if commentsChanged {
            pairs.append(("comments", .object([
                ("old", .array(EditScript.oldSide(comments).map { .string($0) })),
                ("new", .array(EditScript.newSide(comments).map { .string($0) })),
            ])))
        }
        return .object(pairs)
    }
}
