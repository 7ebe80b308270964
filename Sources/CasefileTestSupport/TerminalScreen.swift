/// A small model of an xterm screen, fed the bytes a program writes, so tests can assert
/// what a person would see (after cursor movements, redraws, erasures), not just which
/// bytes went by.
///
/// It knows what libedit and ordinary programs use with `TERM=xterm`: printable text with
/// automatic margins and xterm's delayed wrap, CR, LF, BS, TAB, cursor movement and
/// positioning, erase in line/display, insert/delete characters and lines, insert mode.
/// Colours and other modes are ignored. Wide (CJK) characters take two cells, combining
/// marks none.
public struct TerminalScreen: Sendable {
    /// Width in cells.
    public let columns: Int
    /// Height in rows.
    public let rows: Int
    /// The cursor's row, from 0 at the top.
    public private(set) var cursorRow = 0
    /// The cursor's column, from 0 at the left.
    public private(set) var cursorColumn = 0

    private var cells: [[String]]
    private var pendingWrap = false
    private var insertMode = false
    private var saved = (row: 0, column: 0)
    private var state = State.text
    private var sequence: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Needed = 0

    private enum State { case text, escape, escapeArgument, csi, osc, oscEscape }

    /// A blank screen `columns` × `rows` with the cursor at the top left.
    public init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        cells = Array(repeating: Array(repeating: " ", count: self.columns), count: self.rows)
    }

    /// The screen after the window is resized to `columns` × `rows`: rows keep their cells
    /// from the left (cut or blank-filled; nothing is reflowed), the bottom rows stay, and
    /// the cursor stays inside.
    public func resized(columns: Int, rows: Int) -> TerminalScreen {
        var screen = TerminalScreen(columns: columns, rows: rows)
        let kept = cells.suffix(screen.rows)
        let shift = cells.count - kept.count
        for (index, row) in kept.enumerated() {
            for column in 0..<min(row.count, screen.columns) { screen.cells[index][column] = row[column] }
        }
        screen.cursorRow = min(screen.rows - 1, max(0, cursorRow - shift))
        screen.cursorColumn = min(screen.columns - 1, cursorColumn)
        return screen
    }

    /// The rows as text, trailing blanks removed.
    public var lines: [String] {
        cells.map { row in
            var line = row.joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The screen as text: rows joined by newlines, blank rows at the bottom dropped.
    public var text: String {
        var all = lines
        while all.last == "" { all.removeLast() }
        return all.joined(separator: "\n")
    }

    /// Interprets `bytes` written by the program.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { feed(byte) }
    }

    private mutating func feed(_ byte: UInt8) {
        switch state {
        case .text: text(byte)
        case .escape: escape(byte)
        case .escapeArgument: state = .text  // ESC ( B and the like: one more byte
        case .csi:
            sequence.append(byte)
            if (0x40...0x7E).contains(byte) {
                state = .text
                csi(sequence)
            }
        case .osc:
            if byte == 0x07 { state = .text } else if byte == 0x1B { state = .oscEscape }
        case .oscEscape: state = .text
        }
    }

    private mutating func text(_ byte: UInt8) {
        if utf8Needed > 0 {
            if byte & 0xC0 == 0x80 {
                utf8.append(byte)
                utf8Needed -= 1
                if utf8Needed == 0 { put(String(decoding: utf8, as: UTF8.self)) }
                return
            }
            utf8Needed = 0
            put("\u{FFFD}")
        }
        switch byte {
        case 0x1B: state = .escape
        case 0x0D: cursorColumn = 0; pendingWrap = false
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08:
            if cursorColumn > 0 { cursorColumn -= 1 }
            pendingWrap = false
        case 0x09:
            cursorColumn = min(columns - 1, (cursorColumn / 8 + 1) * 8)
            pendingWrap = false
        case 0x20..<0x7F: put(String(UnicodeScalar(byte)))
        case 0xC0...0xF7:
            utf8 = [byte]
            utf8Needed = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
        case 0x80..<0xC0, 0xF8...0xFF: put("\u{FFFD}")
        default: break  // other C0 controls and DEL
        }
    }

    private mutating func escape(_ byte: UInt8) {
        state = .text
        switch byte {
        case UInt8(ascii: "["): state = .csi; sequence = []
        case UInt8(ascii: "]"): state = .osc
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "#"), UInt8(ascii: "%"): state = .escapeArgument
        case UInt8(ascii: "7"): saved = (cursorRow, cursorColumn)
        case UInt8(ascii: "8"): (cursorRow, cursorColumn) = saved; pendingWrap = false
        case UInt8(ascii: "D"): lineFeed()
        case UInt8(ascii: "E"): cursorColumn = 0; lineFeed()
        case UInt8(ascii: "M"):
            if cursorRow == 0 { insertLines(1) } else { cursorRow -= 1 }
            pendingWrap = false
        default: break
        }
    }

    private mutating func csi(_ bytes: [UInt8]) {
        guard let final = bytes.last else { return }
        let body = bytes.dropLast()
        if body.first == UInt8(ascii: "?") || body.first == UInt8(ascii: ">") { return }  // private modes
        let parameters = String(decoding: body, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) }
        func parameter(_ index: Int, _ fallback: Int) -> Int {
            guard index < parameters.count, let value = parameters[index], value > 0 else { return fallback }
            return value
        }
        let first = parameter(0, 1)
        let mode = index0(parameters)
        switch final {
        case UInt8(ascii: "A"): cursorRow = max(0, cursorRow - first)
        case UInt8(ascii: "B"): cursorRow = min(rows - 1, cursorRow + first)
        case UInt8(ascii: "C"): cursorColumn = min(columns - 1, cursorColumn + first)
        case UInt8(ascii: "D"): cursorColumn = max(0, min(cursorColumn, columns - 1) - first)
        case UInt8(ascii: "G"), UInt8(ascii: "`"): cursorColumn = min(columns - 1, first - 1)
        case UInt8(ascii: "d"): cursorRow = min(rows - 1, first - 1)
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            cursorRow = min(rows - 1, parameter(0, 1) - 1)
            cursorColumn = min(columns - 1, parameter(1, 1) - 1)
        case UInt8(ascii: "K"):
            let range = mode == 1 ? 0..<min(cursorColumn + 1, columns) : mode == 2 ? 0..<columns : cursorColumn..<columns
            for column in range { cells[cursorRow][column] = " " }
        case UInt8(ascii: "J"):
            let lower = mode == 1 ? 0 : mode == 2 ? 0 : cursorRow + 1
            let upper = mode == 1 ? cursorRow : rows
            for row in lower..<max(lower, upper) { cells[row] = Array(repeating: " ", count: columns) }
            if mode != 2 {
                let range = mode == 1 ? 0..<min(cursorColumn + 1, columns) : cursorColumn..<columns
                for column in range { cells[cursorRow][column] = " " }
            }
        case UInt8(ascii: "P"):
            let count = min(first, columns - cursorColumn)
            cells[cursorRow].removeSubrange(cursorColumn..<cursorColumn + count)
            cells[cursorRow].append(contentsOf: repeatElement(" ", count: count))
        case UInt8(ascii: "@"):
            let count = min(first, columns - cursorColumn)
            cells[cursorRow].insert(contentsOf: repeatElement(" ", count: count), at: cursorColumn)
            cells[cursorRow].removeLast(count)
        case UInt8(ascii: "X"):
            for column in cursorColumn..<min(columns, cursorColumn + first) { cells[cursorRow][column] = " " }
        case UInt8(ascii: "L"): insertLines(first)
        case UInt8(ascii: "M"):
            for _ in 0..<min(first, rows - cursorRow) {
                cells.remove(at: cursorRow)
                cells.append(Array(repeating: " ", count: columns))
            }
        case UInt8(ascii: "h"), UInt8(ascii: "l"):
            if parameters.contains(4) { insertMode = final == UInt8(ascii: "h") }
        default: break  // colours (m), scroll regions and the rest change nothing we read
        }
        pendingWrap = false
    }

    private func index0(_ parameters: [Int?]) -> Int { parameters.first.flatMap { $0 } ?? 0 }

    private mutating func insertLines(_ count: Int) {
        for _ in 0..<min(count, rows - cursorRow) {
            cells.removeLast()
            cells.insert(Array(repeating: " ", count: columns), at: cursorRow)
        }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if cursorRow == rows - 1 {
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: columns))
        } else {
            cursorRow += 1
        }
    }

    /// Writes one character at the cursor, wrapping first if the last write filled the row.
    private mutating func put(_ character: String) {
        guard let scalar = character.unicodeScalars.first else { return }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            let column = max(0, (pendingWrap ? cursorColumn : cursorColumn - 1))
            cells[cursorRow][column] += character
            return
        }
        let width = Self.isWide(scalar) ? 2 : 1
        if pendingWrap || cursorColumn + width > columns {
            cursorColumn = 0
            lineFeed()
        }
        if insertMode {
            cells[cursorRow].insert(contentsOf: repeatElement(" ", count: width), at: cursorColumn)
            cells[cursorRow].removeLast(width)
        }
        cells[cursorRow][cursorColumn] = character
        if width == 2 { cells[cursorRow][cursorColumn + 1] = "" }
        if cursorColumn + width >= columns {
            cursorColumn = columns - 1
            pendingWrap = true
        } else {
            cursorColumn += width
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
