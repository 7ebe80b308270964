/// A value of an unexpected shape in an imported file: which (a JSON path) and where.
struct JSONShapeError: Error {
    /// What is wrong, naming the JSON path (`data[3].text is a number, not a string`).
    var message: String
    /// The byte offset of the value at fault.
    var offset: Int
}

extension JSONValue {
    /// The string at `key`: nil when absent or null, an error when of another kind.
    func string(_ key: StaticString, path: @autoclosure () -> String) throws(JSONShapeError) -> String? {
        guard let value = self[key], !value.isNull else { return nil }
        guard let text = value.string else {
            throw JSONShapeError(message: "\(path()).\(key) is \(value.kindName), not a string", offset: value.offset)
        }
        return text
    }

    /// The string or number at `key` (ids and counts come either way).
    func text(_ key: StaticString, path: @autoclosure () -> String) throws(JSONShapeError) -> String? {
        guard let value = self[key], !value.isNull else { return nil }
        guard let text = value.text else {
            throw JSONShapeError(message: "\(path()).\(key) is \(value.kindName), not a string or number", offset: value.offset)
        }
        return text
    }

    /// The array at `key` (empty when absent or null).
    func array(_ key: StaticString, path: @autoclosure () -> String) throws(JSONShapeError) -> [JSONValue] {
        guard let value = self[key], !value.isNull else { return [] }
        guard value.kind == .array else {
            throw JSONShapeError(message: "\(path()).\(key) is \(value.kindName), not an array", offset: value.offset)
        }
        return value.elements
    }

    /// The object at `key` (nil when absent or null).
    func object(_ key: StaticString, path: @autoclosure () -> String) throws(JSONShapeError) -> JSONValue? {
        guard let value = self[key], !value.isNull else { return nil }
        guard value.kind == .object else {
            throw JSONShapeError(message: "\(path()).\(key) is \(value.kindName), not an object", offset: value.offset)
        }
        return value
    }
}

/// Where a byte offset is in a text: 1-based line and column (in characters).
enum TextPosition {
    /// The line and column of `offset` in `bytes`, counting lines from `firstLine`.
    static func of(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) -> (line: Int, column: Int) {
        let end = min(max(0, offset), bytes.count)
        var line = firstLine
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self)
        return (line, prefix.count + 1)
    }
}
