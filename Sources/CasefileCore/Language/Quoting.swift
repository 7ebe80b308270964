/// Writes values back as command-language words, so a logged command replays exactly.
public enum Quoting {
    /// `text` as one word: bare when safe, else double-quoted with escapes; multi-line
    /// text is quoted with `\n` escapes so the command stays on one line.
    public static func word(_ text: String) -> String {
        if let first = text.utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "-"), first != UInt8(ascii: "<") {
            // Most words are plain ASCII: decide on the bytes before looking at scalars.
            if text.utf8.allSatisfy(isBareByte) { return text }
            // An ASCII byte that is not bare (a space, a quote) settles it without scalars.
            if !text.utf8.contains(where: { $0 < 0x80 && !isBareByte($0) }), text.unicodeScalars.allSatisfy(isBare) {
                return text
            }
        }
        // Byte by byte: every escape is for an ASCII character, and a byte of a multi-byte
        // character is never an ASCII one, so the rest is copied as it stands.
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            // A raw CR in a saved Command line would not survive an editor or git's line-end handling.
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    private static func isBareByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: ":"),
             UInt8(ascii: ","), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    private static func isBare(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value > 0x7F { return scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "@", "/", ":", ",", "+": return true
        default: return false
        }
    }
}
