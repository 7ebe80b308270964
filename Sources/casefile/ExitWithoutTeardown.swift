import CasefileCore

/// Loaded cases kept alive until the process exits: freeing a million-entry model value
/// by value takes about half a second, and the process is about to end anyway.
enum ExitWithoutTeardown {
    nonisolated(unsafe) private static var kept: [LoadResult] = []

    /// Keeps `result` until exit instead of freeing it now.
    static func keep(_ result: LoadResult) { kept.append(result) }
}
