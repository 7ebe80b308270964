internal import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes read from the terminal and not yet given to libedit.
struct TypedInput {
    var bytes: [UInt8] = []
    var position = 0
    /// The terminal reached end of file or failed (hung up): no more input will come.
    var ended = false
}

extension EditLineReader {
    /// The next typed character for libedit (our EL_GETCFN), or nil at end of input or on
    /// SIGTERM/SIGHUP. Reading ourselves, in poll() next to the signal wake-up pipe, lets a
    /// termination signal end `el_wgets` at once and a window resize take effect.
    func nextTypedScalar() -> wchar_t? {
        while true {
            if input.position < input.bytes.count,
               let (scalar, length) = UTF8Scalars.decode(input.bytes[input.position...], atEnd: input.ended) {
                input.position += length
                if input.position == input.bytes.count {
                    input.bytes.removeAll(keepingCapacity: true)
                    input.position = 0
                }
                return wchar_t(bitPattern: scalar)
            }
            if input.ended { return nil }
            Signals.drainWakeups()
            if Signals.terminationSignal != nil { return nil }
            if Signals.takeResize() { el_resize(editLine) }
            if Signals.interruptRequested {
                // A SIGINT sent by another process while editing: treat it as Ctrl-C.
                Signals.interruptRequested = false
                return 3
            }
            guard InputWait.wait(for: inputDescriptor) == .readable else { continue }
            var chunk = [UInt8](repeating: 0, count: 256)
            let count = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return read(inputDescriptor, base, raw.count)
            }
            if count > 0 {
                input.bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                input.ended = true
            }
        }
    }
}
