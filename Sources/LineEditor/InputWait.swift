#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting for input on a descriptor while staying responsive to signals.
enum InputWait {
    /// What woke the wait.
    enum Outcome {
        /// The descriptor is readable (or at end of file / hung up: `read` will tell).
        case readable
        /// A signal arrived: check `Signals`' flags, then wait again.
        case signalled
        /// The time given ran out first.
        case timedOut
    }

    /// Blocks until `descriptor` is readable or a signal handler wrote to the wake-up pipe.
    /// Call `Signals.drainWakeups()` and check the flags first, or a signal that arrived
    /// before the call could be missed until the next key.
    /// With `milliseconds`, gives up after that long.
    static func wait(for descriptor: Int32, milliseconds: Int32 = -1) -> Outcome {
        var fds = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: Signals.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let result = poll(&fds, nfds_t(fds.count), milliseconds)
        if result < 0 { return .signalled }  // EINTR: a handler ran
        if result == 0 { return .timedOut }
        if fds[0].revents != 0 { return .readable }
        return .signalled
    }
}
