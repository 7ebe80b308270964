extension FlagSpec {
    /// Why `text` is not a value this `.number` flag takes, or nil when it is: the one
    /// message, for the shell and the command line alike.
    public func numberProblem(_ text: String) -> String? {
        if let number = Int(text), number >= minimum { return nil }
        return "\(names[0]) takes a whole number, \(minimum) or more (not '\(text)')"
    }

    /// The number given to this flag as `word`.
    public func number(_ word: Word) throws(CommandError) -> Int {
        if let problem = numberProblem(word.text) {
            throw CommandError(problem, at: word, hint: help.isEmpty ? nil : "\(names[0]) N: \(help)")
        }
        return Int(word.text) ?? minimum
    }

    /// The help line for this flag: its spellings, its value, what it does, its default.
    public var helpLine: String {
        let spelling = names.joined(separator: ", ") + (value.map { " " + $0.placeholder } ?? "")
        return spelling + "  " + help + (defaultValue.map { " (default \($0))" } ?? "")
    }
}

extension ArgumentKind {
    /// How a value of this kind is named in help (`N`, `FILE`, `WORD`).
    var placeholder: String {
        switch self {
        case .number: return "N"
        case .path: return "FILE"
        case .text: return "TEXT"
        case .language: return "LANG"
        case .date: return "DATE"
        default: return rawValue.uppercased()
        }
    }
}

extension [FlagSpec] {
    /// The declaration of the flag spelt `spelling` (any of its spellings), if there is one.
    public func named(_ spelling: String) -> FlagSpec? { first { $0.names.contains(spelling) } }
}
