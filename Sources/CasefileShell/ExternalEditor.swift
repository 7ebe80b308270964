import CasefileCore
import Foundation

/// Runs `$VISUAL`, then `$EDITOR`, then `vi` on a temporary file and reads it back.
final class ExternalEditor: TextEditing {
    let command: String

    init(environment: [String: String]) {
        command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    }

    func edit(_ text: String, suffix: String) -> Result<String, EditingError> {
        let path = NSTemporaryDirectory() + "casefile-edit-\(getpid())-\(UUID().uuidString.prefix(8))\(suffix)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            return .failure(EditingError("cannot write \(path): \(error.localizedDescription)"))
        }
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
