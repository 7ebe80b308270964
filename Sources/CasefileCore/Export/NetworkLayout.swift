/// How the network picture is laid out: Graphviz's `dot` when it is installed, or
/// casefile's own force-directed layout, which needs nothing and draws the same picture
/// on every machine (readable up to a few hundred nodes).
public enum NetworkLayout {
    /// What the user asked for.
    public enum Choice: String, Sendable, CaseIterable {
        /// `dot` when installed, else builtin.
        case auto
        /// Graphviz's `dot` (builtin, with a remark in the report, when it is missing).
        case dot
        /// casefile's own layout.
        case builtin
    }

    /// A node's box: its centre and size.
    struct Box {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// The size of `node`'s box, from its longer line.
    static func size(_ node: NetworkGraph.Node) -> (width: Double, height: Double) {
        let characters = max(node.title.count, node.subtitle.count)
        return (min(240, Double(characters) * 6.4 + 22), 38)
    }

    /// Places the nodes of `graph` by a Fruchterman–Reingold simulation from seeded
    /// positions, then pushes overlapping boxes apart; returns the boxes and the canvas size.
    /// Only +, −, ×, ÷ and √ are used, so the result is the same on every machine.
    /// - Complexity: O(n² · iterations) for n nodes (n is capped by the report).
    static func builtin(_ graph: NetworkGraph) -> (boxes: [Box], width: Double, height: Double) {
        let count = graph.nodes.count
        guard count > 0 else { return ([], 0, 0) }
        var boxes = graph.nodes.map { node -> Box in
            let size = size(node)
            return Box(x: 0, y: 0, width: size.width, height: size.height)
        }
        let ideal = 120.0
        let side = ideal * (Double(count) + 1).squareRoot() * 1.4
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(UInt64(1) << 53)
        }
        for index in boxes.indices {
            boxes[index].x = (next() - 0.5) * side
            boxes[index].y = (next() - 0.5) * side * 0.7
        }
        let iterations = 300
        var temperature = side / 8
        let cooling = temperature / Double(iterations + 1)
        var dx = [Double](repeating: 0, count: count)
        var dy = [Double](repeating: 0, count: count)
        for _ in 0..<iterations {
            for index in 0..<count {
                dx[index] = 0
                dy[index] = 0
            }
            for a in 0..<count {
                for b in (a + 1)..<count {
                    var x = boxes[a].x - boxes[b].x
                    var y = boxes[a].y - boxes[b].y
                    var distance = (x * x + y * y).squareRoot()
                    if distance < 0.01 {
                        x = 0.01 * Double(a - b)
                        y = 0.01
                        distance = 0.015
                    }
                    let force = ideal * ideal / distance
                    dx[a] += x / distance * force
                    dy[a] += y / distance * force
                    dx[b] -= x / distance * force
                    dy[b] -= y / distance * force
                }
            }
            for edge in graph.edges where edge.from != edge.to {
                let x = boxes[edge.from].x - boxes[edge.to].x
                let y = boxes[edge.from].y - boxes[edge.to].y
                let distance = max(0.01, (x * x + y * y).squareRoot())
                let force = distance * distance / ideal
                dx[edge.from] -= x / distance * force
                dy[edge.from] -= y / distance * force
                dx[edge.to] += x / distance * force
                dy[edge.to] += y / distance * force
            }
            for index in 0..<count {
                // A little gravity keeps unlinked entries from drifting off the page.
                dx[index] -= boxes[index].x * 0.02
                dy[index] -= boxes[index].y * 0.03
                let length = max(0.01, (dx[index] * dx[index] + dy[index] * dy[index]).squareRoot())
                let step = min(length, temperature)
                // Kept inside the frame, as Fruchterman and Reingold do: an entry with no
                // links is otherwise pushed far from the rest.
                boxes[index].x = min(side / 2, max(-side / 2, boxes[index].x + dx[index] / length * step))
                boxes[index].y = min(side * 0.35, max(-side * 0.35, boxes[index].y + dy[index] / length * step))
            }
            temperature -= cooling
        }
        separate(&boxes)
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        for box in boxes {
            minX = min(minX, box.x - box.width / 2)
            maxX = max(maxX, box.x + box.width / 2)
            minY = min(minY, box.y - box.height / 2)
            maxY = max(maxY, box.y + box.height / 2)
        }
        let margin = 24.0
        for index in boxes.indices {
            boxes[index].x += margin - minX
            boxes[index].y += margin - minY
        }
        return (boxes, maxX - minX + 2 * margin, maxY - minY + 2 * margin)
    }

    /// Pushes apart boxes that overlap (with a gap for edge labels), along the axis where
    /// they overlap least.
    static func separate(_ boxes: inout [Box]) {
        let gap = 14.0
        for _ in 0..<60 {
            var moved = false
            for a in 0..<boxes.count {
                for b in (a + 1)..<boxes.count {
                    let x = boxes[b].x - boxes[a].x
                    let y = boxes[b].y - boxes[a].y
                    let overlapX = (boxes[a].width + boxes[b].width) / 2 + gap - abs(x)
                    let overlapY = (boxes[a].height + boxes[b].height) / 2 + gap - abs(y)
                    guard overlapX > 0, overlapY > 0 else { continue }
                    moved = true
                    if overlapX < overlapY * 2.5 {
                        let shift = overlapX / 2 * (x < 0 ? -1 : 1)
                        boxes[a].x -= shift
                        boxes[b].x += shift
                    } else {
                        let shift = overlapY / 2 * (y < 0 ? -1 : 1)
                        boxes[a].y -= shift
                        boxes[b].y += shift
                    }
                }
            }
            if !moved { return }
        }
    }
}
