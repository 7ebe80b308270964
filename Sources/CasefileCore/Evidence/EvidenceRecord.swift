#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// An `Evidence` entry read as what it is: a captured file of one entry, its hash, size and
/// type, where it came from, and its chain of custody. The HTML report and `show` read
/// evidence through this view.
public struct EvidenceRecord: Sendable, Equatable {
    /// The evidence's own Id (`extremkz-2014-02-04-e1`).
    public var id: String
    /// The entry it is evidence of.
    public var on: String
    /// The SHA-256 recorded when it was attached.
    public var sha256: String
    /// The size in bytes recorded when it was attached.
    public var size: UInt64?
    /// The media type told from the content (`image/png`, `application/wacz`).
    public var mediaType: String?
    /// The original file name.
    public var name: String?
    /// Where the file lies when it was linked in place (`attach --link`), else nil: kept in the store.
    public var linkedPath: String?
    /// When it was captured.
    public var captured: String?
    /// Whether `captured` was given (`given`) or is the file's modification time (`file-mtime`).
    public var capturedFrom: String?
    /// The URL it shows.
    public var url: String?
    /// Who attached it, and when.
    public var attachedBy: String?
    /// When it was attached.
    public var attached: String?
    /// The pages a WACZ holds (`TS URL`).
    public var pages: [String]
    /// The WACZ's own fixity, as found when attached or last verified.
    public var wacz: String?
    /// The custody events, oldest first.
    public var custody: [CustodyEvent]

    /// Reads `entry`; nil when it is not an Evidence entry.
    public init?(_ entry: Entry) {
        guard entry.kind == .evidence else { return nil }
        id = entry.id
        on = entry["On"] ?? ""
        sha256 = entry["Sha256"] ?? ""
        size = entry["Size"].flatMap { UInt64($0) }
        mediaType = entry["Type"]
        name = entry["Name"]
        linkedPath = entry["Stored"] == "link" ? entry["Path"] : nil
        captured = entry["Captured"]
        capturedFrom = entry["CapturedFrom"]
        url = entry["Url"]
        attachedBy = entry["By"]
        attached = entry["Attached"]
        pages = entry.values("Page")
        wacz = entry["Wacz"]
        custody = entry.values("Custody").map(CustodyEvent.init(field:))
    }

    /// The latest verification in its chain of custody (`verified ok`, `verified: MISSING`…),
    /// or nil when it was never verified.
    public var lastVerification: CustodyEvent? { custody.last { $0.event.hasPrefix("verified") } }

    /// Where the file is expected: its place in `store`, or the linked path. A linked file
    /// that is not where it was linked but is in the store (as in an unpacked bundle) is
    /// looked for in the store.
    public func location(in store: EvidenceStore) -> String {
        guard let linkedPath else { return store.path(of: sha256) }
        var info = stat()
        if lstat(linkedPath, &info) != 0, lstat(store.path(of: sha256), &info) == 0 { return store.path(of: sha256) }
        return linkedPath
    }
}

/// One event in a piece of evidence's chain of custody: when, who, what
/// (`2026-12-01T21:30:00Z; alice; attached from shot.png`).
public struct CustodyEvent: Sendable, Equatable {
    /// When it happened (ISO date-time, UTC).
    public var at: String
    /// Who did it.
    public var by: String
    /// What happened (`attached from shot.png`, `verified ok`, `verified CHANGED: now …`).
    public var event: String

    /// Creates an event.
    public init(at: String, by: String, event: String) {
        self.at = at
        self.by = by
        self.event = event
    }

    /// Reads a `Custody` field's value; a value not in the form keeps its text as the event.
    public init(field: String) {
        let parts = field.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            self.init(at: "", by: "", event: field)
            return
        }
        func trimmed(_ part: Substring) -> String { String(part.drop(while: { $0 == " " })) }
        self.init(at: trimmed(parts[0]), by: trimmed(parts[1]), event: trimmed(parts[2]))
    }

    /// The `Custody` field's value. A `;` in the name is written as `,` so the value reads back.
    public var fieldValue: String {
        "\(at); \(by.replacingSemicolons()); \(event)"
    }
}

extension String {
    fileprivate func replacingSemicolons() -> String {
        guard utf8.contains(UInt8(ascii: ";")) else { return self }
        return String(map { $0 == ";" ? "," : $0 })
    }
}

extension CaseFile {
    /// The evidence of entry `id`, by evidence Id.
    /// - Complexity: O(n) in the entries (one pass); for many entries use `evidenceByEntry()`.
    public func evidence(on id: String) -> [EvidenceRecord] {
        orderedIds(of: .evidence).compactMap { self[$0].flatMap(EvidenceRecord.init) }.filter { $0.on == id }
    }

    /// Every entry's evidence, by the entry's Id, each list by evidence Id: what a report
    /// of the whole case reads.
    /// - Complexity: O(n log n) in the evidence records, one pass.
    public func evidenceByEntry() -> [String: [EvidenceRecord]] {
        var byEntry: [String: [EvidenceRecord]] = [:]
        for id in orderedIds(of: .evidence) {
            guard let record = self[id].flatMap(EvidenceRecord.init) else { continue }
            byEntry[record.on, default: []].append(record)
        }
        return byEntry
    }
}
