extension Prompt {
    /// The marker libedit is told (EL_PROMPT_ESC) brackets invisible characters with.
    static let invisibleMarker: UInt8 = 0x01

    /// The characters of `text` that take room on the screen (what `libeditBytes` keeps,
    /// without the bracketed escape sequences).
    static func visibleText(_ text: String) -> String {
        var visible: [UInt8] = []
        var hidden = false
        for byte in libeditBytes(text) {
            if byte == invisibleMarker { hidden.toggle() } else if !hidden { visible.append(byte) }
        }
        return String(decoding: visible, as: UTF8.self)
    }

    /// `text` as libedit prompt bytes: each ANSI CSI sequence (`ESC [ params final`)
    /// wrapped in `\1 … \1` so it takes no columns; any other C0 or C1 control dropped,
    /// so a stray escape from a case name cannot move the cursor or confuse the width.
    static func libeditBytes(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x1B, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") {
                // Parameters and intermediates are 0x20...0x3F; the final byte is 0x40...0x7E.
                var j = i + 2
                while j < bytes.count, (0x20...0x3F).contains(bytes[j]) { j += 1 }
                if j < bytes.count, (0x40...0x7E).contains(bytes[j]) {
                    out.append(invisibleMarker)
                    out.append(contentsOf: bytes[i...j])
                    out.append(invisibleMarker)
                    i = j + 1
                    continue
                }
                i = j  // an unterminated sequence: drop it
                continue
            }
            if byte < 0x20 || byte == 0x7F {
                i += 1
                continue
            }
            if byte == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                i += 2  // a C1 control such as U+009B (a one-character CSI)
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }
}
