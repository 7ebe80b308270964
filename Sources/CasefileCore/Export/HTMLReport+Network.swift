extension HTMLReport {
    /// The picture of the network: Graphviz's layout or casefile's own, with a legend and
    /// a word on which drew it and what was left out.
    static func network(_ html: HTMLWriter, layout: NetworkLayout.Choice) {
        let set = html.content.set
        let graph = NetworkGraph(set, limit: pictureLimit)
        guard html.openSection("network", "Network", hasContent: !graph.nodes.isEmpty, empty: "No people or posts to draw.") else { return }
        html.raw("<figure class=\"network\">\n")
        var drawnBy = "casefile’s own layout"
        var drawn = false
        if layout != .builtin {
            let source = ExportStream()
            DOTExport.write(graph, title: "", to: source)
            if let result = Graphviz.svg(source.text) {
                html.raw(result.svg)
                drawnBy = "Graphviz dot" + (result.version.isEmpty ? "" : " " + result.version)
                drawn = true
            } else if layout == .dot {
                drawnBy += " (Graphviz’s dot was asked for but is not installed)"
            }
        }
        if !drawn { NetworkSVG.write(graph, NetworkLayout.builtin(graph), to: html) }
        html.raw("\n<figcaption><div class=\"legend\">")
        for (kind, label) in [(Kind.person, "person"), (.post, "post"), (.quote, "quote"), (.source, "source")] {
            let (fill, stroke) = NetworkSVG.colours(kind)
            html.raw("<span><i class=\"swatch\" style=\"background:\(fill);border-color:\(stroke)\"></i>\(label)</span>")
        }
        html.raw("<span>→ link (arrow: direction; red: criticizes; green: supports; dashed: author from the post)</span></div>")
        html.raw("\(graph.nodes.count) entries and \(graph.edges.count) links, drawn by ")
        html.text(drawnBy)
        html.raw(".")
        if graph.omitted > 0 {
            html.raw(" The \(graph.omitted) least linked entries are left out of the picture (they are all in the lists above).")
        }
        html.raw(" Each box links to its entry.</figcaption>\n</figure>\n</section>\n")
    }
}
