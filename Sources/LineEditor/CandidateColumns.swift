internal import CEditLine

/// Lays candidates out in columns under the prompt, like `ls`: column by column, as many
/// columns as fit the terminal, measured in display cells (Cyrillic one cell, CJK two,
/// combining marks none).
enum CandidateColumns {
    /// Spaces between columns.
    static let gap = 2

    /// The lines to print for `items` on a terminal `width` cells wide, at most `maxRows`
    /// rows of candidates; when more would be needed, a last line says how many are hidden.
    static func lines(_ items: [String], width: Int, maxRows: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let shown = items.map(visible)
        let widths = shown.map(displayWidth)
        let widest = widths.max() ?? 0
        let columns = max(1, (max(width, 1) + gap) / (widest + gap))
        let rows = (shown.count + columns - 1) / columns
        let printedRows = min(rows, max(1, maxRows))
        var lines: [String] = []
        lines.reserveCapacity(printedRows + 1)
        var hidden = shown.count
        for row in 0..<printedRows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                hidden -= 1
                line += shown[index]
                let isLast = column == columns - 1 || (column + 1) * rows + row >= shown.count
                if !isLast { line += String(repeating: " ", count: widest - widths[index] + gap) }
            }
            lines.append(line)
        }
        if hidden > 0 { lines.append("… \(hidden) more; type more letters") }
        return lines
    }

    /// Cells `text` takes on a terminal (wcwidth per scalar; unknown widths count as one).
    static func displayWidth(_ text: String) -> Int {
        var cells = 0
        for scalar in text.unicodeScalars {
            let width = cf_wcwidth(wchar_t(bitPattern: scalar.value))
            cells += width < 0 ? 1 : Int(width)
        }
        return cells
    }

    /// `text` with control characters made visible, so a candidate taken from a case file
    /// cannot move the cursor or change colours when listed.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 {
                out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            } else if isControl(scalar) {
                out += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
        default: return false
        }
    }
}
