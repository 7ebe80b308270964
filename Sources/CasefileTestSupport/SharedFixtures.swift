import Foundation

/// Other projects' files that tests read where they lie, in `../shared` beside the
/// package (as CI has it): twarc output, the iuliia samples, GNU recutils' test inputs,
/// the seed article. They are never copied into this repository.
public enum SharedFixtures {
    /// The package's root folder (the one holding `Package.swift`).
    public static let packageRoot: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// `../shared` beside the package (`$CASEFILE_SHARED` when set: a worktree elsewhere).
    public static let root: String = ProcessInfo.processInfo.environment["CASEFILE_SHARED"]
        ?? URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared").path

    /// The path of `relative` under `../shared`, or nil (after a visible note) when it is
    /// absent. Under `CI=true` an absent fixture throws: CI always has `../shared`.
    public static func path(_ relative: String) throws -> String? {
        let full = root + "/" + relative
        if FileManager.default.fileExists(atPath: full) { return full }
        if ExternalReader.isCI { throw ExternalReader.MissingReader(what: "../shared/\(relative)") }
        print("note: ../shared/\(relative) is absent; the tests that read it did not run")
        return nil
    }
}
