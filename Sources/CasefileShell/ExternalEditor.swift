import CasefileCore
import Foundation

/// Runs `$VISUAL`, then `$EDITOR`, then `vi` on a temporary file and reads it back.
final class ExternalEditor: TextEditing {
    let command: String
    let environment: [String: String]

    init(environment: [String: String]) {
        command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        self.environment = environment
    }

    func edit(_ text: String, suffix: String) -> Result<String, EditingError> {
        // The text may be about people at risk: a 0600 file of unpredictable name in a
        // folder only this user can enter.
        let path: String
        do {
            let folder = try PrivateFiles.temporaryFolder(environment: environment)
            path = try PrivateFiles.createTemporary(in: folder, prefix: "edit-", suffix: suffix, bytes: Array(text.utf8))
        } catch {
            return .failure(EditingError("cannot write the text for the editor: \(error.description)"))
        }
        defer { unlink(path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "casefile-editor", path]
        do { try process.run() } catch {
            return .failure(EditingError("cannot start the editor '\(command)': \(error.localizedDescription)"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(EditingError("the editor '\(command)' exited with status \(process.terminationStatus); nothing changed"))
        }
        guard let edited = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .failure(EditingError("the edited file is gone or not UTF-8; nothing changed"))
        }
        return .success(edited)
    }
}
