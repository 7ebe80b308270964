#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where the files beside a case go: beside the file the case's name finally resolves
/// to, so a case opened through a symbolic link, `./`, or another folder's path finds the
/// same lock and the same journal.
public enum CasePaths {
    /// The case file's real path: symbolic links resolved; for a file not there yet, its
    /// folder resolved. The name as given when neither resolves.
    public static func resolved(_ casePath: String) -> String {
        if let real = realpath(casePath, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = AtomicFile.parentFolder(of: casePath)
        let name = casePath.split(separator: "/").last.map(String.init) ?? casePath
        guard let real = realpath(folder, nil) else { return casePath }
        defer { free(real) }
        let base = String(cString: real)
        return (base == "/" ? "" : base) + "/" + name
    }

    /// `.NAME` + `suffix` beside the resolved case file (`.dossier.rec.lock`).
    public static func beside(_ casePath: String, suffix: String) -> String {
        let path = resolved(casePath)
        let folder = AtomicFile.parentFolder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (folder == "." && !path.hasPrefix("./") ? "" : folder + "/") + "." + name + suffix
    }
}
