import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of an XML file read by `SafeXML`: its name, namespace, attributes and
/// content in order, and where its start tag ends.
struct XMLNode {
    /// Character data or a child element, in document order.
    enum Item {
        case text(String)
        case element(XMLNode)
    }

    /// The local name (`tu`, `segment`).
    var name: String
    /// The namespace URI ("" for none).
    var namespace: String
    /// Attributes by qualified name (`xml:lang`, `srclang`).
    var attributes: [String: String]
    /// The content.
    var items: [Item] = []
    /// Line and column (in characters) of the start tag's closing `>`, as libxml2 reports it.
    var line: Int
    var column: Int

    /// The child elements.
    var children: [XMLNode] {
        items.compactMap { if case .element(let node) = $0 { return node } else { return nil } }
    }

    /// The children named `name` (in the same namespace as this element).
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name && $0.namespace == namespace } }

    /// The first child named `name`.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name && $0.namespace == namespace } }

    /// All character data of the element and its descendants, in order (inline codes of a
    /// TMX `<seg>` hold the native text they stand for). Depth is bounded by `SafeXML`.
    var innerText: String {
        var text = ""
        for item in items {
            switch item {
            case .text(let part): text += part
            case .element(let node): text += node.innerText
            }
        }
        return text
    }
}

/// Reads XML through Foundation's `XMLParser` (libxml2), refusing what could make a file
/// read other files or blow up: a DTD internal subset (entity declarations) is refused
/// before parsing, external entities are never resolved, any well-formedness error stops
/// the import (libxml2 would otherwise recover and report a partial document), and
/// nesting deeper than `maximumDepth` is refused. Records (`tu`, `unit`) are handed to the
/// caller one at a time, so memory stays proportional to one record, not to the file.
enum SafeXML {
    /// Deeper nesting than any TMX or XLIFF file needs.
    static let maximumDepth = 64

