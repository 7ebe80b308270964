/// The network of an export set as nodes and edges: people and posts always, quotes,
/// translations and sources when a link touches them; links as typed, directed edges,
/// and a post's or quote's author as an edge when no `authored` link says so already.
/// The dot export and the report's picture both draw this one graph.
public struct NetworkGraph: Sendable {
    /// One entry drawn.
    public struct Node: Sendable {
        /// The entry's Id.
        public var id: String
        /// Its kind (the shape it is drawn with).
        public var kind: Kind
        /// The first line: a person's name, else the Id.
        public var title: String
        /// The second line: handle and Id, or date and platform.
        public var subtitle: String
    }

    /// One relation drawn.
    public struct Edge: Sendable {
        /// Index of the node it starts from.
        public var from: Int
        /// Index of the node it points to.
        public var to: Int
        /// The relation word.
        public var rel: String
        /// The link's note, if any.
        public var note: String?
        /// Whether it comes from an Author or Speaker field rather than a link.
        public var isImplicit: Bool
        /// Whether the relation reads the same both ways (`detained-with`).
        public var isSymmetric: Bool
    }

    /// The nodes, people first, then by kind and Id.
    public private(set) var nodes: [Node] = []
    /// The edges, in link order.
    public private(set) var edges: [Edge] = []
    /// How many nodes were left out to keep the picture readable (0 when none).
    public private(set) var omitted = 0

    /// The graph of `set`; with `limit`, only the `limit` most connected nodes.
    /// - Complexity: O(entries + links) of the set, plus a sort of the nodes by degree when limited.
    public init(_ set: ExportSet, limit: Int? = nil) {
        let caseFile = set.caseFile
        var candidates: [String] = set.ids(of: .person) + set.ids(of: .post)
        var linked = Set<String>()
        for key in set.links {
            linked.insert(key.from)
            linked.insert(key.to)
        }
        for kind in [Kind.quote, .translation, .source] {
            candidates += set.ids(of: kind).filter { linked.contains($0) || (kind == .quote) }
        }
        var explicitAuthored = Set<LinkKey>()
        for key in set.links where key.rel == "authored" { explicitAuthored.insert(key) }
        var pairs: [(from: String, to: String, rel: String, note: String?, implicit: Bool)] = []
        for key in set.links {
            pairs.append((key.from, key.to, key.rel, caseFile.links[key]?.note, false))
        }
        for id in set.ids(of: .post) + set.ids(of: .quote) {
            guard let entry = caseFile[id], let author = entry[entry.kind == .post ? "Author" : "Speaker"],
                  !explicitAuthored.contains(LinkKey(from: author, rel: "authored", to: id)) else { continue }
            pairs.append((author, id, "authored", nil, true))
        }
        if let limit, candidates.count > limit {
            var degree: [String: Int] = [:]
            for pair in pairs {
                degree[pair.from, default: 0] += 1
                degree[pair.to, default: 0] += 1
            }
            let ranked = candidates.sorted { a, b in
                let (da, db) = (degree[a] ?? 0, degree[b] ?? 0)
                return da != db ? da > db : ByteOrder.less(a, b)
            }
            let kept = Set(ranked.prefix(limit))
            omitted = candidates.count - kept.count
            candidates = candidates.filter { kept.contains($0) }
        }
        var index: [String: Int] = [:]
        for id in candidates {
            guard index[id] == nil, let entry = caseFile[id] else { continue }
            index[id] = nodes.count
            nodes.append(Self.node(entry))
        }
        for pair in pairs {
            guard let from = index[pair.from], let to = index[pair.to] else { continue }
            let symmetric = Relation.reverse(of: pair.rel) == pair.rel
            edges.append(Edge(from: from, to: to, rel: pair.rel, note: pair.note, isImplicit: pair.implicit, isSymmetric: symmetric))
        }
    }

    static func node(_ entry: Entry) -> Node {
        switch entry.kind {
        case .person:
            let handle = entry.handles.first
            return Node(id: entry.id, kind: .person, title: entry.name ?? entry.id,
                        subtitle: handle.map { "\($0) · \(entry.id)" } ?? entry.id)
        case .source:
            return Node(id: entry.id, kind: .source, title: excerpt(entry["Title"] ?? entry.id, 40), subtitle: entry.id)
        default:
            let detail = [entry["Date"], entry["Platform"] ?? entry["Lang"]].compactMap { $0 }.joined(separator: " · ")
            return Node(id: entry.id, kind: entry.kind, title: entry.id,
                        subtitle: detail.isEmpty ? excerpt(entry.text ?? "", 30) : detail)
        }
    }

    /// The first `count` characters of `text` on one line, with an ellipsis when cut.
    static func excerpt(_ text: String, _ count: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= count ? flat : String(flat.prefix(count - 1)) + "…"
    }
}
