/// The lines `verify` prints: one per piece of evidence, then a count.
public enum FixityReport {
    /// One line per result (`ok       ID  NAME  sha256 …`), then the tally.
    public static func lines(_ results: [FixityResult]) -> [String] {
        var out: [String] = []
        for result in results {
            let record = result.record
            let label = record.id + "  " + (record.name ?? "") + "  (on \(record.on))"
            switch result.status {
            case .ok where result.waczProblems.isEmpty:
                out.append("ok        \(label)  sha256 \(record.sha256)")
            case .ok:
                out.append("WACZ BAD  \(label)  its own declared hashes do not match:")
                out += result.waczProblems.map { "            " + $0 }
            case let .changed(hash, size):
                out.append("CHANGED   \(label)  \(result.path)")
                out.append("            recorded sha256 \(record.sha256), \(record.size.map(ByteSize.text) ?? "size unknown")")
                out.append("            now      sha256 \(hash), \(ByteSize.text(size))")
            case .missing:
                out.append("MISSING   \(label)  no file at \(result.path)")
            case let .notAFile(what):
                out.append("NOT FILE  \(label)  \(result.path) is \(what)")
            case let .unreadable(reason):
                out.append("UNREADABLE \(label)  \(result.path): \(reason)")
            }
        }
        out.append(tally(results))
        return out
    }

    /// `3 ok, 1 changed, 1 missing` (or `no evidence to verify`).
    public static func tally(_ results: [FixityResult]) -> String {
        guard !results.isEmpty else { return "no evidence to verify" }
        var counts: [(String, Int)] = [("ok", 0), ("changed", 0), ("missing", 0), ("not a file", 0), ("unreadable", 0),
                                       ("WACZ with bad hashes", 0)]
        for result in results {
            switch result.status {
            case .ok: counts[result.waczProblems.isEmpty ? 0 : 5].1 += 1
            case .changed: counts[1].1 += 1
            case .missing: counts[2].1 += 1
            case .notAFile: counts[3].1 += 1
            case .unreadable: counts[4].1 += 1
            }
        }
        return counts.filter { $0.1 > 0 || $0.0 == "ok" }.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    }
}
