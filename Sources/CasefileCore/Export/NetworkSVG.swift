/// Draws a laid-out network as SVG for the report: boxes linking to the entries' anchors,
/// labelled arrows clipped at the boxes' edges.
enum NetworkSVG {
    static func write(_ graph: NetworkGraph, _ layout: (boxes: [NetworkLayout.Box], width: Double, height: Double),
                      to html: HTMLWriter) {
        let boxes = layout.boxes
        html.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(layout.width)) \(number(layout.height))\" ")
        html.raw("width=\"\(number(layout.width))\" height=\"\(number(layout.height))\" role=\"img\" aria-label=\"The network of people and posts\" ")
        html.raw("font-family=\"Helvetica, Arial, sans-serif\">\n<defs>")
        for (name, colour) in [("plain", "#5b6770"), ("red", "#b03a2e"), ("green", "#1e7d4f")] {
            html.raw("<marker id=\"\(HTMLWriter.reservedAnchor("arrow-" + name))\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" ")
            html.raw("orient=\"auto\"><path d=\"M0,1 L10,5 L0,9 z\" fill=\"\(colour)\"/></marker>")
        }
        html.raw("</defs>\n<g class=\"edges\">\n")
        var labels = ""
        for edge in graph.edges where edge.from != edge.to {
            let a = boxes[edge.from]
            let b = boxes[edge.to]
            let start = clip(from: a, toward: b)
            let end = clip(from: b, toward: a)
            let tone = edge.rel == "criticizes" ? "red" : edge.rel == "supports" ? "green" : "plain"
            let colour = tone == "red" ? "#b03a2e" : tone == "green" ? "#1e7d4f" : "#8a959e"
            html.raw("<line x1=\"\(number(start.x))\" y1=\"\(number(start.y))\" x2=\"\(number(end.x))\" y2=\"\(number(end.y))\" ")
            html.raw("stroke=\"\(colour)\" stroke-width=\"1.1\"")
            if edge.isImplicit { html.raw(" stroke-dasharray=\"4 3\"") }
            if !edge.isSymmetric { html.raw(" marker-end=\"url(#\(HTMLWriter.reservedAnchor("arrow-" + tone)))\"") }
            html.raw("/>\n")
            let midX = (start.x + end.x) / 2
            let midY = (start.y + end.y) / 2
            labels += "<text x=\"\(number(midX))\" y=\"\(number(midY + 3))\" text-anchor=\"middle\" font-size=\"9\" fill=\"\(colour == "#8a959e" ? "#5b6770" : colour)\" "
                + "stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">" + escaped(edge.rel) + "</text>\n"
        }
        html.raw("</g>\n<g class=\"labels\">\n")
        html.raw(labels)
        html.raw("</g>\n<g class=\"nodes\">\n")
        for (index, node) in graph.nodes.enumerated() {
            let box = boxes[index]
            let (fill, stroke) = colours(node.kind)
            html.raw("<a href=\"#")
            html.text(HTMLWriter.fragment(node.id))
            html.raw("\"><title>")
            html.text(node.kind.word + " " + node.id)
            html.raw("</title>")
            let left = box.x - box.width / 2
            let top = box.y - box.height / 2
            if node.kind == .person {
                html.raw("<ellipse cx=\"\(number(box.x))\" cy=\"\(number(box.y))\" rx=\"\(number(box.width / 2))\" ry=\"\(number(box.height / 2))\" ")
            } else {
                html.raw("<rect x=\"\(number(left))\" y=\"\(number(top))\" width=\"\(number(box.width))\" height=\"\(number(box.height))\" ")
                html.raw(node.kind == .quote ? "rx=\"10\" " : "rx=\"3\" ")
            }
            html.raw("fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"0.9\"/>")
            let limit = Int((box.width - 14) / 6.0)
            html.raw("<text x=\"\(number(box.x))\" y=\"\(number(box.y - 2))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1d2730\" font-weight=\"600\">")
            html.text(NetworkGraph.excerpt(node.title, max(8, limit)))
            html.raw("</text><text x=\"\(number(box.x))\" y=\"\(number(box.y + 11))\" text-anchor=\"middle\" font-size=\"9\" fill=\"#5b6770\">")
            html.text(NetworkGraph.excerpt(node.subtitle, max(8, limit + 4)))
            html.raw("</text></a>\n")
        }
        html.raw("</g>\n</svg>")
    }

    static func colours(_ kind: Kind) -> (fill: String, stroke: String) {
        switch kind {
        case .person: return ("#dbe9f6", "#4d7ea8")
        case .post: return ("#fdf3d0", "#c49a2c")
        case .quote: return ("#e3f1e0", "#5c9a58")
        case .source: return ("#eeeeee", "#8a8a8a")
        default: return ("#f4f4f4", "#9aa5ad")
        }
    }

    /// Where the line from `box`'s centre toward `other`'s leaves `box`.
    static func clip(from box: NetworkLayout.Box, toward other: NetworkLayout.Box) -> (x: Double, y: Double) {
        let dx = other.x - box.x
        let dy = other.y - box.y
        guard dx != 0 || dy != 0 else { return (box.x, box.y) }
        let tx = dx == 0 ? Double.infinity : (box.width / 2) / abs(dx)
        let ty = dy == 0 ? Double.infinity : (box.height / 2) / abs(dy)
        let t = min(tx, ty, 1)
        return (box.x + dx * t, box.y + dy * t)
    }

    /// A coordinate with one decimal, the same on every machine.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Text for SVG markup built as a string (edge labels): escaped like all report text.
    static func escaped(_ text: String) -> String {
        let stream = ExportStream()
        stream.appendHTMLText(text)
        return stream.text
    }
}
