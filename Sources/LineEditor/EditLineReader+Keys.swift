internal import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EditLineReader {
    /// Shows `prompt` and takes one key in raw mode, without echo and without Enter.
    public func readKey(prompt: String) -> KeyInput {
        Signals.exitIfTerminationRequested()
        if input.ended, input.position >= input.bytes.count { return .endOfInput }
        fputs(prompt, cf_stdout())
        fflush(cf_stdout())
        _ = cf_el_set_prep_term(editLine, 1)
        defer { _ = cf_el_set_prep_term(editLine, 0) }
        return takeKey(waitingUpTo: nil) ?? .endOfInput
    }

    /// The next key if one is typed within `milliseconds`.
    public func nextKey(waitingUpTo milliseconds: Int) -> KeyInput? {
        _ = cf_el_set_prep_term(editLine, 1)
        defer { _ = cf_el_set_prep_term(editLine, 0) }
        return takeKey(waitingUpTo: milliseconds)
    }

    /// Puts `text` back in front of the input: the next line edited starts with it.
    public func unread(_ text: String) { unreadBytes(Array(text.utf8)) }

    /// One key: a character, or a whole escape sequence (an arrow) as `.special`.
    private func takeKey(waitingUpTo milliseconds: Int?) -> KeyInput? {
        guard let scalar = nextTypedScalar(waitingUpTo: milliseconds) else {
            if Signals.terminationSignal != nil { Signals.exitIfTerminationRequested() }
            return input.ended ? .endOfInput : nil
        }
        let value = UInt32(bitPattern: scalar)
        if value == UInt32(Self.viEscape), options.mode == .vi { return .key("\u{1b}") }
        if value == 0x1B, input.position < input.bytes.count,
           input.bytes[input.position] == UInt8(ascii: "[") || input.bytes[input.position] == UInt8(ascii: "O") {
            // A sequence arrives in one piece: take it up to its final byte.
            input.position += 1
            while input.position < input.bytes.count {
                let byte = input.bytes[input.position]
                input.position += 1
                if (0x40...0x7E).contains(byte) { break }
            }
            return .special
        }
        return .key(Character(Unicode.Scalar(value) ?? "\u{FFFD}"))
    }
}
