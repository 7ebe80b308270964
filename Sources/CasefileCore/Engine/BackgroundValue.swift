import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A value worked out on a thread of its own, waited for only when it is first needed
/// (the chain's hash of a case opened without a chain: writing the whole case once to
/// hash it need not keep the prompt waiting).
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Value?
    private let work: @Sendable () -> Value
    /// The process whose thread works the value out.
    private let owner = getpid()

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        let thread = Thread { [self] in
            let value = work()
            lock.withLock { result = value }
            done.signal()
        }
        thread.start()
    }

    /// The value, waiting for the thread when it is not ready yet.
    var value: Value? {
        // fork(2) copies only the calling thread: a child forked while the value was being
        // worked out would wait for ever, so it works the value out itself.
        guard getpid() == owner else { return work() }
        done.wait()
        // Whoever asks next does not wait.
        done.signal()
        return lock.withLock { result }
    }
}
