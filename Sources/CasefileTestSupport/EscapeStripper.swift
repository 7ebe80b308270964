/// Removes terminal escape sequences and control characters from a byte stream that
/// arrives in pieces (a sequence may be split between two reads).
struct EscapeStripper {
    private enum State { case text, escape, csi, osc, oscEscape }
    private var state = State.text

    /// Appends the plain bytes of `bytes` to `plain`: newline and tab kept, CSI (`ESC [ … final`),
    /// OSC (`ESC ] … BEL` or `ESC \`), other two-byte escapes and C0 controls dropped.
    mutating func append(_ bytes: ArraySlice<UInt8>, to plain: inout [UInt8]) {
        for byte in bytes {
            switch state {
            case .text:
                if byte == 0x1B {
                    state = .escape
                } else if byte >= 0x20 && byte != 0x7F || byte == 0x0A || byte == 0x09 {
                    plain.append(byte)
                }
            case .escape:
                switch byte {
                case UInt8(ascii: "["): state = .csi
                case UInt8(ascii: "]"): state = .osc
                default: state = .text  // ESC followed by one character (ESC =, ESC 7, …)
                }
            case .csi:
                if (0x40...0x7E).contains(byte) { state = .text }
            case .osc:
                if byte == 0x07 { state = .text } else if byte == 0x1B { state = .oscEscape }
            case .oscEscape:
                state = .text
            }
        }
    }
}
