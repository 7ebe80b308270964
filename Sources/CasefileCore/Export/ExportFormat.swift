/// The formats `export` writes, each for the program that reads it.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// A self-contained HTML report: people, timeline with originals and translations side
    /// by side, notes, sources, a picture of the network.
    case html
    /// The same report as GitHub-flavoured Markdown.
    case markdown
    /// The link graph for Graphviz.
    case dot
    /// TMX 1.4b translation memory of every original and translation pair.
    case tmx
    /// XLIFF 2.0, the bilingual file CAT tools translate in (one language pair).
    case xliff
    /// FollowTheMoney entities as JSON lines (Aleph, OpenAleph, `ftm`).
    case ftm
    /// CSV, one file per kind (or one kind to standard output).
    case csv
    /// The whole case as one JSON document (schema `casefile-export`, version 1).
    case json

    /// Finds a format by name or a common alias (`md`, `gv`, `jsonl`), ignoring case.
    public init?(word: String) {
        let lowered = word.lowercased()
        switch lowered {
        case "md": self = .markdown
        case "gv", "graphviz": self = .dot
        case "xlf", "xliff2": self = .xliff
        case "followthemoney", "jsonl": self = .ftm
        default:
            guard let format = ExportFormat(rawValue: lowered) else { return nil }
            self = format
        }
    }

    /// The usual file name extension.
    public var fileExtension: String {
        switch self {
        case .html: return "html"
        case .markdown: return "md"
        case .dot: return "dot"
        case .tmx: return "tmx"
        case .xliff: return "xlf"
        case .ftm: return "ftm.json"
        case .csv: return "csv"
        case .json: return "json"
        }
    }

    /// One line saying what the format is for.
    public var summary: String {
        switch self {
        case .html: return "a report to read and print: one self-contained file"
        case .markdown: return "the report as Markdown, for an article or a wiki"
        case .dot: return "the link graph for Graphviz (dot -Tsvg)"
        case .tmx: return "TMX 1.4b translation memory for CAT tools"
        case .xliff: return "XLIFF 2.0 bilingual file to translate in a CAT tool"
        case .ftm: return "FollowTheMoney entities as JSON lines, for Aleph"
        case .csv: return "one CSV file per kind, for spreadsheets"
        case .json: return "the whole case as one JSON document"
        }
    }
}
