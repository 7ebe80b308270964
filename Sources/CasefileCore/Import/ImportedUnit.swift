/// One language version of a translation unit: a TMX `<tuv>`, an XLIFF `<source>` or
/// `<target>`.
public struct ImportedVariant: Sendable, Equatable {
    /// The language tag as the file gives it (`ru`, `EN-US`).
    public var lang: String
    /// The text, with inline codes' native text in place.
    public var text: String
    /// Who made or last changed it, when the file says (`changeid`, `creationid`).
    public var by: String?
}

/// A translation unit of a TMX or XLIFF file: an original's text and its translations,
/// with the casefile Ids the export wrote when they are there.
public struct ImportedUnit: Sendable, Equatable {
    /// The original's Id (`x-original` prop, XLIFF `casefile:original`).
    public var originalId: String?
    /// The translation's Id (`x-translation` prop, XLIFF unit id).
    public var translationId: String?
    /// The TMX `tuid`, used as a translation Id only when it names a translation in the case.
    public var tuid: String?
    /// The source language (`srclang` of the unit or the header; nil or `*all*`: unknown).
    public var sourceLang: String?
    /// The versions, in file order; the source is the one in `sourceLang` (else the first).
    public var variants: [ImportedVariant] = []
    /// The status the file gives (`x-status`, an XLIFF segment's state), checked.
    public var status: String?
    /// Where the unit starts.
    public var line: Int
    public var column: Int

    /// Creates a unit read at `line`:`column`.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

extension ImportBatch {
    /// Takes the units and problems a TMX or XLIFF reader found in `bytes`, each located at
    /// its start tag's `<`.
    mutating func take(_ units: [ImportedUnit], _ problems: [Diagnostic], from bytes: UnsafeBufferPointer<UInt8>, noneFound: String) {
        var units = units
        var problems = problems
        SafeXML.moveToTagStart(&problems, in: bytes)
        var starts = units.map { (line: $0.line, column: $0.column) }
        SafeXML.moveToTagStart(&starts, in: bytes)
        for index in units.indices { units[index].column = starts[index].column }
        self.problems += problems
        self.units = units
        if units.isEmpty && problems.isEmpty { skipped.append(noneFound) }
    }
}