    /// Parses `bytes`; calls `record` for every element named in `records` (with the
    /// element names and attributes above it), `root` for the document element. Returns
    /// the first problem, located, or nil.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, records: Set<String>,
                     root: @escaping (XMLNode) -> Void = { _ in },
                     record: @escaping (XMLNode, [XMLNode]) -> Void) -> Diagnostic? {
        let data: Data
        switch prepared(bytes, file: file) {
        case .failure(let problem): return problem
        case .success(let converted): data = Data(converted)
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        let delegate = Delegate(file: file, records: records, root: root, record: record)
        parser.delegate = delegate
        let finished = parser.parse()
        if let problem = delegate.problem { return problem }
        if !finished {
            let code = (parser.parserError as NSError?)?.code ?? 0
            return Diagnostic(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber),
                              message: message(forLibxml2: code), hint: hint)
        }
        if !delegate.sawRoot {
            return Diagnostic(file: file, line: 0, message: "the file holds no XML element", hint: hint)
        }
        return nil
    }

    static let hint = "is this the file the CAT tool exported (UTF-8 or UTF-16 XML)?"

    /// The bytes as UTF-8 with the prolog checked: UTF-16 (with its byte order mark) is
    /// converted, keeping line numbers; a DTD internal subset is refused.
    static func prepared(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Result<[UInt8], Diagnostic> {
        var utf8: [UInt8]
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                units.append(little ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            var text = String(decoding: units, as: UTF16.self)
            // The declaration names UTF-16, which the converted bytes no longer are.
            if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
                let declaration = text[..<end.upperBound]
                let newlines = declaration.filter { $0 == "\n" }.count
                text.replaceSubrange(..<end.upperBound, with: "<?xml version=\"1.0\"?>" + String(repeating: "\n", count: newlines))
            }
            utf8 = Array(text.utf8)
        } else {
            utf8 = Array(bytes)
        }
        if let problem = prologProblem(utf8, file: file) { return .failure(problem) }
        return .success(utf8)
    }

    /// A `<!DOCTYPE … [` internal subset or a `<!ENTITY` before the first element, located.
    static func prologProblem(_ utf8: [UInt8], file: String) -> Diagnostic? {
        var index = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            return position + pattern.count <= utf8.count && Array(utf8[position..<(position + pattern.count)]) == pattern
        }
        func refuse(_ position: Int, _ message: String) -> Diagnostic {
            let located = utf8.withUnsafeBufferPointer { TextPosition.of(position, in: $0) }
            return Diagnostic(file: file, line: located.line, column: located.column, message: message,
                              hint: "TMX and XLIFF need no DTD: remove the declarations in [ … ] (casefile never expands entities or reads files a DTD names)")
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1; continue }
            guard byte == 0x3C else { return nil }
            if starts("<?", at: index) || starts("<!--", at: index) {
                let close = starts("<?", at: index) ? "?>" : "-->"
                var end = index + 2
                while end < utf8.count, !starts(close, at: end) { end += 1 }
                index = end + close.utf8.count
                continue
            }
            if starts("<!ENTITY", at: index) { return refuse(index, "an entity declaration outside a DTD is not read") }
            guard starts("<!DOCTYPE", at: index) else { return nil }
            var quote: UInt8?
            var position = index + 9
            while position < utf8.count {
                let current = utf8[position]
                if let open = quote {
                    if current == open { quote = nil }
                } else if current == 0x22 || current == 0x27 {
                    quote = current
                } else if current == 0x5B {
                    return refuse(position, "the document type declaration has an internal subset ([ … ]), which can declare entities")
                } else if current == 0x3E {
                    break
                }
                position += 1
            }
            index = position + 1
        }
        return nil
    }

    /// Moves positions reported at a start tag's `>` (where libxml2 is when it reports
    /// the element) to the tag's `<` on the same line; one pass over `bytes`, positions in
    /// file order. Columns count characters, as libxml2's do.
    static func moveToTagStart(_ positions: inout [(line: Int, column: Int)], in bytes: UnsafeBufferPointer<UInt8>) {
        guard !positions.isEmpty, !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) else { return }
        var line = 1
        var lineStart = 0
        for index in positions.indices {
            let wanted = positions[index]
            while line < wanted.line, lineStart < bytes.count {
                guard let newline = UnsafeBufferPointer(rebasing: bytes[lineStart...]).firstIndex(of: 0x0A) else {
                    lineStart = bytes.count
                    break
                }
                lineStart += newline + 1
                line += 1
            }
            guard line == wanted.line else { continue }
            var characters = 0
            var open: Int?
            var offset = lineStart
            while offset < bytes.count, bytes[offset] != 0x0A, characters < wanted.column {
                if bytes[offset] & 0xC0 != 0x80 {
                    characters += 1
                    if bytes[offset] == 0x3C { open = characters }
                }
                offset += 1
            }
            if characters == wanted.column, offset > 0, bytes[offset - 1] == 0x3E, let open {
                positions[index].column = open
            }
        }
    }

    /// `moveToTagStart` for diagnostics (in file order).
    static func moveToTagStart(_ problems: inout [Diagnostic], in bytes: UnsafeBufferPointer<UInt8>) {
        var positions = problems.map { (line: $0.line, column: $0.column) }
        moveToTagStart(&positions, in: bytes)
        for index in problems.indices { problems[index].column = positions[index].column }
    }

    /// What libxml2's error `code` means, in words.
    static func message(forLibxml2 code: Int) -> String {
        switch code {
        case 1: return "the XML is too large to read (a text over 10 MB, or a name over 50,000 characters)"
        case 2: return "out of memory reading the XML"
        case 4: return "the file holds no XML (no element where the document should start)"
        case 5: return "more after the end of the XML document (or the document ends too early)"
        case 9: return "a character XML does not allow"
        case 6, 7, 8, 10: return "a character reference (&#…;) that is not a character XML allows"
        case 23: return "an entity reference without its ';'"
        case 26, 27: return "an entity that is not declared (only &amp; &lt; &gt; &quot; &apos; and &#…; are read)"
        case 29, 30: return "an external or parameter entity, which is not read"
        case 31, 32, 81: return "an encoding this file does not have or casefile cannot read"
        case 34, 38, 39, 40, 41: return "a malformed attribute"
        case 42: return "an attribute given twice"
        case 45: return "a comment that is never closed"
        case 63: return "a CDATA section that is never closed"
        case 73: return "a '>' is missing"
        case 76: return "an end tag that does not match its start tag"
        case 77: return "a tag that is never finished"
        case 85: return "the elements are not properly nested"
        case 89: return "entities that expand without end (an entity loop or an exponential expansion)"
        case 201, 202, 203: return "a namespace prefix that is not declared"
        default: return "the XML is not well-formed (libxml2 error \(code))"
        }
    }

    /// Builds one record at a time; everything above records is kept without content.
    private final class Delegate: NSObject, XMLParserDelegate {
        let file: String
        let records: Set<String>
        let onRoot: (XMLNode) -> Void
        let onRecord: (XMLNode, [XMLNode]) -> Void
        var problem: Diagnostic?
        var sawRoot = false
        /// Open elements outside a record.
        var ancestors: [XMLNode] = []
        /// The record being built, innermost element last.
        var building: [XMLNode] = []
        /// Character data not yet put into the innermost element (appending to one string
        /// keeps a long text linear: libxml2 hands it over in many pieces).
        var pending = ""

        func flush() {
            guard !pending.isEmpty, !building.isEmpty else { return }
            building[building.count - 1].items.append(.text(pending))
            pending = ""
        }

        init(file: String, records: Set<String>, root: @escaping (XMLNode) -> Void,
             record: @escaping (XMLNode, [XMLNode]) -> Void) {
            self.file = file
            self.records = records
            onRoot = root
            onRecord = record
        }

        func fail(_ parser: XMLParser, _ message: String, hint: String? = SafeXML.hint) {
            guard problem == nil else { return }
            problem = Diagnostic(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber),
                                 message: message, hint: hint)
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard problem == nil else { return }
            guard ancestors.count + building.count < SafeXML.maximumDepth else {
                fail(parser, "elements nested more than \(SafeXML.maximumDepth) deep")
                return
            }
            let node = XMLNode(name: elementName, namespace: namespaceURI ?? "", attributes: attributeDict,
                               line: parser.lineNumber, column: parser.columnNumber)
            if !sawRoot {
                sawRoot = true
                onRoot(node)
            }
            if building.isEmpty && !records.contains(elementName) {
                ancestors.append(node)
            } else {
                flush()
                building.append(node)
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard problem == nil else { return }
            flush()
            if let node = building.popLast() {
                if building.isEmpty {
                    onRecord(node, ancestors)
                } else {
                    building[building.count - 1].items.append(.element(node))
                }
            } else if !ancestors.isEmpty {
                ancestors.removeLast()
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard problem == nil, !building.isEmpty else { return }
            pending += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            fail(parser, "an entity that is not declared: &\(name); (only &amp; &lt; &gt; &quot; &apos; and &#…; are read)",
                 hint: "write the character itself, or as &#…;")
            return nil
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            fail(parser, SafeXML.message(forLibxml2: (parseError as NSError).code))
        }
    }
}
