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
    func nextTypedScalar() -> wchar_t? { nextTypedScalar(waitingUpTo: nil) }

    /// The next typed character, waiting at most `milliseconds` (nil: as long as it takes);
    /// nil when none came in time, at end of input or on SIGTERM/SIGHUP.
    func nextTypedScalar(waitingUpTo milliseconds: Int?) -> wchar_t? {
        let deadline = milliseconds.map { Self.monotonicMilliseconds() + $0 }
        while true {
            if input.position < input.bytes.count,
               let (scalar, length) = UTF8Scalars.decode(input.bytes[input.position...], atEnd: input.ended) {
                input.position += length
                if scalar == 0x1B, options.mode == .vi, isLoneEscape() {
                    return wchar_t(EditLineReader.viEscape)
                }
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
            var wait: Int32 = -1
            if let deadline {
                let left = deadline - Self.monotonicMilliseconds()
                if left <= 0 { return nil }
                wait = Int32(clamping: left)
            }
            switch InputWait.wait(for: inputDescriptor, milliseconds: wait) {
            case .readable: appendRead()
            case .signalled: continue
            case .timedOut: return nil
            }
        }
    }

    /// Puts `bytes` in front of what is still to be given to libedit.
    func unreadBytes(_ bytes: [UInt8]) {
        input.bytes.insert(contentsOf: bytes, at: input.position)
    }

    static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }

    /// Reads what the terminal has (after a poll said so) into `input`.
    private func appendRead() {
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

    /// Whether the ESC just taken is a key of its own rather than the start of a sequence
    /// a terminal sends (`ESC [ A`, `ESC O A`). libedit has no timeout: in vi insert mode it
    /// reads on after ESC, and a key typed next that completes no sequence is lost along with
    /// the ESC. Terminal sequences arrive in one piece, so: ESC followed by `[` or `O` is a
    /// sequence; by anything else, or by nothing within 30 ms, is a lone ESC.
    private func isLoneEscape() -> Bool {
        if input.position == input.bytes.count, !input.ended {
            var descriptor = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 30) > 0 { appendRead() }
        }
        guard input.position < input.bytes.count else { return true }
        let next = input.bytes[input.position]
        return next != UInt8(ascii: "[") && next != UInt8(ascii: "O")
    }
}
