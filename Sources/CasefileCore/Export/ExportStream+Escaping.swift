/// Text from the case written into other formats: each escaped as its reader needs, so no
/// value can end a string, open a tag or start a formula.
extension ExportStream {
    /// `text` as a JSON string, quotes included, escaped by `JSONText`'s one rule: control
    /// characters, C1 controls, line and paragraph separators and bidirectional controls as
    /// `\uXXXX`, which decode to the same text and cannot steer a terminal.
    public func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in withBuffer { JSONText.appendQuoted(utf8, to: &$0) } }
    }

    /// `text` as XML character data or an attribute value (without the quotes): `&`, `<`,
    /// `>`, `"` escaped, a carriage return kept as `&#13;`, and the characters XML 1.0
    /// cannot hold at all (other C0 controls, U+FFFE, U+FFFF) replaced by U+FFFD.
    public func appendXMLText(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            if !utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) {
                append(contentsOf: utf8)
                return
            }
            for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
                switch scalar.value {
                case 0x26: append("&amp;")
                case 0x3C: append("&lt;")
                case 0x3E: append("&gt;")
                case 0x22: append("&quot;")
                case 0x0D: append("&#13;")
                case 0x09, 0x0A: append(byte: UInt8(scalar.value))
                default: append(Self.isXMLCharacter(scalar) ? String(scalar) : "\u{FFFD}")
                }
            }
        }
    }

    /// Whether XML 1.0 can hold `scalar` (not the other C0 controls, U+FFFE, U+FFFF).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !((scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D)
          || scalar.value == 0xFFFE || scalar.value == 0xFFFF)
    }

    /// `text` as an XML reader gets it back from `appendXMLText`: what XML cannot hold
    /// replaced by U+FFFD (an import compares with this to tell an unchanged text).
    static func xmlCarried(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}") }
        return String(result)
    }

    /// `text` for a human reader in HTML: control characters and bidirectional overrides
    /// made visible (as on a terminal, `Terminal.visible`), then `&`, `<`, `>`, `"` and `'`
    /// escaped, so a value can neither open a tag nor leave an attribute.
    public func appendHTMLText(_ text: String) {
        let shown = Terminal.visible(text)
        var copy = shown
        copy.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
                append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x26: append("&amp;")
                case 0x3C: append("&lt;")
                case 0x3E: append("&gt;")
                case 0x22: append("&quot;")
                case 0x27: append("&#39;")
                default: append(byte: byte)
                }
            }
        }
    }
}
