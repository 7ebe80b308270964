/// A parsed JSON text as a flat list of nodes over the text's bytes (a "tape", as
/// simdjson calls it): containers know where their last descendant ends, strings and
/// numbers are byte ranges decoded only when asked for. Foundation's parsers were
/// measured too slow for imports (JSONSerialization 5 MB/s, JSONDecoder 26 MB/s on a
/// twarc page; the benchmark needs 60 MB/s): this one parses a page without allocating
/// a string per key or value.
///
/// Valid only while the bytes it was parsed from are: use it inside the closure that
/// lends them.
public struct JSONTape {
    /// What a node is.
    public enum NodeKind: UInt8 {
        case object, array, string, number, trueValue, falseValue, null
    }

    struct Node {
        var kind: NodeKind
        /// A string's escapes need decoding.
        var escaped: Bool
        /// Byte offsets: a string's content (without quotes), a number's digits, a container's brackets.
        var start: Int32
        var end: Int32
        /// For containers: the index just past the container's last descendant.
        var next: Int32
        /// For containers: how many members or elements.
        var count: Int32
    }

    let base: UnsafeBufferPointer<UInt8>
    var nodes: [Node] = []

    /// The root value.
    public var root: JSONValue { JSONValue(tape: self, index: 0) }
}

/// A JSON syntax error: what and at which byte offset of the parsed text.
public struct JSONSyntaxError: Error, Sendable {
    /// What is wrong.
    public var message: String
    /// The byte offset in the parsed text.
    public var offset: Int
}

/// One value of a `JSONTape`.
public struct JSONValue {
    let tape: JSONTape
    let index: Int

    private var node: JSONTape.Node { tape.nodes[index] }

    /// The kind of value.
    public var kind: JSONTape.NodeKind { node.kind }

    /// The byte offset where the value starts (for error locations).
    public var offset: Int { Int(node.kind == .string ? node.start - 1 : node.start) }

    /// The member `key` of an object (nil for a missing key or a non-object).
    /// - Complexity: O(members), comparing bytes; objects are small.
    public subscript(key: StaticString) -> JSONValue? {
        let current = node
        guard current.kind == .object else { return nil }
        let keyLength = key.utf8CodeUnitCount
        let keyBytes = key.utf8Start
        var child = index + 1
        let end = Int(current.next)
        while child < end {
            let keyNode = tape.nodes[child]
            let valueIndex = child + 1
            if !keyNode.escaped, Int(keyNode.end - keyNode.start) == keyLength,
               memcmp(tape.base.baseAddress! + Int(keyNode.start), keyBytes, keyLength) == 0 {
                return JSONValue(tape: tape, index: valueIndex)
            }
            child = tape.nextSibling(of: valueIndex)
        }
        return nil
    }

    /// An object's members, in order (keys decoded).
    public var members: [(key: String, value: JSONValue)] {
        guard node.kind == .object else { return [] }
        var result: [(String, JSONValue)] = []
        var child = index + 1
        let end = Int(node.next)
        while child < end {
            let key = JSONValue(tape: tape, index: child).string ?? ""
            result.append((key, JSONValue(tape: tape, index: child + 1)))
            child = tape.nextSibling(of: child + 1)
        }
        return result
    }

    /// An array's elements (empty for a non-array).
    public var elements: [JSONValue] {
        guard node.kind == .array else { return [] }
        var result: [JSONValue] = []
        result.reserveCapacity(Int(node.count))
        var child = index + 1
        let end = Int(node.next)
        while child < end {
            result.append(JSONValue(tape: tape, index: child))
            child = tape.nextSibling(of: child)
        }
        return result
    }

    /// A string's value, decoded (nil for a non-string).
    public var string: String? {
        let current = node
        guard current.kind == .string else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: tape.base[Int(current.start)..<Int(current.end)])
        if !current.escaped { return String(decoding: bytes, as: UTF8.self) }
        return JSONTape.unescape(bytes)
    }

    /// A string's value, or a number's literal (counts and ids come either way).
    public var text: String? {
        if node.kind == .number {
            return String(decoding: UnsafeBufferPointer(rebasing: tape.base[Int(node.start)..<Int(node.end)]), as: UTF8.self)
        }
        return string
    }

    /// A boolean's value (nil for a non-boolean).
    public var bool: Bool? {
        switch node.kind {
        case .trueValue: return true
        case .falseValue: return false
        default: return nil
        }
    }

    /// Whether the value is `null`.
    public var isNull: Bool { node.kind == .null }

    /// The kind in words, for messages.
    public var kindName: String {
        switch node.kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .trueValue, .falseValue: return "a boolean"
        case .null: return "null"
        }
    }
}

extension JSONTape {
    /// The index of the node after `index` and all its descendants.
    func nextSibling(of index: Int) -> Int {
        let node = nodes[index]
        return node.kind == .object || node.kind == .array ? Int(node.next) : index + 1
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
