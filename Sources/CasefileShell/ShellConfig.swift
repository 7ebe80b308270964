import Foundation

/// The user's settings from `$XDG_CONFIG_HOME/casefile/config` (or `~/.config/casefile/config`):
/// lines of `key = value`, `#` comments.
///
/// ```
/// name = Aigerim Seitkali      # written as By on notes and sessions
/// editing-mode = vi            # emacs (default) or vi
/// colour = never               # auto (default), always or never
/// pager = less -FRX            # or off
/// history-size = 5000
/// ```
public struct ShellConfig: Equatable, Sendable {
    /// When to colour the prompt and messages.
    public enum Colour: String, Sendable { case auto, always, never }

    /// The user's name for `By`.
    public var name: String?
    /// emacs or vi.
    public var editingMode = "emacs"
    /// Colour choice.
    public var colour = Colour.auto
    /// The pager command, or nil for none.
    public var pager: String? = "less -FRX"
    /// How many history lines are kept.
    public var historySize = 2000
    /// Problems found in the file, as `FILE:LINE: message`.
    public var problems: [String] = []

    /// Defaults, no file.
    public init() {}

    /// The config file's path.
    public static func path(environment: [String: String]) -> String {
        if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty { return base + "/casefile/config" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/casefile/config"
    }

    /// Reads the config file (defaults when it is missing), then `$PAGER` when the file names none.
    public static func load(environment: [String: String]) -> ShellConfig {
        var config = ShellConfig()
        if let pager = environment["PAGER"], !pager.isEmpty { config.pager = pager }
        let path = path(environment: environment)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return config }
        config.apply(text, file: path)
        return config
    }

    /// Applies the settings in `text`.
    public mutating func apply(_ text: String, file: String) {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(rawLine)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append("\(file):\(index + 1): expected 'key = value'")
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "name", "user", "user.name": name = value
            case "editing-mode", "mode":
                if value == "emacs" || value == "vi" { editingMode = value } else {
                    problems.append("\(file):\(index + 1): editing-mode is emacs or vi, not '\(value)'")
                }
            case "colour", "color":
                if let choice = Colour(rawValue: value) { colour = choice } else {
                    problems.append("\(file):\(index + 1): colour is auto, always or never, not '\(value)'")
                }
            case "pager": pager = (value == "off" || value.isEmpty) ? nil : value
            case "history-size":
                if let size = Int(value), size > 0 { historySize = size } else {
                    problems.append("\(file):\(index + 1): history-size is a positive number")
                }
            default:
                problems.append("\(file):\(index + 1): unknown setting '\(key)' (known: name, editing-mode, colour, pager, history-size)")
            }
        }
    }
}
