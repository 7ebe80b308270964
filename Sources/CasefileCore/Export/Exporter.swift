/// Choices that shape an export beyond its selection.
public struct ExportOptions: Sendable {
    /// For `csv`: the one table written to a stream (without it, a folder of tables).
    public var kind: Kind?
    /// For `html`: how the picture of the network is laid out.
    public var layout: NetworkLayout.Choice = .auto
    /// For `xliff`: the source language (nil: the originals' most common one).
    public var sourceLang: String?
    /// For `xliff`: the target language (nil: the one the translations are in).
    public var targetLang: String?

    /// For `ftm`, `json` and `csv`: how many records each part written on a core of its
    /// own holds (nil: `ExportStream.defaultPartSize`). The bytes are the same for every
    /// size; tests cut small cases into many parts with it.
    var partSize: Int?

    /// The defaults.
    public init(kind: Kind? = nil, layout: NetworkLayout.Choice = .auto) {
        self.kind = kind
        self.layout = layout
    }
}

/// What an export wrote.
public struct ExportResult: Sendable {
    /// The files written and their sizes in bytes (one, or a table per kind).
    public var files: [(path: String, bytes: Int)] = []
    /// What was left out and why (a pair without a language, say), for the user to see.
    public var warnings: [String] = []
}

/// Runs an export: the one place that knows which writer makes which format.
public enum Exporter {
    /// Writes `set` as `format` to `out`; returns warnings. CSV needs `options.kind` here.
    public static func write(_ format: ExportFormat, _ set: ExportSet, options: ExportOptions = ExportOptions(),
                             to out: ExportStream) throws(ExportError) -> [String] {
        switch format {
        case .json: JSONExport.write(set, partSize: options.partSize, to: out)
        case .csv:
            guard let kind = options.kind else { throw .csvNeedsFolder }
            CSVExport.write(set, kind: kind, partSize: options.partSize, to: out)
        case .dot: DOTExport.write(set, to: out)
        case .tmx: return TMXExport.write(set, to: out)
        case .xliff: return try XLIFFExport.write(set, options: options, to: out)
        case .ftm: FtMExport.write(set, partSize: options.partSize, to: out)
        case .html: HTMLReport.write(set, layout: options.layout, to: out)
        case .markdown: MarkdownReport.write(set, to: out)
        }
        return []
    }

    /// Writes `set` as `format` to the file `path`, or for CSV without a kind, one table
    /// per kind into the folder `path` (made when absent).
    public static func write(_ format: ExportFormat, _ set: ExportSet, options: ExportOptions = ExportOptions(),
                             toPath path: String) throws(ExportError) -> ExportResult {
        var result = ExportResult()
        if format == .csv && options.kind == nil {
            try ExportOutput.prepareFolder(path)
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            for kind in CSVExport.kinds {
                let file = folder + "/" + CSVExport.fileName(kind)
                let bytes = try ExportOutput.write(to: file) { CSVExport.write(set, kind: kind, partSize: options.partSize, to: $0) }
                result.files.append((file, bytes))
            }
            return result
        }
        var warnings: [String] = []
        var failure: ExportError?
        let bytes = try ExportOutput.write(to: path) { stream in
            do throws(ExportError) {
                warnings = try write(format, set, options: options, to: stream)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        result.files.append((path, bytes))
        result.warnings = warnings
        return result
    }
}
