import CasefileCore
import Foundation

/// A case opened by `casefile verify`, `bundle` or `gc`: the notebook, its lock, and, when
/// what they do cannot be recorded in the case, why not.
final class EvidenceSession {
    let file: String
    let notebook: Notebook
    let output: StandardOutput
    /// Why custody events cannot be saved (the case is locked, read-only, or has unsaved work), or nil.
    private(set) var cannotRecord: String?

    /// Opens `file`; prints the error and returns nil when it cannot be read.
    init?(file: String) {
        self.file = file
        let environment = ProcessInfo.processInfo.environment
        output = StandardOutput(environment: environment)
        notebook = Notebook(output: output, settings: Settings.fromEnvironment(environment))
        notebook.showsConfirmations = false
        notebook.journaling = false
        notebook.locksFiles = true
        guard FileManager.default.fileExists(atPath: file) else {
            output.diagnostic("casefile: no case file \(Terminal.visible(file))")
            output.flush()
            return nil
        }
        do {
            let problems = try notebook.open(path: file)
            for problem in problems { output.diagnostic(Terminal.visible("warning: " + problem.description)) }
        } catch {
            output.diagnostic(Terminal.visible(error.description))
            output.flush()
            return nil
        }
        // The one lock path: the notebook took it while opening.
        switch notebook.lockProblem {
        case .held(let holder)?: cannotRecord = "the case is open in another casefile (\(holder.description))"
        case let problem?: cannotRecord = "the case \(problem.description)"
        case nil: break
        }
        if cannotRecord == nil, let pending = notebook.pendingJournal {
            cannotRecord = "the case has unsaved work from an earlier session (\(pending.steps.count) commands); recover it first"
        }
        if cannotRecord == nil, access(file, W_OK) != 0 { cannotRecord = "the case file is read-only" }
    }

    deinit { notebook.releaseLock() }

    /// Runs one command line (built by the caller, its words quoted); prints its errors.
    func run(_ line: String) -> Bool {
        let report = notebook.runScript(line, name: "casefile")
        for error in report.errors { output.diagnostic(error) }
        return report.errors.isEmpty
    }

    /// Saves what the commands recorded, with `message`; prints and returns false on failure.
    func save(message: String) -> Bool {
        guard notebook.hasUnsavedChanges else { return true }
        do { try notebook.save(message: message) } catch {
            output.diagnostic(ErrorRenderer.render(error, file: nil, source: ""))
            return false
        }
        return true
    }
}
