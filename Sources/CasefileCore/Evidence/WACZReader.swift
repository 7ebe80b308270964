import Crypto
import Foundation
import ZIPFoundation

/// What a WACZ web archive (ArchiveWeb.page, browsertrix) says about itself, and whether
/// its contents still match the SHA-256 hashes its `datapackage.json` declares.
public struct WACZSummary: Sendable, Equatable {
    /// One captured page from `pages/pages.jsonl`.
    public struct Page: Sendable, Equatable {
        /// The page's URL.
        public var url: String
        /// When it was captured (`ts`), as the archive gives it.
        public var timestamp: String
    }

    /// The pages, in the archive's order (at most `WACZReader.pageLimit`).
    public var pages: [Page]
    /// How many pages the archive lists in all.
    public var pageCount: Int
    /// How many resources with a declared hash were checked.
    public var resourcesChecked: Int
    /// What does not match, one sentence each (`archive/data.warc.gz: declared sha256:… but holds sha256:…`).
    public var problems: [String]

    /// Whether every declared hash matched.
    public var isIntact: Bool { problems.isEmpty }

    /// The one-line summary recorded in the evidence's `Wacz` field.
    public var fieldValue: String {
        let pagesText = "\(pageCount) page\(pageCount == 1 ? "" : "s")"
        let checked = "\(resourcesChecked) declared hash\(resourcesChecked == 1 ? "" : "es")"
        if isIntact { return "\(pagesText), \(checked) checked, all match" }
        return "\(pagesText), \(checked) checked, \(problems.count) DO NOT MATCH: " + problems.joined(separator: "; ")
    }
}

/// Reads WACZ files (a ZIP with `datapackage.json`, `pages/pages.jsonl` and WARCs) with
/// ZIPFoundation, without unpacking them to disk.
public enum WACZReader {
    /// How many pages are recorded per WACZ; the count says how many there are in all.
    public static let pageLimit = 1000
    /// The largest `datapackage.json` or `pages.jsonl` read into memory.
    static let metadataLimit: UInt64 = 64 << 20

    /// The archive's summary, or nil when `path` is not a ZIP holding a `datapackage.json`.
    public static func read(path: String) -> WACZSummary? {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil),
              let packageEntry = archive["datapackage.json"] else { return nil }
        var problems: [String] = []
        guard let packageBytes = contents(of: packageEntry, in: archive, problems: &problems),
              let package = try? JSONSerialization.jsonObject(with: packageBytes) as? [String: Any] else {
            return WACZSummary(pages: [], pageCount: 0, resourcesChecked: 0,
                               problems: problems.isEmpty ? ["datapackage.json is not a JSON object"] : problems)
        }
        var checked = 0
        if let digestEntry = archive["datapackage-digest.json"],
           let digestBytes = contents(of: digestEntry, in: archive, problems: &problems),
           let digest = try? JSONSerialization.jsonObject(with: digestBytes) as? [String: Any],
           let declared = digest["hash"] as? String {
            checked += 1
            let actual = "sha256:" + SHA256Digest.sha256(packageBytes)
            if declared.lowercased() != actual {
                problems.append("datapackage.json: declared \(declared) but holds \(actual)")
            }
        }
        for resource in package["resources"] as? [[String: Any]] ?? [] {
            guard let name = resource["path"] as? String, let declared = resource["hash"] as? String else { continue }
            checked += 1
            guard let entry = archive[name] else {
                problems.append("\(name): listed in datapackage.json but not in the archive")
                continue
            }
            guard let actual = hash(of: entry, in: archive) else {
                problems.append("\(name): cannot be read from the archive")
                continue
            }
            if declared.lowercased().hasPrefix("sha256:") && declared.lowercased() != "sha256:" + actual {
                problems.append("\(name): declared \(declared) but holds sha256:\(actual)")
            }
        }
        let (pages, count) = readPages(archive, problems: &problems)
        return WACZSummary(pages: pages, pageCount: count, resourcesChecked: checked, problems: problems)
    }

    /// Whether `path` is a WACZ (cheap: opens the ZIP's directory only).
    public static func isWACZ(path: String) -> Bool {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil) else { return false }
        return archive["datapackage.json"] != nil
    }

    private static func readPages(_ archive: Archive, problems: inout [String]) -> ([WACZSummary.Page], Int) {
        guard let entry = archive["pages/pages.jsonl"],
              let bytes = contents(of: entry, in: archive, problems: &problems) else { return ([], 0) }
        var pages: [WACZSummary.Page] = []
        var count = 0
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let url = object["url"] as? String else { continue }
            count += 1
            if pages.count < pageLimit {
                pages.append(WACZSummary.Page(url: url, timestamp: object["ts"] as? String ?? ""))
            }
        }
        return (pages, count)
    }

    private static func contents(of entry: ZIPFoundation.Entry, in archive: Archive, problems: inout [String]) -> Data? {
        guard entry.uncompressedSize <= metadataLimit else {
            problems.append("\(entry.path): larger than \(metadataLimit >> 20) MB, not read")
            return nil
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            problems.append("\(entry.path): cannot be read from the archive (\(error))")
            return nil
        }
        return data
    }

    private static func hash(of entry: ZIPFoundation.Entry, in archive: Archive) -> String? {
        var hasher = SHA256()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { hasher.update(data: $0) }
        } catch {
            return nil
        }
        return SHA256Digest.hex(hasher.finalize())
    }
}
