import Foundation

/// A value worked out the first time it is asked for, once, whichever thread asks: for
/// what only some users of a type need (an export set's map of translations, which a
/// report reads and a bulk export of a million entries need not build).
final class OnDemand<Value>: @unchecked Sendable {
    private enum State {
        case waiting(() -> Value)
        case done(Value)
    }

    private let lock = NSLock()
    private var state: State

    /// Keeps `work` until the value is first asked for.
    init(_ work: @escaping () -> Value) { state = .waiting(work) }

    /// The value, worked out now if it has not been yet.
    var value: Value {
        lock.withLock {
            switch state {
            case .done(let value):
                return value
            case .waiting(let work):
                // The work, and what it captured, is let go once it has run.
                let value = work()
                state = .done(value)
                return value
            }
        }
    }
}
