import Foundation

/// A value worked out on a thread of its own, waited for only when it is first needed
/// (the chain's hash of a case opened without a chain: writing the whole case once to
/// hash it need not keep the prompt waiting).
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Value?

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            lock.withLock { result = value }
            done.signal()
        }
        thread.start()
    }

    /// The value, waiting for the thread when it is not ready yet.
    var value: Value? {
        done.wait()
        // Whoever asks next does not wait.
        done.signal()
        return lock.withLock { result }
    }
}
