import Foundation

/// At most `perRule` violations of one declared rule are listed; the rest are counted
/// into one line at the rule's declaration: `… and 12,345 more violations of %mandatory
/// declared at FILE:LINE`. A million records missing one field make a hundred lines, not
/// a million.
struct ViolationLimit {
    /// How many violations of one rule are listed one by one.
    static let perRule = 100

    /// A rule, as its violations name it: the keyword and the place of its declaration.
    struct Rule: Hashable {
        var keyword: String
        var file: String
        var line: Int
        var severity: Diagnostic.Severity
    }

    private var counts: [Rule: Int] = [:]
    private var order: [Rule] = []

    /// Whether a violation with `message` is still listed; counts it either way. A message
    /// naming no declaration is always listed.
    mutating func admits(_ message: String, severity: Diagnostic.Severity) -> Bool {
        guard let rule = Self.rule(of: message, severity: severity) else { return true }
        let count = counts[rule, default: 0] + 1
        if count == 1 { order.append(rule) }
        counts[rule] = count
        return count <= Self.perRule
    }

    /// The summaries of the rules broken more than `perRule` times, at their declarations.
    func summaries() -> [Diagnostic] {
        order.compactMap { rule in
            guard let count = counts[rule], count > Self.perRule else { return nil }
            let more = count - Self.perRule
            var summary = Diagnostic(file: rule.file, line: rule.line, column: 1, severity: rule.severity,
                                     message: "… and \(Self.grouped(more)) more violation\(more == 1 ? "" : "s") of \(rule.keyword) declared at \(rule.file):\(rule.line)",
                                     hint: "the first \(Self.perRule) are listed one by one")
            summary.counts = more
            return summary
        }
    }

    /// The rule a violation's message names: `(%key declared at t.rec:3)`, or for
    /// `%mandatory` and `%constraint`, whose messages say so in their words, `(declared at …)`.
    static func rule(of message: String, severity: Diagnostic.Severity) -> Rule? {
        guard let at = message.range(of: "declared at ", options: .backwards) else { return nil }
        let rest = message[at.upperBound...]
        guard let colon = rest.lastIndex(of: ":", before: rest.firstIndex(of: ")") ?? rest.endIndex) else { return nil }
        let digits = rest[rest.index(after: colon)...].prefix { $0.isNumber }
        guard let line = Int(digits) else { return nil }
        let file = String(rest[..<colon])
        let before = message[..<at.lowerBound]
        var keyword: String
        if let open = before.lastIndex(of: "("), before[before.index(after: open)...].hasPrefix("%") {
            keyword = String(before[before.index(after: open)...]).trimmingCharacters(in: .whitespaces)
        } else if let constraint = before.range(of: "%constraint[") {
            keyword = String(before[constraint.lowerBound...].prefix { $0 != "]" }) + "]"
        } else if before.contains("mandatory field") {
            keyword = "%mandatory"
        } else {
            keyword = "the rule"
        }
        if keyword.isEmpty { keyword = "the rule" }
        return Rule(keyword: keyword, file: file, line: line, severity: severity)
    }

    /// `12345` as `12,345`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

extension Substring {
    fileprivate func lastIndex(of character: Character, before end: Index) -> Index? {
        self[..<end].lastIndex(of: character)
    }
}
