/// Text from case files and scripts is untrusted: before it reaches a terminal, control
/// characters, escape sequences and bidirectional overrides are made visible.
public enum Terminal {
    /// `text` with C0/C1 controls shown as `^X` or `\u{…}` and bidi controls as `<U+202E>`;
    /// newlines and tabs are kept unless `keepNewlines` is false. With `expandingTabs`, a
    /// kept tab becomes four spaces: text laid out in columns (a card, a table) cannot hold
    /// a tab, whose width on screen depends on where it falls.
    public static func visible(_ text: String, keepNewlines: Bool = true, expandingTabs: Bool = false) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) && (keepNewlines || !text.contains("\n")) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09 where keepNewlines && expandingTabs:
                out += "    "
            case 0x0A where keepNewlines, 0x09 where keepNewlines:
                out.unicodeScalars.append(scalar)
            case 0x00..<0x20:
                out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                out += "^?"
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
                out += "<U+\(String(scalar.value, radix: 16, uppercase: true))>"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
