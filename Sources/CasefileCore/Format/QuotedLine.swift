/// The source line a located error points into, as much of it as the error renderer
/// shows: the whole line when it is short, a window around the fault when it is long, so a
/// line of megabytes is neither copied into every diagnostic nor quoted whole.
public struct QuotedLine: Hashable, Sendable {
    /// The characters kept (raw: the renderer makes them visible).
    public var text: String
    /// Where the fault starts in `text`, in characters from 0 (past the end for a missing word).
    public var offset: Int
    /// How many characters the fault spans (the caret shows at least one).
    public var length: Int
    /// Whether characters of the line were left out before `text`.
    public var cutBefore: Bool
    /// Whether characters of the line were left out after `text`.
    public var cutAfter: Bool

    /// How many characters are kept on each side of the fault in a long line.
    public static let context = 60

    /// Quotes `line` (without its line end) for a fault at character `column` (1-based),
    /// `length` characters long.
    /// - Complexity: O(length of the line) for a long line (it is cut), O(1) work beyond copying a short one.
    public init(line: String, column: Int, length: Int) {
        var characters = Substring(line)
        var start = max(0, column - 1)
        var cutBefore = false
        var cutAfter = false
        if line.utf8.count > 4 * Self.context {
            let count = characters.count
            let from = max(0, min(start, count) - Self.context)
            let to = min(count, start + min(length, Self.context) + Self.context)
            let lower = characters.index(characters.startIndex, offsetBy: from)
            let upper = characters.index(lower, offsetBy: to - from)
            cutBefore = from > 0
            cutAfter = to < count
            characters = characters[lower..<upper]
            start -= from
        }
        self.text = String(characters)
        self.offset = start
        self.length = max(1, length)
        self.cutBefore = cutBefore
        self.cutAfter = cutAfter
    }

    /// Quotes a line of a file from its bytes (without the line end) for a fault at
    /// `column` (1-based, in Unicode scalars, as the reader counts). Only a window of a long
    /// line is decoded; bytes that are not UTF-8 show as U+FFFD.
    /// - Complexity: O(`column` + `context`), whatever the length of the line.
    public init(bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        var fault = 0
        var scalars = 1
        while fault < bytes.count, scalars < column {
            fault += 1
            if fault < bytes.count, bytes[fault] & 0xC0 != 0x80 { scalars += 1 }
        }
        if scalars < column { fault = bytes.count }
        // Up to four bytes a character: the window holds at least `context` characters each side.
        let reach = 4 * Self.context + 4
        var from = max(0, fault - reach)
        while from > 0, from < fault, bytes[from] & 0xC0 == 0x80 { from += 1 }
        var to = min(bytes.count, fault + 2 * reach)
        while to < bytes.count, to > fault, bytes[to] & 0xC0 == 0x80 { to -= 1 }
        let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<fault]), as: UTF8.self)
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        self.init(line: window, column: before.count + 1, length: 1)
        cutBefore = cutBefore || from > 0
        cutAfter = cutAfter || to < bytes.count
    }
}
