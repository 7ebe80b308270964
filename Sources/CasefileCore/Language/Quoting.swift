/// Writes values back as command-language words, so a logged command replays exactly.
public enum Quoting {
    /// `text` as one word: bare when safe, else double-quoted with escapes; multi-line
    /// text is quoted with `\n` escapes so the command stays on one line.
    public static func word(_ text: String) -> String {
        if !text.isEmpty, text.unicodeScalars.allSatisfy(isBare), !text.hasPrefix("<<"), !text.hasPrefix("#"),
           !text.hasPrefix("-") {
            return text
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            // A raw CR in a saved Command line would not survive an editor or git's line-end handling.
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func isBare(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value > 0x7F { return scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "@", "/", ":", ",", "+": return true
        default: return false
        }
    }
}
