/// `export dot`: the link graph for Graphviz (`dot -Tsvg`). People are ellipses, posts
/// notes, quotes rounded boxes, sources folders; links are labelled, directed edges (a
/// relation that reads the same both ways has no arrow), an author known only from a
/// post's Author field is a dashed edge. Each node links to `#ID`, its place in the report.
public enum DOTExport {
    /// Writes the graph of `set` to `out`.
    public static func write(_ set: ExportSet, to out: ExportStream) {
        write(NetworkGraph(set), title: set.caseFile.header.title ?? "casefile", to: out)
    }

    /// Writes `graph` to `out` as a digraph titled `title`.
    static func write(_ graph: NetworkGraph, title: String, to out: ExportStream) {
        out.append("digraph casefile {\n")
        out.append("  graph [label=\(quoted(title)), labelloc=t, fontname=\"Helvetica\", fontsize=14, rankdir=LR, ")
        out.append("nodesep=0.3, ranksep=0.6, bgcolor=\"white\"];\n")
        out.append("  node [fontname=\"Helvetica\", fontsize=10, style=filled, color=\"#5b6770\", penwidth=0.8];\n")
        out.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#5b6770\", fontcolor=\"#3a4650\", arrowsize=0.7];\n")
        for node in graph.nodes {
            out.append("  \(quoted(node.id)) [\(style(node.kind)), label=\(quoted(node.title + "\n" + node.subtitle)), ")
            // Graphviz copies a URL into SVG unescaped: only %-encoded characters go in it.
            out.append("URL=\(quoted("#" + HTMLWriter.fragment(node.id))), tooltip=\(quoted(node.kind.word + " " + node.id))];\n")
        }
        for edge in graph.edges {
            let from = graph.nodes[edge.from].id
            let to = graph.nodes[edge.to].id
            out.append("  \(quoted(from)) -> \(quoted(to)) [label=\(quoted(edge.rel))")
            if edge.isSymmetric { out.append(", dir=none") }
            if edge.isImplicit { out.append(", style=dashed") }
            if let note = edge.note { out.append(", tooltip=\(quoted(note))") }
            if edge.rel == "criticizes" { out.append(", color=\"#b03a2e\", fontcolor=\"#b03a2e\"") }
            if edge.rel == "supports" { out.append(", color=\"#1e7d4f\", fontcolor=\"#1e7d4f\"") }
            out.append("];\n")
        }
        out.append("}\n")
    }

    static func style(_ kind: Kind) -> String {
        switch kind {
        case .person: return "shape=ellipse, fillcolor=\"#dbe9f6\""
        case .post: return "shape=note, fillcolor=\"#fdf3d0\""
        case .quote: return "shape=box, style=\"rounded,filled\", fillcolor=\"#e3f1e0\""
        case .source: return "shape=folder, fillcolor=\"#eeeeee\""
        default: return "shape=note, style=\"dashed,filled\", fillcolor=\"#f4f4f4\""
        }
    }

    /// `text` as a DOT quoted string: backslashes and quotes escaped (so Graphviz reads no
    /// `\N`-style escape in them), line breaks as `\n`, controls made visible.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in Terminal.visible(text).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
