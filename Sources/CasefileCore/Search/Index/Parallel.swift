import Dispatch
import Foundation

/// Work split over the machine's cores, for bulk jobs whose parts share nothing they
/// write. On one core, or for small jobs, everything runs on the calling thread.
enum Parallel {
    /// How many threads a job may use: the active cores, at most 8.
    static var width: Int { max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) }

    /// How many parts to cut `count` items into, so that no part has fewer than
    /// `minimum` of them (threads cost more than they save on small jobs).
    static func parts(for count: Int, minimum: Int) -> Int {
        max(1, min(width, count / max(1, minimum)))
    }

    /// Part `index` of `0..<count` cut into `parts` nearly equal ranges.
    static func range(_ index: Int, of parts: Int, count: Int) -> Range<Int> {
        (count * index / parts)..<(count * (index + 1) / parts)
    }

    /// `body(0) … body(parts - 1)`, run at the same time, in order in the result.
    static func map<T>(_ parts: Int, _ body: (Int) -> T) -> [T] {
        guard parts > 1 else { return parts == 1 ? [body(0)] : [] }
        let results = UnsafeMutableBufferPointer<T>.allocate(capacity: parts)
        defer { results.deallocate() }
        withoutActuallyEscaping(body) { body in
            // Each part writes only its own result, and whatever its body was given to
            // write alone: what Sendable checking cannot see, this type promises.
            let shared = Unchecked((body, results))
            let context = TaskContext()
            DispatchQueue.concurrentPerform(iterations: parts) { index in
                let (body, results) = shared.value
                context.run { results.initializeElement(at: index, to: body(index)) }
            }
        }
        return Array(unsafeUninitializedCapacity: parts) { buffer, made in
            _ = buffer.moveInitialize(fromContentsOf: results)
            made = parts
        }
    }
}

extension Parallel {
    /// Runs `body` on `count` threads at once (one after the other where Dispatch gives
    /// fewer, as in an apply nested in another): for workers that share out the work
    /// among themselves, each taking the next piece until none is left.
    static func workers(_ count: Int, _ body: () -> Void) {
        guard count > 1 else {
            if count == 1 { body() }
            return
        }
        withoutActuallyEscaping(body) { body in
            // The workers share only what `body` guards itself: what Sendable checking
            // cannot see, the caller promises.
            let shared = Unchecked(body)
            let context = TaskContext()
            DispatchQueue.concurrentPerform(iterations: count) { _ in context.run(shared.value) }
        }
    }
}

/// The task-local values the library reads, taken on the calling thread and bound again
/// on each worker: Dispatch's threads do not see the caller's task locals, so a test's
/// smaller regex budget (`RegexBudget.testLimits`) would hold on one core and not the other.
private struct TaskContext: @unchecked Sendable {
    let regexLimits = RegexBudget.testLimits

    func run(_ body: () -> Void) {
        RegexBudget.$testLimits.withValue(regexLimits) { body() }
    }
}

/// A value handed to other threads by a caller that guarantees they use it safely.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension Parallel {
    /// `a()` and `b()` run at the same time (one after the other on one core).
    static func both<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
        guard width > 1 else { return (a(), b()) }
        let first = UnsafeMutablePointer<A>.allocate(capacity: 1)
        let second = UnsafeMutablePointer<B>.allocate(capacity: 1)
        defer {
            first.deallocate()
            second.deallocate()
        }
        withoutActuallyEscaping(a) { a in
            withoutActuallyEscaping(b) { b in
                let shared = Unchecked((a, b, first, second))
                let context = TaskContext()
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    let (a, b, first, second) = shared.value
                    context.run { if index == 0 { first.initialize(to: a()) } else { second.initialize(to: b()) } }
                }
            }
        }
        return (first.move(), second.move())
    }
}

extension Parallel {
    /// `a()` on the calling thread and `b()` on a thread of its own, at the same time.
    /// Unlike `both`, work that `a` splits with `map` still gets every core: Dispatch runs
    /// an apply nested in another one on the calling thread alone.
    static func beside<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
        guard width > 1 else { return (a(), b()) }
        let second = UnsafeMutablePointer<B>.allocate(capacity: 1)
        defer { second.deallocate() }
        let first: A = withoutActuallyEscaping(b) { b in
            // The thread drops the work before it signals, so nothing holds `b` once it is done.
            let slot = WorkSlot()
            slot.work = { second.initialize(to: b()) }
            let done = DispatchSemaphore(value: 0)
            let context = TaskContext()
            let thread = Thread {
                context.run { slot.work?() }
                slot.work = nil
                done.signal()
            }
            thread.start()
            let result = a()
            done.wait()
            return result
        }
        return (first, second.move())
    }
}

/// Work handed to a thread by a caller that waits for it (see `Parallel.beside`).
private final class WorkSlot: @unchecked Sendable {
    var work: (() -> Void)?
}
