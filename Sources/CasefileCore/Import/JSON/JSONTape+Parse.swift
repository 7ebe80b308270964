extension JSONTape {
    /// Containers nested deeper than this are refused (a hostile file cannot exhaust memory
    /// with a stack of brackets; real exports nest a dozen levels).
    static let maximumDepth = 512

    /// Parses the JSON text `bytes` (one value, with white space around it).
    /// - Complexity: O(n) in the bytes, one node per value and key.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONTape {
        var tape = JSONTape(base: bytes)
        guard bytes.count < Int(Int32.max) else {
            throw JSONSyntaxError(message: "the JSON text is larger than 2 GB", offset: 0)
        }
        try tape.parseAll()
        return tape
    }

    private mutating func parseAll() throws(JSONSyntaxError) {
        let bytes = base
        let count = bytes.count
        var pos = 0
        // Open containers: node index, whether an object, members so far.
        var stack: [(index: Int, isObject: Bool, count: Int32)] = []
        nodes.reserveCapacity(count / 8)

        func fail(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, offset: pos) }
        func close() {
            let open = stack.removeLast()
            nodes[open.index].next = Int32(nodes.count)
            nodes[open.index].count = open.count
            nodes[open.index].end = Int32(pos)
            pos += 1
        }

        Self.skipSpace(bytes, &pos)
        guard pos < count else { throw fail("empty input: expected a JSON value") }
        value: while true {
            // A value is expected at pos.
            Self.skipSpace(bytes, &pos)
            guard pos < count else { throw fail("the text ends where a value should be (truncated?)") }
            if !stack.isEmpty { stack[stack.count - 1].count += 1 }
            let byte = bytes[pos]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                guard stack.count < Self.maximumDepth else { throw fail("nested more than \(Self.maximumDepth) levels deep") }
                nodes.append(Node(kind: isObject ? .object : .array, escaped: false, start: Int32(pos), end: 0, next: 0, count: 0))
                stack.append((nodes.count - 1, isObject, 0))
                pos += 1
                Self.skipSpace(bytes, &pos)
                if pos < count, bytes[pos] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    close()
                } else if isObject {
                    try parseKey(&pos)
                    continue value
                } else {
                    continue value
                }
            case UInt8(ascii: "\""):
                try parseString(&pos)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try parseNumber(&pos)
            case UInt8(ascii: "t"): try parseLiteral(&pos, "true", .trueValue)
            case UInt8(ascii: "f"): try parseLiteral(&pos, "false", .falseValue)
            case UInt8(ascii: "n"): try parseLiteral(&pos, "null", .null)
            default:
                throw fail("expected a value (an object, array, string, number, true, false or null)")
            }
            // After a value: a comma, the end of its container, or the end of the text.
            while let top = stack.last {
                Self.skipSpace(bytes, &pos)
                guard pos < count else {
                    throw fail("the text ends inside \(top.isObject ? "an object" : "an array") (truncated?)")
                }
                let next = bytes[pos]
                if next == UInt8(ascii: ",") {
                    pos += 1
                    if top.isObject {
                        Self.skipSpace(bytes, &pos)
                        try parseKey(&pos)
                    }
                    continue value
                }
                if next == (top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    close()
                    continue
                }
                throw fail(top.isObject ? "expected ',' or '}' after a member" : "expected ',' or ']' after an element")
            }
            Self.skipSpace(bytes, &pos)
            guard pos == count else { throw fail("unexpected text after the JSON value") }
            return
        }
    }

    /// A member's key and its colon; leaves pos at the value.
    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ pos: inout Int) {
        while pos < bytes.count {
            let byte = bytes[pos]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            pos += 1
        }
    }

    private mutating func parseKey(_ pos: inout Int) throws(JSONSyntaxError) {
        guard pos < base.count, base[pos] == UInt8(ascii: "\"") else {
            throw JSONSyntaxError(message: pos < base.count ? "expected a member name in double quotes" : "the text ends inside an object (truncated?)",
                                  offset: pos)
        }
        try parseString(&pos)
        Self.skipSpace(base, &pos)
        guard pos < base.count, base[pos] == UInt8(ascii: ":") else {
            throw JSONSyntaxError(message: "expected ':' after a member name", offset: pos)
        }
        pos += 1
    }

    private mutating func parseString(_ pos: inout Int) throws(JSONSyntaxError) {
        let bytes = base
        let start = pos + 1
        var index = start
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                nodes.append(Node(kind: .string, escaped: escaped, start: Int32(start), end: Int32(index), next: 0, count: 0))
                pos = index + 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                guard index + 1 < bytes.count else { break }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 5 < bytes.count, (2...5).allSatisfy({ Self.hexValue(bytes[index + $0]) != nil }) else {
                        throw JSONSyntaxError(message: "\\u must be followed by four hex digits", offset: index)
                    }
                    index += 6
                default:
                    throw JSONSyntaxError(message: "unknown escape \\\(Unicode.Scalar(bytes[index + 1]))", offset: index)
                }
                continue
            }
            if byte < 0x20 {
                throw JSONSyntaxError(message: byte == 0x0A ? "a line break inside a string (the string is not closed)"
                                        : "a raw control character inside a string", offset: index)
            }
            index += 1
        }
        throw JSONSyntaxError(message: "the text ends inside a string (truncated?)", offset: pos)
    }

    private mutating func parseNumber(_ pos: inout Int) throws(JSONSyntaxError) {
        let bytes = base
        let start = pos
        var index = pos
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leading = index
        guard digits() > 0 else { throw JSONSyntaxError(message: "a number needs digits", offset: index) }
        if bytes[leading] == UInt8(ascii: "0"), index - leading > 1 {
            throw JSONSyntaxError(message: "a number cannot start with 0", offset: leading)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw JSONSyntaxError(message: "a digit must follow the decimal point", offset: index) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw JSONSyntaxError(message: "an exponent needs digits", offset: index) }
        }
        nodes.append(Node(kind: .number, escaped: false, start: Int32(start), end: Int32(index), next: 0, count: 0))
        pos = index
    }

    private mutating func parseLiteral(_ pos: inout Int, _ word: StaticString, _ kind: NodeKind) throws(JSONSyntaxError) {
        let length = word.utf8CodeUnitCount
        guard pos + length <= base.count, memcmp(base.baseAddress! + pos, word.utf8Start, length) == 0 else {
            throw JSONSyntaxError(message: "expected a value (an object, array, string, number, true, false or null)", offset: pos)
        }
        nodes.append(Node(kind: kind, escaped: false, start: Int32(pos), end: Int32(pos + length), next: 0, count: 0))
        pos += length
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// The value of a string's content with escapes (checked by the parser): a lone
    /// surrogate becomes U+FFFD, as invalid UTF-8 does.
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hex4(_ at: Int) -> UInt32 {
            guard at + 3 < bytes.count else { return 0xFFFD }
            var value: UInt32 = 0
            for offset in 0..<4 { value = value << 4 | (hexValue(bytes[at + offset]) ?? 0) }
            return value
        }
        func append(_ scalar: UInt32) {
            let valid = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(Character(valid)).utf8))
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar), index + 5 < bytes.count + 0, bytes[index] == UInt8(ascii: "\\"),
                   bytes[index + 1] == UInt8(ascii: "u") {
                    let low = hex4(index + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                append(scalar)
            default: out.append(escape)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
