/// Distinct raw tokens, numbered in the order they were first seen: their bytes end to
/// end in one arena, and their namespaces. A bulk build collects them per thread, merges
/// them, and analyses each once.
struct TokenList {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    private(set) var namespaces: [Namespace] = []

    /// The number of tokens.
    var count: Int { namespaces.count }

    /// Adds the token `source[start..<end]`; its number is the count before the call.
    mutating func append(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ namespace: Namespace) {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
        starts.append(bytes.count)
        namespaces.append(namespace)
    }

    /// Calls `body` with the bytes of token `index` (as a buffer with the token from 0 to
    /// its count) and its namespace.
    @inline(__always)
    func withToken<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>, Namespace) -> R) -> R {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]), namespaces[index])
        }
    }
}
