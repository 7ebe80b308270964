import Foundation

/// Test data of this project's own (the labelled posts, the ICU-made romanisations) in
/// `Tests/CasefileCoreTests/Fixtures`, as opposed to other projects' files in `../shared`.
public enum ProjectFixtures {
    /// The lines of fixture `name` that are not blank and not `#` comments.
    public static func lines(_ name: String) throws -> [Substring] {
        let path = SharedFixtures.packageRoot + "/Tests/CasefileCoreTests/Fixtures/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The tab-separated fields of each line of fixture `name`.
    public static func rows(_ name: String) throws -> [[String]] {
        try lines(name).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
